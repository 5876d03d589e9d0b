// Overdue and at-risk cases per pool province at a million cases without reading every overdue case (SPEC §7, §12).
// Whether a case is overdue changes with the clock, not with a write, so triggers on appeal_case (migration
// 20261208000000_deadline_counters) keep open cases per province and UTC hour of a deadline instant, like the per-state
// counters (state-counts.ts): +1/-1 rows in case_deadline_delta, folded into case_deadline_count by a compaction.
// A count at `now` is the counter rows of the hours before now's hour plus a live index range over now's hour only;
// it equals overdueSql / atRiskSql (deadline-filters.ts) for every case and every `now`:
//   overdue = 'due' rows (hour < H) + open cases with due_at in [H, now) that can be overdue;
//   at risk = running clocks with at_risk_at <= now minus those with due_at < now (at_risk_at <= due_at always,
//             scheduleDeadline), i.e. 'risk' rows (hour < H) + live [H, now] minus running 'due' rows + live [H, now).
// Each reviewer's overdue cases (the board's workload) are kept the same way per assignee: reviewer_deadline_count and
// reviewer_deadline_delta, the 'due' cases in REVIEWER_LOAD_STATES with an assignee.
import 'server-only';
import { cache } from 'react';
import { prisma, Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import { scopeProvinceSql } from '@/lib/supervision/scope';
import { statesSql } from '@/lib/cases/rules/deadline-filters';
import { OPEN_STATES, REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';

/** The kinds of counter rows (TEXT with a CHECK constraint in the migration). */
export const DEADLINE_COUNT_KINDS = ['due', 'risk'] as const;

export interface DeadlineCountRow {
  provinceCode: string;
  overdue: number;
  atRisk: number;
}

const HOUR_MS = 3_600_000;

/** The start of the UTC hour holding `at`, as the triggers bucket it. */
export function deadlineHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** The UTC hour of a timestamp column, as SQL (the same expression as the triggers'). */
function hourSql(column: string): Prisma.Sql {
  return Prisma.raw(`to_timestamp(floor(extract(epoch FROM ${column}) / 3600) * 3600)`);
}

/**
 * Overdue and at-risk cases per province, in one province or (null) the whole country, at `now`. One statement: one
 * consistent snapshot of the counters and the cases. The live parts are index ranges over now's hour:
 * appeal_case_open_deadline_idx for due_at, appeal_case_at_risk_idx for at_risk_at.
 */
export async function countDeadlinesByProvince(
  provinceCode: string | null,
  now: Date,
  db: TransactionClient = prisma,
): Promise<DeadlineCountRow[]> {
  const inScope = (column: string) => scopeProvinceSql({ provinceCode }, column);
  const hour = deadlineHour(now);
  const open = Prisma.sql`c.state IN (${statesSql(OPEN_STATES)})`;
  const rows = await sqlRows<{ province_code: string; overdue: number; at_risk: number }>(
    db,
    Prisma.sql`
    SELECT t.province_code::text AS province_code, sum(t.overdue)::int AS overdue, sum(t.at_risk)::int AS at_risk
      FROM (SELECT k.province_code,
                   COALESCE(sum(k.n) FILTER (WHERE k.kind = 'due'), 0) AS overdue,
                   COALESCE(sum(k.n) FILTER (WHERE k.kind = 'risk'), 0)
                     - COALESCE(sum(k.n) FILTER (WHERE k.kind = 'due' AND k.running), 0) AS at_risk
              FROM (SELECT province_code, kind, running, count AS n FROM case_deadline_count
                     WHERE ${inScope('province_code')} AND hour < ${hour}
                    UNION ALL
                    SELECT province_code, kind, running, delta FROM case_deadline_delta
                     WHERE ${inScope('province_code')} AND hour < ${hour}) k
             GROUP BY k.province_code
            UNION ALL
            SELECT c.province_code, count(*), -count(*) FILTER (WHERE c.paused_since IS NULL)
              FROM appeal_case c
             WHERE ${inScope('c.province_code')} AND ${open} AND c.due_at >= ${hour} AND c.due_at < ${now}
               AND (c.paused_since IS NULL OR c.due_at < c.paused_since)
             GROUP BY c.province_code
            UNION ALL
            SELECT c.province_code, 0, count(*)
              FROM appeal_case c
             WHERE ${inScope('c.province_code')} AND ${open} AND c.paused_since IS NULL
               AND c.at_risk_at >= ${hour} AND c.at_risk_at <= ${now}
             GROUP BY c.province_code) t
     GROUP BY t.province_code
    HAVING sum(t.overdue) <> 0 OR sum(t.at_risk) <> 0
     ORDER BY t.province_code`,
  );
  return rows.map((row) => ({ provinceCode: row.province_code, overdue: row.overdue, atRisk: row.at_risk }));
}

/**
 * Overdue cases in REVIEWER_LOAD_STATES per assignee, for the given reviewers, in one province or (null) the whole
 * country, at `now`: their counter rows of the hours before now's hour plus their cases due within now's hour so far
 * (appeal_case_open_deadline_idx). Reviewers with none are left out.
 */
export async function countOverdueByReviewer(
  provinceCode: string | null,
  assigneeIds: readonly string[],
  now: Date,
  db: TransactionClient = prisma,
): Promise<Map<string, number>> {
  if (assigneeIds.length === 0) return new Map();
  const inScope = (column: string) => scopeProvinceSql({ provinceCode }, column);
  const ids = Prisma.join(assigneeIds.map((id) => Prisma.sql`${id}::uuid`));
  const hour = deadlineHour(now);
  const rows = await sqlRows<{ assignee_id: string; count: number }>(
    db,
    Prisma.sql`
    SELECT t.assignee_id::text AS assignee_id, sum(t.n)::int AS count
      FROM (SELECT assignee_id, count AS n FROM reviewer_deadline_count
             WHERE ${inScope('province_code')} AND assignee_id IN (${ids}) AND hour < ${hour}
            UNION ALL
            SELECT assignee_id, delta FROM reviewer_deadline_delta
             WHERE ${inScope('province_code')} AND assignee_id IN (${ids}) AND hour < ${hour}
            UNION ALL
            SELECT c.assignee_id, 1 FROM appeal_case c
             WHERE ${inScope('c.province_code')} AND c.state IN (${statesSql(REVIEWER_LOAD_STATES)})
               AND c.due_at >= ${hour} AND c.due_at < ${now} AND (c.paused_since IS NULL OR c.due_at < c.paused_since)
               AND c.assignee_id IN (${ids})) t
     GROUP BY t.assignee_id
    HAVING sum(t.n) <> 0`,
  );
  return new Map(rows.map((row) => [row.assignee_id, row.count]));
}

/** Within one server request, one read per scope and time (the board's counts and the home share it). */
const sharedDeadlines = cache((provinceCode: string | null, nowMs: number) =>
  countDeadlinesByProvince(provinceCode, new Date(nowMs)),
);

/**
 * countDeadlinesByProvince for the parts of one page rendered at `now`: through the shared client read once per server
 * request (React's cache(); outside a request every call reads), inside a transaction (the CSV export) from it.
 */
export function countDeadlinesAt(
  provinceCode: string | null,
  now: Date,
  db: TransactionClient = prisma,
): Promise<DeadlineCountRow[]> {
  return db === prisma ? sharedDeadlines(provinceCode, now.getTime()) : countDeadlinesByProvince(provinceCode, now, db);
}

/**
 * Folds the deltas into the counts and drops the rows that reached zero (a closed hour's cases all decided); safe to
 * run anywhere and concurrently, like compactCaseStateCounts. Returns how many deltas were folded.
 */
export async function compactCaseDeadlineCounts(db: TransactionClient = prisma): Promise<number> {
  const [row] = await sqlRows<{ folded: number }>(
    db,
    Prisma.sql`
    WITH moved AS (DELETE FROM case_deadline_delta RETURNING province_code, kind, hour, running, delta),
         summed AS (SELECT province_code, kind, hour, running, sum(delta)::int AS delta, count(*)::int AS n
                      FROM moved GROUP BY 1, 2, 3, 4),
         folded AS (
           INSERT INTO case_deadline_count (province_code, kind, hour, running, count)
           SELECT province_code, kind, hour, running, delta FROM summed
           ON CONFLICT (province_code, kind, hour, running) DO UPDATE SET count = case_deadline_count.count + EXCLUDED.count)
    SELECT COALESCE(sum(n), 0)::int AS folded FROM summed`,
  );
  const [reviewers] = await sqlRows<{ folded: number }>(
    db,
    Prisma.sql`
    WITH moved AS (DELETE FROM reviewer_deadline_delta RETURNING province_code, assignee_id, hour, delta),
         summed AS (SELECT province_code, assignee_id, hour, sum(delta)::int AS delta, count(*)::int AS n
                      FROM moved GROUP BY 1, 2, 3),
         folded AS (
           INSERT INTO reviewer_deadline_count (province_code, assignee_id, hour, count)
           SELECT province_code, assignee_id, hour, delta FROM summed
           ON CONFLICT (assignee_id, province_code, hour) DO UPDATE SET count = reviewer_deadline_count.count + EXCLUDED.count)
    SELECT COALESCE(sum(n), 0)::int AS folded FROM summed`,
  );
  await db.$executeRaw`DELETE FROM case_deadline_count WHERE count = 0`;
  await db.$executeRaw`DELETE FROM reviewer_deadline_count WHERE count = 0`;
  return (row?.folded ?? 0) + (reviewers?.folded ?? 0);
}

/** Counts everything again from the cases (after bulk loads that bypass the triggers, such as the benchmark's COPY). */
export async function recountCaseDeadlines(db: Pick<TransactionClient, '$executeRaw'>): Promise<void> {
  const open = Prisma.sql`state IN (${statesSql(OPEN_STATES)})`;
  await db.$executeRaw`DELETE FROM case_deadline_delta`;
  await db.$executeRaw`DELETE FROM case_deadline_count`;
  await db.$executeRaw`DELETE FROM reviewer_deadline_delta`;
  await db.$executeRaw`DELETE FROM reviewer_deadline_count`;
  await db.$executeRaw`
    INSERT INTO case_deadline_count (province_code, kind, hour, running, count)
    SELECT province_code, 'due', ${hourSql('due_at')}, paused_since IS NULL, count(*)::int FROM appeal_case
     WHERE ${open} AND (paused_since IS NULL OR due_at < paused_since)
     GROUP BY 1, 3, 4`;
  await db.$executeRaw`
    INSERT INTO case_deadline_count (province_code, kind, hour, running, count)
    SELECT province_code, 'risk', ${hourSql('at_risk_at')}, TRUE, count(*)::int FROM appeal_case
     WHERE ${open} AND paused_since IS NULL
     GROUP BY 1, 3`;
  await db.$executeRaw`
    INSERT INTO reviewer_deadline_count (province_code, assignee_id, hour, count)
    SELECT province_code, assignee_id, ${hourSql('due_at')}, count(*)::int FROM appeal_case
     WHERE state IN (${statesSql(REVIEWER_LOAD_STATES)}) AND assignee_id IS NOT NULL
       AND (paused_since IS NULL OR due_at < paused_since)
     GROUP BY 1, 2, 3`;
}
