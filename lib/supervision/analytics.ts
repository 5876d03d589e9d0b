// Overreach analytics (SPEC §12): per issuing authority (province, then its cities and counties) the appeals
// received, decided, overturned (latest decision DOWNGRADED or REVOKED) and their rate, prima facie overreach,
// median time to the first decision and the share decided within deadline; a weekly trend; and the province ×
// province matrix of recognition complaints. Read from the pre-aggregated supervision_daily_stat, within scope.
import 'server-only';
import { prisma, Prisma, type TransactionClient } from '@/lib/db/client';
import { divisionNames } from '@/lib/reference/divisions';
import { shanghaiDate } from '@/lib/core/calendar';
import { defaultPeriod, isoWeekLabel, isoWeeksBetween, type Period } from './periods';
import { refreshSupervisionStatsForRead, statsRefreshedAt } from './refresh-stats';
import type { AnalyticsCaseType, AnalyticsFilters } from './schemas';
import { scopeProvinceSql } from './scope';
import { scopedLogger } from '@/lib/security/logger';
import { type Actor } from '@/lib/auth/actor';

export interface AuthorityFigures {
  received: number;
  decided: number;
  overturned: number;
  /** overturned / decided; null when nothing was decided. */
  overturnRate: number | null;
  overreach: number;
  /** Median hours from filing to the first-level decision; null when nothing was decided. */
  medianHours: number | null;
  decidedWithinDeadline: number;
  /** decidedWithinDeadline / decided; null when nothing was decided. */
  withinDeadlineShare: number | null;
}

export interface AuthorityRow extends AuthorityFigures {
  code: string;
  name: string;
}

export interface AuthorityTable {
  /** Null: one row per issuing province; a code: one row per city/county of that issuing province. */
  province: { code: string; name: string } | null;
  rows: AuthorityRow[];
  total: AuthorityFigures;
}

export interface TrendWeek {
  /** Monday of the ISO week (`yyyy-MM-dd`). */
  week: string;
  /** `2026-W48` */
  label: string;
  received: number;
  decided: number;
  overturned: number;
}

export interface RecognitionMatrix {
  issuing: { code: string; name: string }[];
  refusing: { code: string; name: string }[];
  /** `${issuing}-${refusing}` → complaints. */
  counts: Record<string, number>;
  total: number;
}

export interface ResolvedAnalyticsFilters {
  period: Period;
  type: AnalyticsCaseType;
  province: string | null;
}

export interface OverreachAnalytics {
  filters: ResolvedAnalyticsFilters;
  authorities: AuthorityTable;
  trend: TrendWeek[];
  matrix: RecognitionMatrix;
  refreshedAt: Date | null;
}

/** Filters as the page and the export read them: a missing period means the last 12 weeks, an empty one "all time". */
export function resolveAnalyticsFilters(
  filters: AnalyticsFilters,
  present: { from: boolean; to: boolean },
  now = new Date(),
): ResolvedAnalyticsFilters {
  const fallback = defaultPeriod(now);
  return {
    period: {
      from: present.from ? (filters.from ?? null) : fallback.from,
      to: present.to ? (filters.to ?? null) : fallback.to,
    },
    type: filters.type ?? 'CODE_APPEAL',
    province: filters.province ?? null,
  };
}

function whereStats(scope: Actor, filters: ResolvedAnalyticsFilters, extra: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  const { from, to } = filters.period;
  return Prisma.sql`${scopeProvinceSql(scope, 'd.province_code')}
    AND ${from ? Prisma.sql`d.day >= ${from}::date` : Prisma.sql`TRUE`}
    AND ${to ? Prisma.sql`d.day <= ${to}::date` : Prisma.sql`TRUE`}
    AND ${filters.type === 'ALL' ? Prisma.sql`TRUE` : Prisma.sql`d.type = ${filters.type}::"CaseType"`}
    AND ${extra}`;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function figures(
  row: { received: number; decided: number; overturned: number; overreach: number; within: number } | undefined,
  median: number | null,
): AuthorityFigures {
  const r = row ?? { received: 0, decided: 0, overturned: 0, overreach: 0, within: 0 };
  return {
    received: r.received,
    decided: r.decided,
    overturned: r.overturned,
    overturnRate: ratio(r.overturned, r.decided),
    overreach: r.overreach,
    medianHours: median === null ? null : median / 3600,
    decidedWithinDeadline: r.within,
    withinDeadlineShare: ratio(r.within, r.decided),
  };
}

export async function getAuthorityTable(
  scope: Actor,
  filters: ResolvedAnalyticsFilters,
  db: TransactionClient = prisma,
): Promise<AuthorityTable> {
  const key = Prisma.raw(filters.province ? 'd.issuing_unit_code' : 'd.issuing_province_code');
  const where = whereStats(
    scope,
    filters,
    filters.province ? Prisma.sql`d.issuing_province_code = ${filters.province}` : undefined,
  );
  const [counts, medians] = await Promise.all([
    db.$queryRaw<
      {
        code: string | null;
        total: boolean;
        received: number;
        decided: number;
        overturned: number;
        overreach: number;
        within: number;
      }[]
    >`
      -- Read into the coordinator first: Citus runs GROUPING SETS only there (docs/scaling.md).
      WITH d AS MATERIALIZED (SELECT * FROM supervision_daily_stat d WHERE ${where})
      SELECT ${key}::text AS code, GROUPING(${key}) = 1 AS total,
             sum(d.received)::int AS received, sum(d.decided)::int AS decided, sum(d.overturned)::int AS overturned,
             sum(d.overreach)::int AS overreach, sum(d.decided_within_deadline)::int AS within
        FROM d
       GROUP BY GROUPING SETS ((${key}), ())`,
    db.$queryRaw<{ code: string | null; total: boolean; median: number }[]>`
      WITH d AS MATERIALIZED (SELECT * FROM supervision_daily_stat d WHERE ${where})
      SELECT ${key}::text AS code, GROUPING(${key}) = 1 AS total, percentile_cont(0.5) WITHIN GROUP (ORDER BY s)::float8 AS median
        FROM d CROSS JOIN LATERAL unnest(d.decision_seconds) AS s
       GROUP BY GROUPING SETS ((${key}), ())`,
  ]);
  const medianOf = new Map(medians.map((row) => [row.total ? '' : row.code, row.median]));
  const groups = counts.filter((row) => !row.total && row.code);
  const names = await divisionNames([
    ...groups.map((row) => row.code!),
    ...(filters.province ? [filters.province] : []),
  ]);
  const rows = groups
    .map((row) => ({
      code: row.code!,
      name: names.get(row.code!) ?? row.code!,
      ...figures(row, medianOf.get(row.code!) ?? null),
    }))
    .sort((a, b) => b.received - a.received || a.code.localeCompare(b.code));
  return {
    province: filters.province
      ? { code: filters.province, name: names.get(filters.province) ?? filters.province }
      : null,
    rows,
    total: figures(
      counts.find((row) => row.total),
      medianOf.get('') ?? null,
    ),
  };
}

export async function getWeeklyTrend(
  scope: Actor,
  filters: ResolvedAnalyticsFilters,
  now = new Date(),
  db: TransactionClient = prisma,
): Promise<TrendWeek[]> {
  const where = whereStats(
    scope,
    filters,
    filters.province ? Prisma.sql`d.issuing_province_code = ${filters.province}` : undefined,
  );
  const rows = await db.$queryRaw<{ week: string; received: number; decided: number; overturned: number }[]>`
    SELECT to_char(date_trunc('week', d.day), 'YYYY-MM-DD') AS week,
           sum(d.received)::int AS received, sum(d.decided)::int AS decided, sum(d.overturned)::int AS overturned
      FROM supervision_daily_stat d
     WHERE ${where}
     GROUP BY 1 ORDER BY 1`;
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  const first = filters.period.from ?? rows[0]?.week;
  const last = filters.period.to ?? shanghaiDate(now);
  if (!first) return [];
  return isoWeeksBetween(first, last).map((week) => {
    const row = byWeek.get(week);
    return {
      week,
      label: isoWeekLabel(week),
      received: row?.received ?? 0,
      decided: row?.decided ?? 0,
      overturned: row?.overturned ?? 0,
    };
  });
}

export async function getRecognitionMatrix(
  scope: Actor,
  filters: ResolvedAnalyticsFilters,
  db: TransactionClient = prisma,
): Promise<RecognitionMatrix> {
  const where = whereStats(scope, { ...filters, type: 'RECOGNITION_COMPLAINT' });
  const rows = await db.$queryRaw<{ issuing: string; refusing: string; count: number }[]>`
    SELECT d.issuing_province_code::text AS issuing, d.refusing_province_code AS refusing, sum(d.received)::int AS count
      FROM supervision_daily_stat d
     WHERE ${where}
     GROUP BY 1, 2`;
  const issuingCodes = [...new Set(rows.map((row) => row.issuing))].sort();
  const refusingCodes = [...new Set(rows.map((row) => row.refusing))].sort();
  const names = await divisionNames([...issuingCodes, ...refusingCodes]);
  const named = (code: string) => ({ code, name: names.get(code) ?? code });
  return {
    issuing: issuingCodes.map(named),
    refusing: refusingCodes.map(named),
    counts: Object.fromEntries(rows.map((row) => [`${row.issuing}-${row.refusing}`, row.count])),
    total: rows.reduce((sum, row) => sum + row.count, 0),
  };
}

/** Computed pages, by scope, filters and day, each with the statistics version it was computed from. */
const CACHE_ENTRIES = 200;
const cache = new Map<string, OverreachAnalytics>();
const computing = new Map<string, Promise<OverreachAnalytics>>();

async function computeAnalytics(
  scope: Actor,
  filters: ResolvedAnalyticsFilters,
  now: Date,
  refreshedAt: Date | null,
): Promise<OverreachAnalytics> {
  const [authorities, trend, matrix] = await Promise.all([
    getAuthorityTable(scope, filters),
    getWeeklyTrend(scope, filters, now),
    getRecognitionMatrix(scope, filters),
  ]);
  return { filters, authorities, trend, matrix, refreshedAt };
}

/** One computation per page and statistics version at a time; the result replaces an older one in the cache. */
function computeOnce(
  key: string,
  scope: Actor,
  filters: ResolvedAnalyticsFilters,
  now: Date,
  refreshedAt: Date | null,
) {
  const flight = `${key}|${refreshedAt?.toISOString() ?? ''}`;
  let running = computing.get(flight);
  if (!running) {
    running = computeAnalytics(scope, filters, now, refreshedAt)
      .then((computed) => {
        const held = cache.get(key);
        if (!held || (held.refreshedAt?.getTime() ?? 0) <= (refreshedAt?.getTime() ?? 0)) {
          cache.delete(key);
          if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
          cache.set(key, computed);
        }
        return computed;
      })
      .finally(() => computing.delete(flight));
    computing.set(flight, running);
  }
  return running;
}

/**
 * Everything the analytics page shows, with the time of the statistics it was computed from (the page shows it). The
 * statistics change only when a refresh rewrites them (moving `refreshedAt` in the same transaction), so a page
 * computed once stays true for that version: pages are kept per scope and filters, and after a refresh the kept page
 * is shown while the new one is computed in the background. National medians over a million decisions are then
 * worked out once per refresh, never while a supervisor waits, except for a page nobody has asked for before.
 */
export async function loadOverreachAnalytics(
  scope: Actor,
  filters: ResolvedAnalyticsFilters,
  now = new Date(),
): Promise<OverreachAnalytics> {
  await refreshSupervisionStatsForRead(now);
  const refreshedAt = await statsRefreshedAt();
  const key = JSON.stringify([scope.provinceCode, filters, shanghaiDate(now)]);
  const cached = cache.get(key);
  if (cached && cached.refreshedAt?.getTime() === refreshedAt?.getTime()) return cached;
  const fresh = computeOnce(key, scope, filters, now, refreshedAt);
  if (!cached) return fresh;
  fresh.catch((error: unknown) => scopedLogger('supervision').error({ err: error }, 'analytics computation failed'));
  return cached;
}

/** Pages being computed in the background (for tests). */
export async function analyticsComputed(): Promise<void> {
  await Promise.allSettled([...computing.values()]);
}
