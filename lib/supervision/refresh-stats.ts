// Keeps supervision_daily_stat (the pre-aggregated overreach statistics) in step with the cases (SPEC §12, §14).
// Incremental: only the groups (filing day × issuing authority) of cases updated since the last refresh's watermark
// (the start of the oldest transaction still open when it read, less a margin for clock skew) are rebuilt, so a refresh
// costs what changed since, not the size of the table nor the last minutes again. A transaction-scoped
// advisory lock serialises concurrent refreshes (several app instances, the sweep); readers never wait for one.
import 'server-only';
import { prisma, Prisma, type TransactionClient } from '@/lib/db/client';
import { compactCaseStateCounts } from '@/lib/cases/views/state-counts';
import { compactCaseDeadlineCounts } from '@/lib/cases/views/deadline-counts';
import { scopedLogger } from '@/lib/security/logger';

/** Arbitrary constant naming the refresh lock. */
const REFRESH_LOCK = 72_707_040;
/**
 * Cases updated this long before the previous refresh's watermark are looked at again: an app server's clock may be
 * a little behind the database's when it stamps updated_at. Transactions that were still open when the previous
 * refresh read are covered by the watermark itself (the oldest one's start), however long they ran.
 */
const CLOCK_SKEW_MARGIN_MS = 60 * 1000;
/** A complete rebuild, as a safety net, when the last one is older than this (done by the sweep, never by a page). */
export const FULL_REBUILD_INTERVAL_MS = 24 * 3600 * 1000;

export interface RefreshResult {
  /** Another refresh held the lock longer than `maxWaitMs`: nothing was done. */
  skipped: boolean;
  full: boolean;
  /** Groups (filing day × authority) rebuilt by an incremental refresh. */
  groups: number;
}

/** Aggregates of the cases matched by `where` (a condition on appeal_case c), one row per filing day and group. */
function insertAggregates(tx: TransactionClient, from: Prisma.Sql, where: Prisma.Sql) {
  return tx.$executeRaw`
    INSERT INTO supervision_daily_stat (day, province_code, issuing_province_code, issuing_unit_code, type, refusing_province_code,
                                        received, decided, overturned, overreach, decided_within_deadline, decision_seconds)
    SELECT (c.filed_at AT TIME ZONE 'Asia/Shanghai')::date, c.province_code, c.issuing_province_code, c.issuing_unit_code, c.type,
           COALESCE(c.refusing_province_code, ''),
           count(*)::int,
           count(f.case_id)::int,
           count(*) FILTER (WHERE COALESCE(s.outcome, f.outcome) IN ('DOWNGRADED', 'REVOKED'))::int,
           count(*) FILTER (WHERE c.prima_facie_overreach)::int,
           count(*) FILTER (WHERE f.decided_at <= f.deadline_at)::int,
           COALESCE(array_agg(round(extract(epoch FROM f.decided_at - c.filed_at))::int) FILTER (WHERE f.case_id IS NOT NULL), '{}')
      FROM ${from}
      LEFT JOIN decision f ON f.province_code = c.province_code AND f.case_id = c.id AND f.level = 'FIRST'
      LEFT JOIN decision s ON s.province_code = c.province_code AND s.case_id = c.id AND s.level = 'SECOND'
     WHERE ${where}
     GROUP BY 1, 2, 3, 4, 5, 6`;
}

async function rebuildAll(tx: TransactionClient): Promise<void> {
  await tx.$executeRaw`DELETE FROM supervision_daily_stat`;
  await insertAggregates(tx, Prisma.sql`appeal_case c`, Prisma.sql`TRUE`);
}

/**
 * Rebuilds the groups (filing day × issuing authority × type × refusing province) of cases updated at or after `since`,
 * for every pool province at once, so a case transferred to another province leaves its old row too. Returns how many
 * groups. Each group is one range scan of appeal_case_issuing_filed_idx: the cost follows what changed.
 */
async function rebuildChangedGroups(tx: TransactionClient, since: Date): Promise<number> {
  const keys = await tx.$queryRaw<{ day: string; ipc: string; iuc: string; type: string; refusing: string }[]>`
    SELECT DISTINCT to_char(filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, issuing_province_code::text AS ipc,
           issuing_unit_code::text AS iuc, type::text AS type, COALESCE(refusing_province_code, '') AS refusing
      FROM appeal_case WHERE updated_at >= ${since}`;
  if (keys.length === 0) return 0;
  const days = keys.map((k) => k.day);
  const starts = keys.map((k) => `${k.day}T00:00:00+08:00`);
  const ipcs = keys.map((k) => k.ipc);
  const iucs = keys.map((k) => k.iuc);
  const types = keys.map((k) => k.type);
  const refusings = keys.map((k) => k.refusing);
  await tx.$executeRaw`
    DELETE FROM supervision_daily_stat s
     USING unnest(${days}::date[], ${ipcs}::text[], ${iucs}::text[], ${types}::text[], ${refusings}::text[]) AS k(day, ipc, iuc, type, refusing)
     WHERE s.day = k.day AND s.issuing_province_code = k.ipc::char(2) AND s.issuing_unit_code = k.iuc::char(6)
       AND s.type = k.type::"CaseType" AND s.refusing_province_code = k.refusing`;
  await insertAggregates(
    tx,
    Prisma.sql`unnest(${starts}::timestamptz[], ${ipcs}::text[], ${iucs}::text[], ${types}::text[], ${refusings}::text[]) AS k(start, ipc, iuc, type, refusing)
      JOIN appeal_case c ON c.issuing_province_code = k.ipc::char(2) AND c.issuing_unit_code = k.iuc::char(6)
                        AND c.filed_at >= k.start AND c.filed_at < k.start + interval '1 day'`,
    Prisma.sql`c.type = k.type::"CaseType" AND COALESCE(c.refusing_province_code, '') = k.refusing`,
  );
  return keys.length;
}

function isLockTimeout(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''} ${JSON.stringify((error as { meta?: unknown })?.meta ?? '')}`;
  return /55P03|lock timeout/i.test(text);
}

/**
 * Brings the statistics up to date. `full` rebuilds everything (the sweep does, once a day); otherwise only changed
 * groups, or everything when the table was never built. With `maxWaitMs`, a refresh running elsewhere is waited
 * for that long at most (an incremental one takes milliseconds); past it, nothing is done and the figures are read
 * as the other refresh left them.
 */
export async function refreshSupervisionStats(
  options: { full?: boolean; maxWaitMs?: number } = {},
): Promise<RefreshResult> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        if (options.maxWaitMs !== undefined) {
          await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${Math.max(1, Math.floor(options.maxWaitMs))}ms`}, true)`;
        }
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
        await tx.$executeRaw`SELECT set_config('lock_timeout', '0', true)`;
        // A case changed by a transaction this refresh cannot see yet was stamped after that transaction began, so the
        // next refresh starts from the oldest open transaction's start (this one's at the latest). Sessions of the
        // app's own database role are all visible here; other roles do not write cases.
        const [clock] = await tx.$queryRaw<{ now: Date; watermark: Date }[]>`
          SELECT now() AS now,
                 LEAST(now(), (SELECT min(xact_start) FROM pg_stat_activity
                                WHERE datname = current_database() AND xact_start IS NOT NULL)) AS watermark`;
        const { now, watermark } = clock!;
        const state = await tx.supervisionStatsRefresh.findUnique({ where: { id: 1 } });
        const full = options.full === true || !state;
        let groups = 0;
        if (full) await rebuildAll(tx);
        else groups = await rebuildChangedGroups(tx, new Date(state.watermark.getTime() - CLOCK_SKEW_MARGIN_MS));
        // The per-state and deadline counts of the homes and the board ride along: their deltas are folded in whenever
        // the statistics move.
        await compactCaseStateCounts(tx);
        await compactCaseDeadlineCounts(tx);
        await tx.supervisionStatsRefresh.upsert({
          where: { id: 1 },
          create: { id: 1, watermark, refreshedAt: now, fullRebuildAt: now },
          update: { watermark, refreshedAt: now, ...(full ? { fullRebuildAt: now } : {}) },
        });
        return { skipped: false, full, groups };
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (options.maxWaitMs !== undefined && isLockTimeout(error)) return { skipped: true, full: false, groups: 0 };
    throw error;
  }
}

/**
 * How old the statistics may be when a page or an export reads them (default one minute; `STATS_MAX_AGE_SECONDS`).
 * The figures are shown with the time they were brought up to date.
 */
export function statsMaxAgeMs(value = process.env.STATS_MAX_AGE_SECONDS): number {
  const seconds = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 60_000;
}

let backgroundRefresh: Promise<void> | null = null;

/**
 * What pages and exports call before reading, so that no reader waits on a refresh (stale-while-revalidate): when
 * the statistics were never built, they are built now; when they are older than `statsMaxAgeMs()`, one refresh is
 * started in the background (one per process at a time; another instance's refresh is not waited for) and the
 * figures are read as they are.
 */
export async function refreshSupervisionStatsForRead(now = new Date()): Promise<void> {
  const refreshedAt = await statsRefreshedAt();
  if (!refreshedAt) {
    await refreshSupervisionStats({ maxWaitMs: 3000 });
    return;
  }
  if (now.getTime() - refreshedAt.getTime() < statsMaxAgeMs() || backgroundRefresh) return;
  backgroundRefresh = refreshSupervisionStats({ maxWaitMs: 0 })
    .then(() => undefined)
    .catch((error: unknown) =>
      scopedLogger('supervision').error({ err: error }, 'background statistics refresh failed'),
    )
    .finally(() => {
      backgroundRefresh = null;
    });
}

/** The refresh a reader started in the background, if one is running (for tests and orderly shutdown). */
export function backgroundStatsRefresh(): Promise<void> {
  return backgroundRefresh ?? Promise.resolve();
}

/** For the scheduled sweep: incremental, plus the daily complete rebuild when it is due. */
export async function refreshSupervisionStatsScheduled(now = new Date()): Promise<RefreshResult> {
  const state = await prisma.supervisionStatsRefresh.findUnique({ where: { id: 1 }, select: { fullRebuildAt: true } });
  const full = !state || now.getTime() - state.fullRebuildAt.getTime() >= FULL_REBUILD_INTERVAL_MS;
  return refreshSupervisionStats({ full, maxWaitMs: 0 });
}

/** When the statistics were last brought up to date (shown beside the figures). */
export async function statsRefreshedAt(db: TransactionClient = prisma): Promise<Date | null> {
  const state = await db.supervisionStatsRefresh.findUnique({ where: { id: 1 }, select: { refreshedAt: true } });
  return state?.refreshedAt ?? null;
}
