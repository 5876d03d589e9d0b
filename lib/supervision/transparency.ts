// The public transparency figures (SPEC §12): per province (all 31), appeals received, the share decided within
// deadline, the overturn rate and the median time to decision. Only counts and durations, never a case or a person;
// "province" is the province whose reviewers handle the cases. Read from the pre-aggregated statistics.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { listProvinces } from '@/lib/reference/divisions';
import { refreshSupervisionStatsForRead, statsRefreshedAt } from './refresh-stats';

export interface ProvinceTransparencyRow {
  code: string;
  name: string;
  received: number;
  decided: number;
  /** Null when nothing was decided. */
  withinDeadlineShare: number | null;
  overturnRate: number | null;
  medianHours: number | null;
}

export interface TransparencyReport {
  provinces: ProvinceTransparencyRow[];
  national: Omit<ProvinceTransparencyRow, 'code' | 'name'>;
  /** ISO time the figures were brought up to date (a string: the report is cached as JSON). */
  asOf: string | null;
}

export async function getTransparencyReport(): Promise<TransparencyReport> {
  await refreshSupervisionStatsForRead();
  const [provinces, counts, medians, refreshedAt] = await Promise.all([
    listProvinces(),
    prisma.$queryRaw<
      { code: string | null; total: boolean; received: number; decided: number; overturned: number; within: number }[]
    >`
      -- Read into the coordinator first: Citus runs GROUPING SETS only there (docs/scaling.md).
      WITH d AS MATERIALIZED (SELECT * FROM supervision_daily_stat)
      SELECT province_code::text AS code, GROUPING(province_code) = 1 AS total, sum(received)::int AS received,
             sum(decided)::int AS decided, sum(overturned)::int AS overturned, sum(decided_within_deadline)::int AS within
        FROM d
       GROUP BY GROUPING SETS ((province_code), ())`,
    prisma.$queryRaw<{ code: string | null; total: boolean; median: number }[]>`
      WITH d AS MATERIALIZED (SELECT province_code, decision_seconds FROM supervision_daily_stat)
      SELECT province_code::text AS code, GROUPING(province_code) = 1 AS total,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY s)::float8 AS median
        FROM d CROSS JOIN LATERAL unnest(decision_seconds) AS s
       GROUP BY GROUPING SETS ((province_code), ())`,
    statsRefreshedAt(),
  ]);
  const key = (row: { code: string | null; total: boolean }) => (row.total ? '' : (row.code ?? ''));
  const countOf = new Map(counts.map((row) => [key(row), row]));
  const medianOf = new Map(medians.map((row) => [key(row), row.median]));
  const figuresOf = (code: string) => {
    const row = countOf.get(code);
    const decided = row?.decided ?? 0;
    const median = medianOf.get(code);
    return {
      received: row?.received ?? 0,
      decided,
      withinDeadlineShare: decided > 0 ? (row?.within ?? 0) / decided : null,
      overturnRate: decided > 0 ? (row?.overturned ?? 0) / decided : null,
      medianHours: median === undefined ? null : median / 3600,
    };
  };
  return {
    provinces: provinces.map((province) => ({ ...province, ...figuresOf(province.code) })),
    national: figuresOf(''),
    asOf: refreshedAt?.toISOString() ?? null,
  };
}

/** Five minutes: the public figures are computed at most this often per app instance. */
export const TRANSPARENCY_CACHE_MS = 5 * 60 * 1000;

let cached: { at: number; report: Promise<TransparencyReport> } | null = null;

/**
 * The report, computed at most once per five minutes per process (concurrent visitors share one computation). Kept in
 * memory rather than Next's data cache, whose stale-while-revalidate would serve figures older than five minutes.
 */
export function getCachedTransparencyReport(now = Date.now()): Promise<TransparencyReport> {
  if (!cached || now - cached.at >= TRANSPARENCY_CACHE_MS) {
    const report = getTransparencyReport();
    cached = { at: now, report };
    report.catch(() => {
      if (cached?.report === report) cached = null;
    });
  }
  return cached.report;
}
