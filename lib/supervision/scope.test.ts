// A provincial supervisor sees only their province everywhere (board, analytics, exports, audit, case pages); another
// province's case is not found; the national supervisor sees every province. Against a real PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '@/lib/audit/append';
import { CaseNotFoundError } from '@/lib/core/errors';
import { recountReviewerLoads } from '@/lib/cases/rules/routing';
import { getPrisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { createUser, type TestUser } from '@/test/support/fixtures';
import { getAuthorityTable, getRecognitionMatrix, resolveAnalyticsFilters } from './analytics';
import { findAuditPage, verifyScopeChains } from './audit-log';
import { BOARD_PAGE_ROWS, getDeadlineBoard } from './board';
import { getSupervisedCase } from './case-detail';
import { exportSupervisionTable } from './export';
import { reassignCase, reassignReviewerCases } from '@/lib/cases/use-cases/reassign-cases';
import { refreshSupervisionStats } from './refresh-stats';
import { getSecondReviewCase, listSecondReviewQueue } from './second-review';
import { supervisorScopeOf } from './scope';
import { insertCase, insertCorrectionOrder, insertDecision } from '@/test/support/supervision-data';
import { type Actor } from '@/lib/auth/actor';

const HOUR = 3600_000;
const now = new Date();
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

interface ProvinceFixture {
  reviewer: TestUser;
  supervisor: TestUser;
  references: Record<
    'overdue' | 'atRisk' | 'pool' | 'waiting' | 'correction' | 'review' | 'ownReview' | 'complaint',
    string
  >;
}

let national: Actor;
const provinces: Record<'34' | '41', ProvinceFixture> = {} as Record<'34' | '41', ProvinceFixture>;
const scopeOf = (user: TestUser) =>
  supervisorScopeOf({ id: user.id, role: 'SUPERVISOR', provinceCode: user.provinceCode });

async function seedProvince(code: '34' | '41', citizenId: string): Promise<ProvinceFixture> {
  const reviewer = await createUser('REVIEWER', { provinceCode: code, unitCode: `${code}0200` });
  const supervisor = await createUser('SUPERVISOR', { provinceCode: code });
  const base = { provinceCode: code, citizenId };
  const overdue = await insertCase({
    ...base,
    state: 'ASSIGNED',
    assigneeId: reviewer.id,
    filedAt: ago(30),
    dueAt: ago(6),
  });
  const atRisk = await insertCase({
    ...base,
    state: 'IN_REVIEW',
    assigneeId: reviewer.id,
    filedAt: ago(20),
    dueAt: new Date(now.getTime() + 4 * HOUR),
  });
  const pool = await insertCase({ ...base, state: 'SUBMITTED', filedAt: ago(1) });
  const waiting = await insertCase({
    ...base,
    state: 'AWAITING_CITIZEN',
    assigneeId: reviewer.id,
    filedAt: ago(5),
    pausedSince: ago(2),
  });
  const correction = await insertCase({ ...base, state: 'DECIDED', assigneeId: reviewer.id, filedAt: ago(10) });
  await insertDecision({
    caseId: correction.id,
    provinceCode: code,
    outcome: 'REVOKED',
    decidedAt: ago(4),
    deadlineAt: ago(-14),
    decidedById: reviewer.id,
  });
  await insertCorrectionOrder({ caseId: correction.id, provinceCode: code, createdAt: ago(4), deliveredAt: ago(3.9) });
  const review = await insertCase({
    ...base,
    state: 'SECOND_REVIEW_REQUESTED',
    filedAt: ago(50),
    dueAt: ago(-72),
    atRiskAt: ago(-48),
    secondReviewReason: '原决定没有考虑我提交的核酸检测报告。',
  });
  await insertDecision({
    caseId: review.id,
    provinceCode: code,
    outcome: 'UPHELD',
    decidedAt: ago(40),
    deadlineAt: ago(26),
    decidedById: reviewer.id,
  });
  // A review whose first decision this province's supervisor made (acting as decider): never theirs to review.
  const ownReview = await insertCase({
    ...base,
    state: 'SECOND_REVIEW_REQUESTED',
    filedAt: ago(48),
    dueAt: ago(-72),
    atRiskAt: ago(-48),
  });
  await insertDecision({
    caseId: ownReview.id,
    provinceCode: code,
    outcome: 'UPHELD',
    decidedAt: ago(40),
    deadlineAt: ago(24),
    decidedById: supervisor.id,
  });
  const other = code === '34' ? '41' : '34';
  const complaint = await insertCase({
    ...base,
    type: 'RECOGNITION_COMPLAINT',
    issuingUnitCode: `${other}0100`,
    refusingProvinceCode: code,
    colour: 'GREEN',
    filedAt: ago(3),
  });
  for (const action of ['CASE_FILED', 'CASE_ASSIGNED', 'CASE_DECIDED'] as const) {
    await getPrisma().$transaction((tx) =>
      appendAuditEvent(tx, {
        chain: code,
        actorId: reviewer.id,
        actorRole: 'REVIEWER',
        caseId: overdue.id,
        action,
        after: { reference: overdue.reference },
      }),
    );
  }
  return {
    reviewer,
    supervisor,
    references: {
      overdue: overdue.reference,
      atRisk: atRisk.reference,
      pool: pool.reference,
      waiting: waiting.reference,
      correction: correction.reference,
      review: review.reference,
      ownReview: ownReview.reference,
      complaint: complaint.reference,
    },
  };
}

beforeAll(async () => {
  await resetCaseData();
  const citizen = await createUser('CITIZEN');
  provinces['34'] = await seedProvince('34', citizen.id);
  provinces['41'] = await seedProvince('41', citizen.id);
  national = scopeOf(await createUser('SUPERVISOR', { provinceCode: null }));
  // The cases were planted without the engine, which keeps each reviewer's open count: count them as a bulk load does.
  await recountReviewerLoads(getPrisma());
  await refreshSupervisionStats({ full: true });
});

const anhui = () => scopeOf(provinces['34'].supervisor);
const refs = (code: '34' | '41') => provinces[code].references;

describe('the deadline board', () => {
  it('shows a provincial supervisor their province only, in every list, count and workload row', async () => {
    const board = await getDeadlineBoard(anhui(), now);
    expect(board.lists.overdue.map((r) => r.reference)).toEqual([refs('34').overdue]);
    expect(board.lists['at-risk'].map((r) => r.reference)).toEqual([refs('34').atRisk]);
    expect(board.lists.unassigned.map((r) => r.reference).sort()).toEqual(
      [refs('34').pool, refs('34').complaint].sort(),
    );
    expect(board.lists.waiting.map((r) => r.reference)).toEqual([refs('34').waiting]);
    expect(board.corrections.map((r) => r.reference)).toEqual([refs('34').correction]);
    expect(board.counts).toEqual({ overdue: 1, 'at-risk': 1, unassigned: 2, waiting: 1, corrections: 1 });
    expect(board.workload.map((r) => r.reviewerId)).toEqual([provinces['34'].reviewer.id]);
    expect(board.workload[0]).toMatchObject({ open: 3, overdue: 1 });
  });

  it('shows the national supervisor every province', async () => {
    const board = await getDeadlineBoard(national, now);
    expect(board.counts).toEqual({ overdue: 2, 'at-risk': 2, unassigned: 4, waiting: 2, corrections: 2 });
    expect(board.workload.map((r) => r.reviewerId).sort()).toEqual(
      [provinces['34'].reviewer.id, provinces['41'].reviewer.id].sort(),
    );
    expect(board.workloadTotal).toBe(2);
  });

  it('shows the national supervisor the most loaded reviewers when there are too many for one page; a province sees all of its own', async () => {
    const extra = await Promise.all(
      Array.from({ length: BOARD_PAGE_ROWS }, (_, i) => createUser('REVIEWER', { provinceCode: i % 2 ? '34' : '44' })),
    );
    try {
      const board = await getDeadlineBoard(national, now);
      expect(board.workloadTotal).toBe(BOARD_PAGE_ROWS + 2);
      expect(board.workload).toHaveLength(BOARD_PAGE_ROWS);
      // The two reviewers with overdue cases come first.
      expect(
        board.workload
          .slice(0, 2)
          .map((r) => r.reviewerId)
          .sort(),
      ).toEqual([provinces['34'].reviewer.id, provinces['41'].reviewer.id].sort());
      const anhuiBoard = await getDeadlineBoard(anhui(), now);
      expect(anhuiBoard.workload).toHaveLength(1 + Math.floor(BOARD_PAGE_ROWS / 2));
    } finally {
      await getPrisma().reviewerLoad.deleteMany({ where: { userId: { in: extra.map((user) => user.id) } } });
      await getPrisma().user.deleteMany({ where: { id: { in: extra.map((user) => user.id) } } });
    }
  });
});

describe('cases of another province', () => {
  it('are not found on the case page, the second-review screen or through a reviewer of that province', async () => {
    await expect(getSupervisedCase(anhui(), refs('41').overdue)).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(getSecondReviewCase(anhui(), refs('41').review)).rejects.toBeInstanceOf(CaseNotFoundError);
    const overdue41 = await getSupervisedCase(national, refs('41').overdue);
    await expect(
      reassignCase(anhui(), {
        caseId: overdue41.id,
        expectedVersion: overdue41.version,
        reviewerId: provinces['41'].reviewer.id,
      }),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(
      reassignReviewerCases(anhui(), { fromReviewerId: provinces['41'].reviewer.id, reason: '审核员已离职' }),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    const unchanged = await getSupervisedCase(national, refs('41').overdue);
    expect(unchanged.version).toBe(overdue41.version);
    expect((await getSupervisedCase(anhui(), refs('34').overdue)).history.map((e) => e.action)).toEqual([
      'CASE_FILED',
      'CASE_ASSIGNED',
      'CASE_DECIDED',
    ]);
  });
});

describe('the second-level review queue', () => {
  it('never shows a supervisor a review of their own first decision; the national supervisor sees all the rest', async () => {
    const queue = await listSecondReviewQueue(anhui());
    expect(queue.map((r) => r.reference)).toEqual([refs('34').review]);
    await expect(getSecondReviewCase(anhui(), refs('34').ownReview)).rejects.toBeInstanceOf(CaseNotFoundError);
    const all = await listSecondReviewQueue(national);
    expect(all.map((r) => r.reference).sort()).toEqual(
      [refs('34').review, refs('34').ownReview, refs('41').review, refs('41').ownReview].sort(),
    );
  });
});

describe('analytics', () => {
  const filters = resolveAnalyticsFilters({ type: 'ALL' }, { from: true, to: true });

  it('count only the province’s own pool for a provincial supervisor', async () => {
    const table = await getAuthorityTable(anhui(), filters);
    // Anhui's pool: its 7 code appeals (issued in 34) and the recognition complaint about a Henan code it refused.
    expect(table.rows.map((r) => [r.code, r.received])).toEqual([
      ['34', 7],
      ['41', 1],
    ]);
    expect(table.total.received).toBe(8);
    const matrix = await getRecognitionMatrix(anhui(), filters);
    expect(matrix.counts).toEqual({ '41-34': 1 });
  });

  it('count every province for the national supervisor', async () => {
    const table = await getAuthorityTable(national, filters);
    expect(table.total.received).toBe(16);
    expect((await getRecognitionMatrix(national, filters)).counts).toEqual({ '41-34': 1, '34-41': 1 });
  });
});

describe('exports', () => {
  it('carry only the province’s rows and are audited in the province’s chain, in the same transaction', async () => {
    const before = await getPrisma().auditEvent.count({ where: { action: 'EXPORT_CREATED' } });
    const file = await exportSupervisionTable(anhui(), { table: 'unassigned' }, (column) => column);
    expect(file.csv).toContain(refs('34').pool);
    expect(file.csv).not.toContain('SS-41-');
    expect(file.rows).toBe(2);
    const event = await getPrisma().auditEvent.findFirstOrThrow({
      where: { action: 'EXPORT_CREATED' },
      orderBy: { occurredAt: 'desc' },
    });
    expect(event).toMatchObject({ chain: '34', actorId: anhui().id, actorRole: 'SUPERVISOR' });
    expect(event.after).toMatchObject({ table: 'unassigned', rows: 2, scope: '34' });
    expect(await getPrisma().auditEvent.count({ where: { action: 'EXPORT_CREATED' } })).toBe(before + 1);
  });

  it('of the audit view hold only the province’s chain; the national supervisor’s exports go to the national chain', async () => {
    const audit = await exportSupervisionTable(anhui(), { table: 'audit', chain: '41' }, (column) => column);
    const chains = audit.csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(new Set(chains)).toEqual(new Set(['34']));
    await exportSupervisionTable(national, { table: 'workload' }, (column) => column);
    const event = await getPrisma().auditEvent.findFirstOrThrow({
      where: { action: 'EXPORT_CREATED' },
      orderBy: [{ occurredAt: 'desc' }],
    });
    expect(event.chain).toBe('national');
  });
});

describe('the audit view', () => {
  it('shows a provincial supervisor their chain only, even when another chain is asked for', async () => {
    const page = await findAuditPage(anhui(), { chain: '41' });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(new Set(page.rows.map((r) => r.chain))).toEqual(new Set(['34']));
    const all = await findAuditPage(national, {});
    expect(new Set(all.rows.map((r) => r.chain))).toEqual(new Set(['34', '41', 'national']));
  });

  it('verifies the province’s chain for a provincial supervisor and every chain for the national one', async () => {
    const own = await verifyScopeChains(anhui());
    expect(own.chains.map((c) => c.chain)).toEqual(['34']);
    const all = await verifyScopeChains(national);
    expect(all.chains.map((c) => c.chain)).toEqual(['34', '41', 'national']);
    expect(all.intact).toBe(true);
  });
});
