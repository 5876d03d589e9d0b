// The board's overdue and at-risk counts from the deadline counters (deadline-counts.ts) always equal a brute-force
// count with overdueSql / atRiskSql over appeal_case, per province and in total, at many instants (on an hourly grid
// inside the hours, exactly on each deadline and at-risk instant and a millisecond either side, on hour boundaries): across
// filing, assignment, a clock paused before and after its deadline, its resumption, a transfer, a decision, a
// withdrawal, direct SQL changes of each deadline column, compaction and a recount. Per-reviewer overdue counts equal
// the brute-force count too. Real PostgreSQL; the clock is set with fake Date only.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getPrisma, Prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { atRiskSql, overdueSql, statesSql } from '@/lib/cases/rules/deadline-filters';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { assignCase } from '@/lib/cases/use-cases/assign-case';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { replyToRequest } from '@/lib/cases/use-cases/reply-to-request';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { transferCase } from '@/lib/cases/use-cases/transfer-case';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { rawClient, resetCaseData } from '@/test/support/db';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { insertCase } from '@/test/support/supervision-data';
import {
  compactCaseDeadlineCounts,
  countDeadlinesByProvince,
  countOverdueByReviewer,
  deadlineHour,
  recountCaseDeadlines,
  type DeadlineCountRow,
} from './deadline-counts';

const db = () => getPrisma();
const HOUR = 3_600_000;
// Twenty minutes past the hour: "now" falls inside an hour, not on its boundary.
const T0 = new Date('2026-11-20T09:20:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';

let citizen: TestUser;
let anhui: TestUser;
let henan: TestUser;
/** Created after the Guangdong case was filed, so that it waited in the pool. */
let guangdong: TestUser | undefined;
let supervisor44: TestUser;

async function file(hoursFromT0: number, overrides: Parameters<typeof validFiling>[0] = {}) {
  vi.setSystemTime(at(hoursFromT0));
  const { case: filed } = await submitAppeal(citizen, validFiling(overrides));
  return filed;
}

async function current(caseId: string) {
  return db().case.findFirstOrThrow({ where: { id: caseId } });
}

async function started(hoursFromT0: number, overrides: Parameters<typeof validFiling>[0] = {}) {
  const filed = await file(hoursFromT0, overrides);
  const { case: inReview } = await startReview(anhui, { caseId: filed.id, expectedVersion: filed.version });
  return inReview;
}

async function askAt(hoursFromT0: number, caseId: string) {
  vi.setSystemTime(at(hoursFromT0));
  const { case: asked } = await requestInformation(anhui, {
    caseId,
    expectedVersion: (await current(caseId)).version,
    message: '请补充赋码当日的核酸检测报告。',
  });
  return asked;
}

/** Changes one column of a case directly in SQL, past the use cases. */
async function setColumn(row: { id: string; provinceCode: string }, column: string, value: Date | string | null) {
  await db().$executeRaw`UPDATE appeal_case SET ${Prisma.raw(column)} = ${value}
                          WHERE province_code = ${row.provinceCode} AND id = ${row.id}::uuid`;
}

/** The deltas not yet folded in, of the province and the reviewer counters. */
async function allDeltas(): Promise<number> {
  return (await db().caseDeadlineDelta.count()) + (await db().reviewerDeadlineDelta.count());
}

/** The brute-force counts at `now` with the list conditions, in the counters' shape. */
async function bruteForce(provinceCode: string | null, now: Date): Promise<DeadlineCountRow[]> {
  const rows = await db().$queryRaw<{ province_code: string; overdue: number; at_risk: number }[]>`
    SELECT c.province_code::text AS province_code, (count(*) FILTER (WHERE ${overdueSql(now)}))::int AS overdue,
           (count(*) FILTER (WHERE ${atRiskSql(now)}))::int AS at_risk
      FROM appeal_case c
     WHERE ${provinceCode === null ? Prisma.sql`TRUE` : Prisma.sql`c.province_code = ${provinceCode}`}
     GROUP BY c.province_code
    HAVING count(*) FILTER (WHERE ${overdueSql(now)}) > 0 OR count(*) FILTER (WHERE ${atRiskSql(now)}) > 0
     ORDER BY c.province_code`;
  return rows.map((row) => ({ provinceCode: row.province_code, overdue: row.overdue, atRisk: row.at_risk }));
}

async function bruteForceByReviewer(provinceCode: string | null, now: Date): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ assignee_id: string; count: number }[]>`
    SELECT c.assignee_id::text AS assignee_id, count(*)::int AS count FROM appeal_case c
     WHERE ${provinceCode === null ? Prisma.sql`TRUE` : Prisma.sql`c.province_code = ${provinceCode}`}
       AND c.assignee_id IS NOT NULL AND c.state IN (${statesSql(REVIEWER_LOAD_STATES)}) AND ${overdueSql(now)}
     GROUP BY c.assignee_id`;
  return new Map(rows.map((row) => [row.assignee_id, row.count]));
}

/**
 * The instants to judge at: every case's deadline and at-risk instant, a millisecond either side, and the start and end
 * of their hours; and every other hour from T0 - 34 h to T0 + 60 h (twenty minutes past), these for each province too.
 */
async function instants(): Promise<{ grid: Date[]; deadlines: Date[] }> {
  const deadlines = new Set<number>();
  const cases = await db().case.findMany({ select: { dueAt: true, atRiskAt: true } });
  for (const c of cases)
    for (const instant of [c.dueAt, c.atRiskAt]) {
      const hour = deadlineHour(instant).getTime();
      for (const t of [instant.getTime() - 1, instant.getTime(), instant.getTime() + 1, hour - 1, hour, hour + HOUR])
        deadlines.add(t);
    }
  const grid = new Set<number>();
  for (let h = -34; h <= 60; h += 2) if (!deadlines.has(at(h).getTime())) grid.add(at(h).getTime());
  const dates = (times: Set<number>) => [...times].sort((a, b) => a - b).map((t) => new Date(t));
  return { grid: dates(grid), deadlines: dates(deadlines) };
}

async function expectCountsTrueAt(scope: string | null, now: Date, reviewers: string[]) {
  expect(await countDeadlinesByProvince(scope, now), `${scope} at ${now.toISOString()}`).toEqual(
    await bruteForce(scope, now),
  );
  const actor: Actor = { id: null, role: 'SUPERVISOR', provinceCode: scope };
  expect(await countOverdueByReviewer(actor.provinceCode, reviewers, now)).toEqual(
    await bruteForceByReviewer(scope, now),
  );
}

/** The counters agree with the brute-force counts, nationally and per province, per reviewer too. */
async function expectCountsTrue() {
  const reviewers = [anhui.id, henan.id, ...(guangdong ? [guangdong.id] : [])];
  const { grid, deadlines } = await instants();
  for (const now of deadlines) await expectCountsTrueAt(null, now, reviewers);
  for (const now of grid) for (const scope of [null, '34', '41', '44']) await expectCountsTrueAt(scope, now, reviewers);
}

/** The national totals at `now`, for the checks that something is actually counted. */
async function totals(now: Date) {
  const rows = await countDeadlinesByProvince(null, now);
  return {
    overdue: rows.reduce((sum, row) => sum + row.overdue, 0),
    atRisk: rows.reduce((sum, row) => sum + row.atRisk, 0),
  };
}

beforeAll(async () => {
  await resetCaseData();
  vi.useFakeTimers({ toFake: ['Date'] });
  citizen = await createUser('CITIZEN');
  anhui = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
  henan = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
  supervisor44 = await createUser('SUPERVISOR', { provinceCode: '44' });
});

afterAll(() => {
  vi.useRealTimers();
});

describe('the deadline counters', () => {
  const ids: Record<string, string> = {};

  it('follow filing, assignment, paused and resumed clocks, a transfer, a decision and a withdrawal', async () => {
    // Red codes: 24 h, at risk after 18 h; yellow: 48 h, at risk after 36 h.
    ids.overdue = (await file(-30)).id; // due T0 - 6 h
    ids.atRisk = (await file(-20)).id; // at risk T0 - 2 h, due T0 + 4 h
    ids.yellow = (await file(-10, { colour: 'YELLOW' })).id; // at risk T0 + 26 h, due T0 + 38 h
    ids.henan = (await file(-23, { issuingProvinceCode: '41', issuingUnitCode: '410100' })).id; // due T0 + 1 h
    // Guangdong has no reviewer yet: the case waits in the pool.
    ids.pool = (await file(-25, { issuingProvinceCode: '44', issuingUnitCode: '440100' })).id; // due T0 - 1 h
    // Stopped after its deadline (overdue while waiting) and before it (neither overdue nor at risk).
    ids.pausedLate = (await started(-26)).id; // due T0 - 2 h
    await askAt(-1, ids.pausedLate);
    ids.pausedEarly = (await started(-12)).id; // due T0 + 12 h
    await askAt(-5, ids.pausedEarly);
    ids.transferred = (await started(-21.5)).id; // at risk T0 - 3.5 h, due T0 + 2.5 h
    vi.setSystemTime(T0);
    // Every deadline is scheduled with its at-risk instant no later than it (75% and 100% of the allowed time).
    expect(await db().case.count()).toBe(8);
    const inverted = await db().$queryRaw<{ inverted: number }[]>`
      SELECT count(*)::int AS inverted FROM appeal_case WHERE at_risk_at > due_at`;
    expect(inverted).toEqual([{ inverted: 0 }]);
    expect(await totals(T0)).toEqual({ overdue: 3, atRisk: 3 });
    await expectCountsTrue();

    const reviewer44 = await createUser('REVIEWER', { provinceCode: '44', unitCode: '440300' });
    guangdong = reviewer44;
    const pooled = await current(ids.pool);
    await assignCase(supervisor44, { caseId: pooled.id, expectedVersion: pooled.version, reviewerId: reviewer44.id });
    expect((await current(ids.pool)).assigneeId).toBe(reviewer44.id);

    // The citizen answers at T0: the clock restarts, its deadline moves back by the 5 h it stood (due T0 + 17 h).
    await replyToRequest(citizen, { caseId: ids.pausedEarly, replyText: '已上传报告，请查收。' });
    expect((await current(ids.pausedEarly)).dueAt).toEqual(at(17));
    const moved = await current(ids.transferred);
    await transferCase(anhui, {
      caseId: moved.id,
      expectedVersion: moved.version,
      toProvinceCode: '41',
      reason: '赋码单位实为河南省郑州市，误投本省。',
    });
    expect((await current(ids.transferred)).provinceCode).toBe('41');
    const atRisk = await startReview(anhui, {
      caseId: ids.atRisk,
      expectedVersion: (await current(ids.atRisk)).version,
    });
    await decideCase(anhui, {
      caseId: ids.atRisk,
      expectedVersion: atRisk.case.version,
      outcome: 'REVOKED',
      ruleCode: 'CLOSE_CONTACT',
      reasons: REASONS,
    });
    await withdrawCase(citizen, { caseId: ids.overdue, reason: '已不需要。' });
    expect(await totals(T0)).toEqual({ overdue: 2, atRisk: 2 });
    await expectCountsTrue();
  });

  it('follow every deadline column changed directly, and write nothing for other columns', async () => {
    // Across hours, so that a trigger missing the column would leave the case counted in its old hour. (Values, not
    // `due_at + interval`: Citus refuses STABLE functions on columns in an UPDATE.)
    const henanCase = await current(ids.henan!);
    await setColumn(henanCase, 'due_at', new Date(henanCase.dueAt.getTime() + 7 * HOUR));
    await expectCountsTrue();
    const yellow = await current(ids.yellow!);
    await setColumn(yellow, 'at_risk_at', new Date(yellow.atRiskAt.getTime() - 5 * HOUR));
    await expectCountsTrue();
    await setColumn(yellow, 'paused_since', at(-20));
    await expectCountsTrue();
    await setColumn(yellow, 'paused_since', null);
    await setColumn(await current(ids.pausedLate!), 'state', 'CLOSED');
    await expectCountsTrue();
    // An overdue case of a reviewer's load handed to another reviewer, then back to the pool's state.
    const [mine] = await db().$queryRaw<{ id: string; province_code: string; assignee_id: string }[]>`
      SELECT c.id::text, c.province_code::text, c.assignee_id::text FROM appeal_case c
       WHERE c.assignee_id IS NOT NULL AND c.state IN (${statesSql(REVIEWER_LOAD_STATES)}) AND ${overdueSql(T0)}
       ORDER BY c.due_at LIMIT 1`;
    expect(mine).toBeDefined();
    const other = [anhui.id, henan.id].find((id) => id !== mine!.assignee_id)!;
    await setColumn({ id: mine!.id, provinceCode: mine!.province_code }, 'assignee_id', other);
    await expectCountsTrue();
    await db().$executeRaw`UPDATE appeal_case SET state = 'SUBMITTED', assignee_id = NULL
                            WHERE province_code = ${mine!.province_code} AND id = ${mine!.id}::uuid`;
    await expectCountsTrue();
    // A state change within the open states moves no bucket; other columns do not fire the trigger at all.
    const deltas = await allDeltas();
    await db().$executeRaw`UPDATE appeal_case SET statement = '补充说明：当天一直在单位上班。', state = 'IN_REVIEW'
                            WHERE province_code = '34' AND id = ${ids.yellow}::uuid`;
    expect(await allDeltas()).toBe(deltas);
  });

  it('keep their counts through compaction, concurrent compactions and a recount after a load without triggers', async () => {
    const deltas = await allDeltas();
    expect(await db().reviewerDeadlineDelta.count()).toBeGreaterThan(0);
    expect(await compactCaseDeadlineCounts()).toBe(deltas);
    expect(await allDeltas()).toBe(0);
    // Rows that reached zero are dropped: none is left for the closed and decided cases' hours.
    expect(await db().caseDeadlineCount.count({ where: { count: { lte: 0 } } })).toBe(0);
    expect(await db().reviewerDeadlineCount.count({ where: { count: { lte: 0 } } })).toBe(0);
    await expectCountsTrue();
    expect(await compactCaseDeadlineCounts()).toBe(0);

    const late = await insertCase({ provinceCode: '41', citizenId: citizen.id, dueAt: at(-3), filedAt: at(-27) });
    await Promise.all([
      setColumn({ ...late, provinceCode: '41' }, 'due_at', at(-4)),
      compactCaseDeadlineCounts(),
      compactCaseDeadlineCounts(),
    ]);
    await compactCaseDeadlineCounts();
    await expectCountsTrue();

    // A bulk load bypasses the triggers (as the benchmark's COPY does): the counts are wrong until recounted.
    const owner = await rawClient();
    try {
      await owner.query('ALTER TABLE appeal_case DISABLE TRIGGER appeal_case_count_deadlines_insert_delete');
      await insertCase({ provinceCode: '34', citizenId: citizen.id, dueAt: at(-4), filedAt: at(-28) });
    } finally {
      await owner.query('ALTER TABLE appeal_case ENABLE TRIGGER appeal_case_count_deadlines_insert_delete');
      await owner.end();
    }
    expect(await countDeadlinesByProvince(null, T0)).not.toEqual(await bruteForce(null, T0));
    await db().$transaction((tx) => recountCaseDeadlines(tx));
    expect(await allDeltas()).toBe(0);
    await expectCountsTrue();
  });
});
