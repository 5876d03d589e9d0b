// The board's numbers against the cases themselves: the five counts, the national home's overdue cases per province and
// each reviewer's overdue cases, judged here case by case (SPEC §7), national and for one province. The board counts
// overdue and at-risk cases from the deadline counters (deadline-counts.ts) and reads each shown reviewer's overdue
// cases from the per-reviewer counters (deadline-counts.ts): a wrong derivation or condition changes one of these numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { getPrisma } from '@/lib/db/client';
import type { CaseState } from '@/lib/db/generated/enums';
import type { Actor } from '@/lib/auth/actor';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { isAtRisk, isOverdue, type ClockedCase } from '@/test/support/deadline-rule';
import { getSupervisorHome } from '@/lib/cases/views/summaries';
import { createUser, type TestUser } from '@/test/support/fixtures';
import { rawClient, resetCaseData } from '@/test/support/db';
import { insertGeneratedCases } from '@/test/support/queue-data';
import { insertCase } from '@/test/support/supervision-data';
import { getDeadlineBoard, listWorkload } from './board';

const HOUR = 3_600_000;
const NOW = new Date();

let client: pg.Client;
let anhui: TestUser[];
let henan: TestUser[];

beforeAll(async () => {
  await resetCaseData();
  client = await rawClient();
  const citizen = await createUser('CITIZEN');
  anhui = [
    await createUser('REVIEWER', { provinceCode: '34', unitCode: '340100' }),
    await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' }),
  ];
  henan = [await createUser('REVIEWER', { provinceCode: '41', unitCode: '410100' })];
  // Pool, reviewers' work, waiting on citizens (clocks stopped before and after their deadline), decided and closed
  // cases, filed over the last 4 days with 24 h and 48 h deadlines: overdue, at-risk and not yet at-risk ones.
  for (const [provinceCode, count, reviewers, unit, batch] of [
    ['34', 400, anhui, '340100', 'a'],
    ['41', 250, henan, '410100', 'b'],
  ] as const)
    await insertGeneratedCases(client, {
      citizenId: citizen.id,
      now: NOW,
      poolShare: 0.3,
      provinceCode,
      count,
      reviewerIds: reviewers.map((reviewer) => reviewer.id),
      unitCodes: [unit],
      batch,
    });
  // Overdue with a reviewer but outside REVIEWER_LOAD_STATES (second reviews): overdue on the board and in their
  // province, not in that reviewer's workload. And an Anhui reviewer's overdue case held in Henan (transferred).
  for (const state of ['IN_SECOND_REVIEW', 'SECOND_REVIEW_REQUESTED'] as const)
    await insertCase({
      provinceCode: '34',
      citizenId: citizen.id,
      state,
      assigneeId: anhui[0]!.id,
      filedAt: new Date(NOW.getTime() - 30 * HOUR),
      dueAt: new Date(NOW.getTime() - 2 * HOUR),
    });
  await insertCase({
    provinceCode: '41',
    citizenId: citizen.id,
    state: 'IN_REVIEW',
    assigneeId: anhui[1]!.id,
    filedAt: new Date(NOW.getTime() - 30 * HOUR),
    dueAt: new Date(NOW.getTime() - HOUR),
  });
});

afterAll(async () => {
  await client.end();
});

interface Planted extends ClockedCase {
  provinceCode: string;
  assigneeId: string | null;
}

function tally(keys: (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** What the board should show, from every case of the scope read back and judged here. */
async function expected(provinceCode: string | null, now = NOW) {
  const cases: Planted[] = await getPrisma().case.findMany({
    where: provinceCode ? { provinceCode } : {},
    select: { provinceCode: true, state: true, assigneeId: true, dueAt: true, atRiskAt: true, pausedSince: true },
  });
  const overdue = cases.filter((c) => isOverdue(c, now));
  const loadStates: readonly CaseState[] = REVIEWER_LOAD_STATES;
  return {
    counts: {
      overdue: overdue.length,
      'at-risk': cases.filter((c) => isAtRisk(c, now)).length,
      unassigned: cases.filter((c) => c.state === 'SUBMITTED' && c.assigneeId === null).length,
      waiting: cases.filter((c) => c.state === 'AWAITING_CITIZEN').length,
      corrections: 0,
    },
    byProvince: tally(overdue.map((c) => c.provinceCode)),
    byReviewer: tally(overdue.filter((c) => loadStates.includes(c.state)).map((c) => c.assigneeId)),
    pausedOverdue: overdue.filter((c) => c.pausedSince !== null).length,
  };
}

const national: Actor = { id: null, role: 'SUPERVISOR', provinceCode: null };
const anhuiScope: Actor = { id: null, role: 'SUPERVISOR', provinceCode: '34' };

describe('the board counts, read once from the overdue set', () => {
  it('national: the five counts, overdue per province and per reviewer are the cases the rule names', async () => {
    const want = await expected(null);
    // The data set holds every kind the derivation must tell apart.
    expect(want.counts.overdue).toBeGreaterThan(20);
    expect(want.counts['at-risk']).toBeGreaterThan(10);
    expect(want.pausedOverdue).toBeGreaterThan(0);
    expect([...want.byReviewer.values()].reduce((a, b) => a + b, 0)).toBeLessThan(want.counts.overdue);
    expect(want.byProvince.size).toBe(2);

    const board = await getDeadlineBoard(national, NOW);
    expect(board.counts).toEqual(want.counts);
    const home = await getSupervisorHome({ ...national, id: 'national' }, NOW);
    expect(new Map(home.provinces.map((row) => [row.provinceCode, row.overdue]))).toEqual(want.byProvince);

    const workload = await listWorkload(national, NOW);
    expect(workload).toHaveLength(3);
    for (const row of workload) expect(row.overdue).toBe(want.byReviewer.get(row.reviewerId) ?? 0);
    // Inside a transaction (the CSV export): the same numbers.
    const inTransaction = await getPrisma().$transaction((tx) => listWorkload(national, NOW, tx));
    expect(inTransaction.map((row) => [row.reviewerId, row.overdue])).toEqual(
      workload.map((row) => [row.reviewerId, row.overdue]),
    );
  });

  it('one province: its counts, and its reviewers overdue cases held there only', async () => {
    const want = await expected('34');
    expect(want.counts.overdue).toBeGreaterThan(10);
    const board = await getDeadlineBoard(anhuiScope, NOW);
    expect(board.counts).toEqual(want.counts);
    expect(board.workload.map((row) => row.reviewerId).sort()).toEqual(anhui.map((user) => user.id).sort());
    for (const row of board.workload) expect(row.overdue).toBe(want.byReviewer.get(row.reviewerId) ?? 0);
    // The transferred Henan case counts for its Anhui reviewer on the national board only.
    const nationally = await listWorkload(national, NOW);
    const reviewer = anhui[1]!.id;
    expect(nationally.find((row) => row.reviewerId === reviewer)!.overdue).toBe(
      board.workload.find((row) => row.reviewerId === reviewer)!.overdue + 1,
    );
    expect((await getSupervisorHome({ ...anhuiScope, id: 'anhui' }, NOW)).provinces).toEqual([]);
  });

  it('follows the clock: six hours later, at-risk cases have become overdue', async () => {
    const later = new Date(NOW.getTime() + 6 * HOUR);
    const [board, want] = await Promise.all([getDeadlineBoard(national, later), expected(null, later)]);
    expect(want.counts.overdue).toBeGreaterThan((await expected(null)).counts.overdue);
    expect(board.counts).toEqual(want.counts);
    for (const row of board.workload) expect(row.overdue).toBe(want.byReviewer.get(row.reviewerId) ?? 0);
  });
});
