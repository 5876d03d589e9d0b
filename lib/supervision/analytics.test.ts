// Overreach analytics and the public figures on a data set with known answers: every figure equals both the number
// worked out by hand and a direct SQL count on the raw tables; the incremental refresh follows new decisions.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import type { DecisionOutcome } from '@/lib/db/generated/enums';
import { rawClient, resetCaseData } from '@/test/support/db';
import { createUser, type TestUser } from '@/test/support/fixtures';
import {
  analyticsComputed,
  getAuthorityTable,
  getRecognitionMatrix,
  getWeeklyTrend,
  loadOverreachAnalytics,
  resolveAnalyticsFilters,
} from './analytics';
import {
  backgroundStatsRefresh,
  refreshSupervisionStats,
  refreshSupervisionStatsForRead,
  statsMaxAgeMs,
  statsRefreshedAt,
} from './refresh-stats';
import { supervisorScopeOf } from './scope';
import { insertCase, insertDecision } from '@/test/support/supervision-data';
import { getTransparencyReport } from './transparency';
import { type Actor } from '@/lib/auth/actor';
import { moveCaseToProvince } from '@/lib/cases/engine/move-case';

const HOUR = 3600_000;
const WEEK_1 = '2025-03-05T10:00:00+08:00'; // Wednesday of ISO week 2025-W10 (Monday 2025-03-03)
const WEEK_2 = '2025-03-11T10:00:00+08:00'; // Tuesday of ISO week 2025-W11
const at = (iso: string, plusHours = 0) => new Date(new Date(iso).getTime() + plusHours * HOUR);

let reviewer34: TestUser;
let reviewer41: TestUser;
let supervisor: TestUser;
let citizen: TestUser;
let national: Actor;
let anhui: Actor;

interface Planned {
  unit: string;
  filed: string;
  overreach?: boolean;
  /** First decision: outcome, hours after filing, deadline in hours after filing. */
  first?: [DecisionOutcome, number, number];
  second?: DecisionOutcome;
}

// Hefei (340100): 10 appeals, 8 decided in 1, 2, 3, 4, 5, 6, 30 and 50 hours (median 4.5 h; 6 of 8 within 24 h);
// latest outcomes D, D, R, U→R, D→U, U, U, U: 4 of 8 overturned, exactly 50 %; 3 prima facie overreach.
const HEFEI: Planned[] = [
  { unit: '340100', filed: WEEK_1, overreach: true, first: ['DOWNGRADED', 1, 24] },
  { unit: '340100', filed: WEEK_1, overreach: true, first: ['DOWNGRADED', 2, 24] },
  { unit: '340100', filed: WEEK_1, first: ['REVOKED', 3, 24] },
  { unit: '340100', filed: WEEK_1, first: ['UPHELD', 4, 24], second: 'REVOKED' },
  { unit: '340100', filed: WEEK_1, first: ['DOWNGRADED', 5, 24], second: 'UPHELD' },
  { unit: '340100', filed: WEEK_1, first: ['UPHELD', 6, 24] },
  { unit: '340100', filed: WEEK_2, overreach: true, first: ['UPHELD', 30, 24] },
  { unit: '340100', filed: WEEK_2, first: ['UPHELD', 50, 24] },
  { unit: '340100', filed: WEEK_2 },
  { unit: '340100', filed: WEEK_2 },
];
// Wuhu (340200): 4 appeals, 2 decided, both revoked (100 %), in 10 h and 20 h against a 12 h deadline.
const WUHU: Planned[] = [
  { unit: '340200', filed: WEEK_2, first: ['REVOKED', 10, 12] },
  { unit: '340200', filed: WEEK_2, first: ['REVOKED', 20, 12] },
  { unit: '340200', filed: WEEK_2 },
  { unit: '340200', filed: WEEK_2 },
];
// Zhengzhou (410100), in Henan's pool: 2 appeals, 1 upheld in 8 h.
const ZHENGZHOU: Planned[] = [
  { unit: '410100', filed: WEEK_1, first: ['UPHELD', 8, 24] },
  { unit: '410100', filed: WEEK_1 },
];

async function plant(planned: Planned): Promise<string> {
  const province = planned.unit.slice(0, 2);
  const decider = province === '34' ? reviewer34 : reviewer41;
  const filedAt = new Date(planned.filed);
  const created = await insertCase({
    provinceCode: province,
    citizenId: citizen.id,
    issuingUnitCode: planned.unit,
    state: planned.second ? 'FINAL' : planned.first ? 'DECIDED' : 'IN_REVIEW',
    filedAt,
    dueAt: at(planned.filed, planned.first?.[2] ?? 24),
    primaFacieOverreach: planned.overreach ?? false,
  });
  if (planned.first) {
    const [outcome, hours, deadline] = planned.first;
    await insertDecision({
      caseId: created.id,
      provinceCode: province,
      outcome,
      decidedAt: at(planned.filed, hours),
      deadlineAt: at(planned.filed, deadline),
      decidedById: decider.id,
    });
  }
  if (planned.second) {
    await insertDecision({
      caseId: created.id,
      provinceCode: province,
      level: 'SECOND',
      outcome: planned.second,
      decidedAt: at(planned.filed, 100),
      deadlineAt: at(planned.filed, 150),
      decidedById: supervisor.id,
    });
  }
  return created.id;
}

async function complaint(issuing: string, refusing: string, filed: string): Promise<void> {
  await insertCase({
    provinceCode: refusing,
    citizenId: citizen.id,
    type: 'RECOGNITION_COMPLAINT',
    issuingUnitCode: `${issuing}0100`,
    refusingProvinceCode: refusing,
    colour: 'GREEN',
    filedAt: new Date(filed),
  });
}

/** The same figures, straight from appeal_case and decision. */
async function directFigures(where: string): Promise<
  {
    key: string;
    received: number;
    decided: number;
    overturned: number;
    overreach: number;
    within: number;
    median: number | null;
  }[]
> {
  const client = await rawClient();
  try {
    const { rows } = await client.query(`
      SELECT c.issuing_unit_code AS key, count(*)::int AS received, count(f.id)::int AS decided,
             count(*) FILTER (WHERE COALESCE(s.outcome, f.outcome) IN ('DOWNGRADED', 'REVOKED'))::int AS overturned,
             count(*) FILTER (WHERE c.prima_facie_overreach)::int AS overreach,
             count(*) FILTER (WHERE f.decided_at <= f.deadline_at)::int AS within,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.decided_at - c.filed_at)) FILTER (WHERE f.id IS NOT NULL))::float8 / 3600 AS median
        FROM appeal_case c
        LEFT JOIN decision f ON f.province_code = c.province_code AND f.case_id = c.id AND f.level = 'FIRST'
        LEFT JOIN decision s ON s.province_code = c.province_code AND s.case_id = c.id AND s.level = 'SECOND'
       WHERE ${where}
       GROUP BY 1 ORDER BY 1`);
    return rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await resetCaseData();
  citizen = await createUser('CITIZEN');
  reviewer34 = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
  reviewer41 = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
  supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
  anhui = supervisorScopeOf({ id: supervisor.id, role: 'SUPERVISOR', provinceCode: '34' });
  national = supervisorScopeOf({ id: (await createUser('SUPERVISOR')).id, role: 'SUPERVISOR', provinceCode: null });
  for (const planned of [...HEFEI, ...WUHU, ...ZHENGZHOU]) await plant(planned);
  for (let i = 0; i < 3; i += 1) await complaint('41', '34', WEEK_1);
  await complaint('44', '34', WEEK_2);
  await complaint('34', '41', WEEK_2);
  await complaint('34', '41', WEEK_2);
  await refreshSupervisionStats({ full: true });
});

const allTime = () => resolveAnalyticsFilters({}, { from: true, to: true });

describe('per issuing authority', () => {
  it('gives Hefei exactly the figures worked out by hand, including an overturn rate of exactly 50 %', async () => {
    const table = await getAuthorityTable(anhui, { ...allTime(), province: '34' });
    const hefei = table.rows.find((row) => row.code === '340100');
    expect(hefei).toEqual({
      code: '340100',
      name: '合肥市',
      received: 10,
      decided: 8,
      overturned: 4,
      overturnRate: 0.5,
      overreach: 3,
      medianHours: 4.5,
      decidedWithinDeadline: 6,
      withinDeadlineShare: 0.75,
    });
    expect(table.rows.find((row) => row.code === '340200')).toMatchObject({
      name: '芜湖市',
      received: 4,
      decided: 2,
      overturnRate: 1,
      medianHours: 15,
      withinDeadlineShare: 0.5,
    });
    expect(table.total).toMatchObject({
      received: 14,
      decided: 10,
      overturned: 6,
      overreach: 3,
      decidedWithinDeadline: 7,
    });
    expect(table.total.medianHours).toBe(5.5);
  });

  it('equals direct SQL counts on the raw tables, per city and per province', async () => {
    const table = await getAuthorityTable(national, { ...allTime(), province: '34' });
    const direct = await directFigures(`c.type = 'CODE_APPEAL' AND c.issuing_province_code = '34'`);
    expect(
      table.rows
        .map((r) => ({
          key: r.code,
          received: r.received,
          decided: r.decided,
          overturned: r.overturned,
          overreach: r.overreach,
          within: r.decidedWithinDeadline,
          median: r.medianHours,
        }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    ).toEqual(direct);
    const provinces = await getAuthorityTable(national, allTime());
    expect(provinces.rows.map((r) => [r.code, r.received, r.decided, r.overturned])).toEqual([
      ['34', 14, 10, 6],
      ['41', 2, 1, 0],
    ]);
  });

  it('keeps to the chosen period of filing dates and case type', async () => {
    const week1 = resolveAnalyticsFilters({ from: '2025-03-03', to: '2025-03-09' }, { from: true, to: true });
    const table = await getAuthorityTable(anhui, week1);
    expect(table.rows.map((r) => [r.code, r.received, r.decided, r.overturned])).toEqual([['34', 6, 6, 4]]);
    const complaints = await getAuthorityTable(anhui, { ...allTime(), type: 'RECOGNITION_COMPLAINT' });
    expect(complaints.rows.map((r) => [r.code, r.received])).toEqual([
      ['41', 3],
      ['44', 1],
    ]);
  });
});

describe('the weekly trend and the recognition matrix', () => {
  it('count appeals and overturns per ISO week of filing, empty weeks included', async () => {
    const trend = await getWeeklyTrend(
      anhui,
      resolveAnalyticsFilters({ from: '2025-02-24', to: '2025-03-16' }, { from: true, to: true }),
    );
    expect(trend.map((w) => [w.label, w.received, w.decided, w.overturned])).toEqual([
      ['2025-W09', 0, 0, 0],
      ['2025-W10', 6, 6, 4],
      ['2025-W11', 8, 4, 2],
    ]);
  });

  it('counts recognition complaints by issuing × refusing province', async () => {
    expect((await getRecognitionMatrix(national, allTime())).counts).toEqual({ '41-34': 3, '44-34': 1, '34-41': 2 });
    const matrix = await getRecognitionMatrix(anhui, allTime());
    expect(matrix.issuing.map((p) => p.name)).toEqual(['河南省', '广东省']);
    expect(matrix.refusing.map((p) => p.name)).toEqual(['安徽省']);
    expect(matrix.total).toBe(4);
  });
});

describe('the public transparency figures', () => {
  it('list all 31 provinces with the handling province’s figures, equal to direct SQL', async () => {
    const report = await getTransparencyReport();
    expect(report.provinces).toHaveLength(31);
    const anhuiRow = report.provinces.find((p) => p.code === '34');
    const [direct] = await getPrisma().$queryRaw<
      { received: number; decided: number; overturned: number; within: number }[]
    >`
      SELECT count(*)::int AS received, count(f.id)::int AS decided,
             count(*) FILTER (WHERE COALESCE(s.outcome, f.outcome) IN ('DOWNGRADED', 'REVOKED'))::int AS overturned,
             count(*) FILTER (WHERE f.decided_at <= f.deadline_at)::int AS within
        FROM appeal_case c
        LEFT JOIN decision f ON f.province_code = c.province_code AND f.case_id = c.id AND f.level = 'FIRST'
        LEFT JOIN decision s ON s.province_code = c.province_code AND s.case_id = c.id AND s.level = 'SECOND'
       WHERE c.province_code = '34'`;
    expect(anhuiRow).toMatchObject({ name: '安徽省', received: direct!.received, decided: direct!.decided });
    expect(anhuiRow!.overturnRate).toBe(direct!.overturned / direct!.decided);
    expect(anhuiRow!.withinDeadlineShare).toBe(direct!.within / direct!.decided);
    expect(anhuiRow!.medianHours).toBe(5.5);
    expect(report.provinces.find((p) => p.code === '11')).toMatchObject({
      name: '北京市',
      received: 0,
      overturnRate: null,
      medianHours: null,
    });
    expect(JSON.stringify(report)).not.toMatch(/SS-\d{2}-|13[0-9]{9}/);
  });
});

describe('the incremental refresh', () => {
  it('rebuilds only the groups of changed cases, and picks up a new decision', async () => {
    // Everything planted so far was last changed an hour ago, well before the last refresh and its safety margin.
    await getPrisma().$executeRaw`UPDATE appeal_case SET updated_at = now() - interval '1 hour'`;
    const open = await getPrisma().case.findFirstOrThrow({ where: { issuingUnitCode: '340200', state: 'IN_REVIEW' } });
    await insertDecision({
      caseId: open.id,
      provinceCode: '34',
      outcome: 'DOWNGRADED',
      decidedAt: at(WEEK_2, 6),
      deadlineAt: at(WEEK_2, 12),
      decidedById: reviewer34.id,
    });
    const result = await refreshSupervisionStats();
    expect(result).toEqual({ skipped: false, full: false, groups: 1 });
    const wuhu = (await getAuthorityTable(anhui, { ...allTime(), province: '34' })).rows.find(
      (row) => row.code === '340200',
    );
    expect(wuhu).toMatchObject({ decided: 3, overturned: 3, decidedWithinDeadline: 2, medianHours: 10 });
    expect(await refreshSupervisionStats()).toEqual({ skipped: false, full: false, groups: 1 });
  });

  it('starts the next refresh from the oldest transaction still open, so a change committed after a refresh is not lost', async () => {
    await getPrisma().$executeRaw`UPDATE appeal_case SET updated_at = now() - interval '1 hour'`;
    const open = await getPrisma().case.findFirstOrThrow({
      where: { issuingUnitCode: '340100', state: 'IN_REVIEW', decisions: { none: {} } },
    });
    const late = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await late.connect();
    try {
      // A transaction begins, stamps a case with its own start time, and is still open while a refresh reads.
      await late.query('BEGIN');
      const { rows: began } = await late.query<{ started: Date }>('SELECT now() AS started');
      await late.query(
        `UPDATE appeal_case SET updated_at = now(), version = version + 1 WHERE province_code = '34' AND id = $1`,
        [open.id],
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await refreshSupervisionStats()).toMatchObject({ skipped: false, full: false });
      const [state] = await getPrisma().$queryRaw<{ watermark: Date }[]>`
        SELECT watermark FROM supervision_stats_refresh WHERE id = 1`;
      expect(state!.watermark.getTime()).toBe(began[0]!.started.getTime());
      await late.query('COMMIT');
    } finally {
      await late.end();
    }
    // Once the late change is in, the next refresh rebuilds its group; the one after has nothing left to redo.
    expect((await refreshSupervisionStats()).groups).toBe(1);
    await getPrisma().$executeRaw`UPDATE appeal_case SET updated_at = now() - interval '1 hour'`;
    await getPrisma().$executeRaw`UPDATE supervision_stats_refresh SET watermark = now() WHERE id = 1`;
    expect((await refreshSupervisionStats()).groups).toBe(0);
  });

  it('moves a transferred case from its old province’s figures to its new one', async () => {
    const henan = supervisorScopeOf({ id: supervisor.id, role: 'SUPERVISOR', provinceCode: '41' });
    const before = await getAuthorityTable(henan, allTime());
    expect(before.total.received).toBe(2);
    const moving = await getPrisma().case.findFirstOrThrow({
      where: { issuingUnitCode: '410100', state: 'IN_REVIEW' },
    });
    await getPrisma().$transaction(async (tx) => {
      await moveCaseToProvince(tx, moving, '34');
      await tx.case.updateMany({ where: { provinceCode: '34', id: moving.id }, data: { version: { increment: 1 } } });
    });
    expect((await refreshSupervisionStats()).groups).toBeGreaterThanOrEqual(1);
    expect((await getAuthorityTable(henan, allTime())).total.received).toBe(1);
    const anhuiTable = await getAuthorityTable(anhui, { ...allTime(), type: 'CODE_APPEAL' });
    expect(anhuiTable.rows.map((r) => [r.code, r.received])).toEqual([
      ['34', 14],
      ['41', 1],
    ]);
  });

  it('lets readers read fresh figures as they are and refreshes stale ones in the background, never making them wait', async () => {
    await refreshSupervisionStats();
    const fresh = await statsRefreshedAt();
    await refreshSupervisionStatsForRead();
    await backgroundStatsRefresh();
    expect(await statsRefreshedAt()).toEqual(fresh);

    // A decision lands and the figures grow older than the allowed age: the reader returns at once with the old
    // figures, while one refresh runs behind it and brings in the decision.
    const open = await getPrisma().case.findFirstOrThrow({ where: { issuingUnitCode: '340100', state: 'IN_REVIEW' } });
    await insertDecision({
      caseId: open.id,
      provinceCode: '34',
      outcome: 'REVOKED',
      decidedAt: at(WEEK_2, 1),
      deadlineAt: at(WEEK_2, 30),
      decidedById: reviewer34.id,
    });
    await getPrisma()
      .$executeRaw`UPDATE supervision_stats_refresh SET refreshed_at = ${new Date(Date.now() - 120_000)}`;
    const decidedBefore = (await getAuthorityTable(anhui, { ...allTime(), province: '34' })).rows.find(
      (row) => row.code === '340100',
    )!.decided;
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      // Another instance is refreshing: the reader does not wait for it, and its own background refresh skips.
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(72707040)');
      await refreshSupervisionStatsForRead();
      await backgroundStatsRefresh();
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }
    expect(
      (await getAuthorityTable(anhui, { ...allTime(), province: '34' })).rows.find((row) => row.code === '340100')!
        .decided,
    ).toBe(decidedBefore);
    await refreshSupervisionStatsForRead();
    await backgroundStatsRefresh();
    expect(
      (await getAuthorityTable(anhui, { ...allTime(), province: '34' })).rows.find((row) => row.code === '340100')!
        .decided,
    ).toBe(decidedBefore + 1);
    expect((await statsRefreshedAt())!.getTime()).toBeGreaterThan(fresh!.getTime());
  });

  it('computes a page once per refresh of the statistics, shows the kept page while the next one is computed', async () => {
    await refreshSupervisionStats();
    const first = await loadOverreachAnalytics(anhui, allTime());
    expect(await loadOverreachAnalytics(anhui, allTime())).toBe(first);
    const open = await getPrisma().case.findFirstOrThrow({
      where: { issuingUnitCode: '340100', state: 'IN_REVIEW', decisions: { none: {} } },
    });
    await insertDecision({
      caseId: open.id,
      provinceCode: '34',
      outcome: 'UPHELD',
      decidedAt: at(WEEK_2, 2),
      deadlineAt: at(WEEK_2, 30),
      decidedById: reviewer34.id,
    });
    expect(await loadOverreachAnalytics(anhui, allTime())).toBe(first);
    await refreshSupervisionStats();
    // Right after the refresh: the kept page, with the time of the statistics it shows; the new one is on its way.
    expect(await loadOverreachAnalytics(anhui, allTime())).toBe(first);
    await analyticsComputed();
    const second = await loadOverreachAnalytics(anhui, allTime());
    expect(second.authorities.total.decided).toBe(first.authorities.total.decided + 1);
    expect(second.refreshedAt!.getTime()).toBeGreaterThan(first.refreshedAt!.getTime());
    // Another scope is computed for itself, at once when nobody asked for it before.
    expect((await loadOverreachAnalytics(national, allTime())).authorities.total.received).toBeGreaterThan(
      second.authorities.total.received,
    );
  });

  it('reads the allowed age from STATS_MAX_AGE_SECONDS, one minute by default', () => {
    expect(statsMaxAgeMs(undefined)).toBe(60_000);
    expect(statsMaxAgeMs('0')).toBe(0);
    expect(statsMaxAgeMs('300')).toBe(300_000);
    expect(statsMaxAgeMs('soon')).toBe(60_000);
  });

  it('waits only briefly for another refresh holding the lock, then skips', async () => {
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(72707040)');
      expect(await refreshSupervisionStats({ maxWaitMs: 200 })).toEqual({ skipped: true, full: false, groups: 0 });
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }
  });
});
