// Routing and assignment (SPEC §6): the pure ranking of reviewers, then the rules end to end through submitAppeal
// against a real PostgreSQL: least loaded, oldest last assignment, capacity, conflict of interest, inactive and
// excluded reviewers, the province pool, and parallel filings that must never push anyone past capacity.
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { lockWaiters, rawClient, resetCaseData } from '@/test/support/db';
import { assignCase } from '@/lib/cases/use-cases/assign-case';
import { claimCase } from '@/lib/cases/use-cases/claim-case';
import { releaseCase } from '@/lib/cases/use-cases/release-case';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { CaseNotFoundError, IllegalTransitionError, RuleViolationError } from '@/lib/core/errors';
import {
  adjustReviewerLoads,
  pickReviewer,
  rankCandidates,
  recountReviewerLoads,
  routeToProvince,
  type ReviewerCandidate,
} from '@/lib/cases/rules/routing';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { isConflictedReviewer } from '@/lib/cases/rules/conflict-of-interest';

const prisma = () => getPrisma();
/** A reviewer's load row in Anhui (reviewer_load). */
const loadRow = (userId: string) =>
  prisma().reviewerLoad.findUniqueOrThrow({ where: { provinceCode_userId: { provinceCode: '34', userId } } });

function candidate(id: string, overrides: Partial<ReviewerCandidate> = {}): ReviewerCandidate {
  return { id, unitCode: '340200', capacity: 50, openCount: 0, lastAssignedAt: null, ...overrides };
}

const ids = (ranked: ReviewerCandidate[]) => ranked.map((c) => c.id);
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

describe('rankCandidates', () => {
  it('puts the reviewer with the fewest open cases first', () => {
    const ranked = rankCandidates(
      [candidate('a', { openCount: 3 }), candidate('b', { openCount: 1 }), candidate('c', { openCount: 2 })],
      '340100',
    );
    expect(ids(ranked)).toEqual(['b', 'c', 'a']);
  });

  it('breaks ties by the longest time since the last assignment, never-assigned first', () => {
    const ranked = rankCandidates(
      [
        candidate('recent', { lastAssignedAt: new Date('2026-03-02T10:00:00Z') }),
        candidate('never', { lastAssignedAt: null }),
        candidate('older', { lastAssignedAt: new Date('2026-03-01T10:00:00Z') }),
      ],
      '340100',
    );
    expect(ids(ranked)).toEqual(['never', 'older', 'recent']);
  });

  it('load counts before the last assignment time', () => {
    const ranked = rankCandidates(
      [
        candidate('idle-long', { openCount: 2, lastAssignedAt: null }),
        candidate('busy-recent', { openCount: 1, lastAssignedAt: new Date() }),
      ],
      '340100',
    );
    expect(ids(ranked)).toEqual(['busy-recent', 'idle-long']);
  });

  it('leaves out reviewers at or over capacity', () => {
    const ranked = rankCandidates(
      [
        candidate('full', { capacity: 1, openCount: 1 }),
        candidate('over', { capacity: 2, openCount: 3 }),
        candidate('room', { capacity: 5, openCount: 4 }),
      ],
      '340100',
    );
    expect(ids(ranked)).toEqual(['room']);
    expect(rankCandidates([candidate('full', { capacity: 1, openCount: 1 })], '340100')).toEqual([]);
  });

  it('uses a reviewer of the issuing unit only when nobody else is available', () => {
    const conflicted = candidate('same-unit', { unitCode: '340100', openCount: 0 });
    const independent = candidate('other-unit', { unitCode: '340200', openCount: 9 });
    expect(ids(rankCandidates([conflicted, independent], '340100'))).toEqual(['other-unit']);
    // The independent reviewer is full: the conflicted one is the only one left.
    expect(ids(rankCandidates([conflicted, { ...independent, capacity: 9 }], '340100'))).toEqual(['same-unit']);
    expect(ids(rankCandidates([conflicted], '340100'))).toEqual(['same-unit']);
    // A reviewer without a unit is not in conflict.
    expect(ids(rankCandidates([conflicted, candidate('no-unit', { unitCode: null, openCount: 4 })], '340100'))).toEqual(
      ['no-unit'],
    );
  });

  it('treats a reviewer of a city as conflicted for its districts and counties (division hierarchy)', () => {
    const hefei = candidate('hefei-city', { unitCode: '340100', openCount: 0 });
    const shushan = candidate('shushan-district', { unitCode: '340104', openCount: 1 });
    const wuhu = candidate('wuhu-city', { unitCode: '340200', openCount: 5 });
    // A code issued by 蜀山区 (340104): the Hefei city reviewer and the district's own reviewer are both conflicted.
    expect(ids(rankCandidates([hefei, shushan, wuhu], '340104'))).toEqual(['wuhu-city']);
    // A code issued by the city itself does not conflict a district reviewer below it.
    expect(ids(rankCandidates([hefei, shushan, wuhu], '340100'))).toEqual(['shushan-district', 'wuhu-city']);
    expect(isConflictedReviewer('340000', '341502')).toBe(true);
    expect(isConflictedReviewer('340104', '340103')).toBe(false);
    expect(isConflictedReviewer('110100', '110105')).toBe(true);
    expect(isConflictedReviewer('340100', '350104')).toBe(false);
  });

  it('returns nobody for nobody, and does not reorder its input', () => {
    expect(rankCandidates([], '340100')).toEqual([]);
    const input = [candidate('a', { openCount: 2 }), candidate('b')];
    rankCandidates(input, '340100');
    expect(ids(input)).toEqual(['a', 'b']);
  });
});

describe('routeToProvince', () => {
  it('sends a code appeal to the issuing province and a recognition complaint to the refusing one', () => {
    expect(routeToProvince({ type: 'CODE_APPEAL', issuingProvinceCode: '34', refusingProvinceCode: '31' })).toBe('34');
    expect(
      routeToProvince({ type: 'RECOGNITION_COMPLAINT', issuingProvinceCode: '34', refusingProvinceCode: '31' }),
    ).toBe('31');
    expect(() =>
      routeToProvince({ type: 'RECOGNITION_COMPLAINT', issuingProvinceCode: '34', refusingProvinceCode: null }),
    ).toThrow();
  });
});

describe('automatic assignment at filing', () => {
  let citizen: TestUser;

  beforeEach(async () => {
    await resetCaseData();
    citizen = await createUser('CITIZEN');
  });

  const file = async (overrides: Parameters<typeof validFiling>[0] = {}) =>
    (await submitAppeal(citizen, validFiling(overrides))).case;
  const openCount = (reviewerId: string) =>
    prisma().case.count({
      where: { assigneeId: reviewerId, state: { in: ['ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN'] } },
    });

  it('gives the case to the reviewer with the fewest open cases', async () => {
    const busy = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    await file();
    await file();
    // busy waited longest since an assignment (would win a tie), but the load decides first.
    const idle = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', lastAssignedAt: new Date() });
    await prisma().reviewerLoad.update({
      where: { provinceCode_userId: { provinceCode: '34', userId: busy.id } },
      data: { lastAssignedAt: hoursAgo(48) },
    });
    const filed = await file();
    expect(filed.state).toBe('ASSIGNED');
    expect(filed.assigneeId).toBe(idle.id);
    expect(filed.assignedAt).toEqual(filed.filedAt);
    expect(await file()).toMatchObject({ assigneeId: idle.id });
    expect([await openCount(busy.id), await openCount(idle.id)]).toEqual([2, 2]);
  });

  it('on equal load picks the reviewer whose last assignment is oldest, and records the new assignment time', async () => {
    const recent = await createUser('REVIEWER', {
      provinceCode: '34',
      unitCode: '340200',
      lastAssignedAt: hoursAgo(1),
    });
    const oldest = await createUser('REVIEWER', {
      provinceCode: '34',
      unitCode: '340200',
      lastAssignedAt: hoursAgo(72),
    });
    const middle = await createUser('REVIEWER', {
      provinceCode: '34',
      unitCode: '340200',
      lastAssignedAt: hoursAgo(24),
    });
    const first = await file();
    expect(first.assigneeId).toBe(oldest.id);
    const chosen = await loadRow(oldest.id);
    expect(chosen.lastAssignedAt).toEqual(first.filedAt);
    // The others' times are untouched.
    const untouched = await loadRow(recent.id);
    expect(untouched.lastAssignedAt!.getTime()).toBeLessThan(first.filedAt.getTime() - 3000_000);
    // Loads are now 1 / 0 / 0: the next two go to the middle, then the most recent.
    expect((await file()).assigneeId).toBe(middle.id);
    expect((await file()).assigneeId).toBe(recent.id);
  });

  it('skips a reviewer at capacity, and takes them again once a case leaves their load', async () => {
    const roomy = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    await file();
    await file();
    const single = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 1 });
    const theirs = await file();
    expect(theirs.assigneeId).toBe(single.id);
    // single has 1 open case (at capacity 1), roomy has 2: without the capacity rule single would be first.
    const next = await file();
    expect(next.assigneeId).toBe(roomy.id);
    expect(await openCount(single.id)).toBe(1);
    // A withdrawn case no longer counts toward the load.
    await withdrawCase(citizen, { caseId: theirs.id, expectedVersion: theirs.version });
    expect((await file()).assigneeId).toBe(single.id);
  });

  it('skips a reviewer of the issuing unit while another is available, and uses them when they are the only one', async () => {
    const conflicted = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340100' });
    const independent = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 2 });
    const a = await file({ issuingUnitCode: '340100' });
    const b = await file({ issuingUnitCode: '340100' });
    // independent took both although conflicted had fewer open cases.
    expect([a.assigneeId, b.assigneeId]).toEqual([independent.id, independent.id]);
    // A code from another unit is no conflict for conflicted, who now has the lighter load.
    expect((await file({ issuingUnitCode: '340200' })).assigneeId).toBe(conflicted.id);
    // independent is full now: conflicted is the only one available.
    expect((await file({ issuingUnitCode: '340100' })).assigneeId).toBe(conflicted.id);
  });

  it('never gives a case to an inactive reviewer', async () => {
    const inactive = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', active: false });
    const alone = await file();
    expect(alone).toMatchObject({ state: 'SUBMITTED', assigneeId: null });
    // inactive was never assigned and has no load: only the active flag keeps it out.
    const active = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', lastAssignedAt: new Date() });
    const filed = await file();
    expect(filed.assigneeId).toBe(active.id);
    expect(await prisma().case.count({ where: { assigneeId: inactive.id } })).toBe(0);
  });

  it('never picks a reviewer of another province', async () => {
    const henan = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
    const pooled = await file();
    expect(pooled).toMatchObject({ provinceCode: '34', state: 'SUBMITTED', assigneeId: null });
    const anhui = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    await file();
    await file();
    expect((await file()).assigneeId).toBe(anhui.id);
    expect(await prisma().case.count({ where: { assigneeId: henan.id } })).toBe(0);
    // A recognition complaint refused in Henan goes to Henan's pool, whoever issued the code.
    const complaint = await file({
      type: 'RECOGNITION_COMPLAINT',
      refusingProvinceCode: '41',
      grounds: 'NOT_RECOGNISED',
      requestedOutcome: 'RECOGNISE',
    });
    expect(complaint).toMatchObject({ provinceCode: '41', assigneeId: henan.id });
  });

  it('leaves the case unassigned in the pool when nobody is eligible, and a reviewer of the province can claim it', async () => {
    const pooled = await file();
    expect(pooled).toMatchObject({ state: 'SUBMITTED', assigneeId: null, assignedAt: null });
    const events = await prisma().auditEvent.findMany({ where: { caseId: pooled.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['CASE_FILED']);

    const outsider = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
    await expect(claimCase(outsider, { caseId: pooled.id, expectedVersion: pooled.version })).rejects.toBeInstanceOf(
      CaseNotFoundError,
    );

    const reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    const { case: claimed } = await claimCase(reviewer, { caseId: pooled.id, expectedVersion: pooled.version });
    expect(claimed).toMatchObject({ state: 'ASSIGNED', assigneeId: reviewer.id, version: pooled.version + 1 });
    const claimEvent = await prisma().auditEvent.findFirstOrThrow({
      where: { caseId: pooled.id, action: 'CASE_CLAIMED' },
    });
    expect(claimEvent).toMatchObject({ actorId: reviewer.id, actorRole: 'REVIEWER', chain: '34' });
    expect(claimEvent.after).toMatchObject({ state: 'ASSIGNED', assigneeId: reviewer.id });
    // Once held, it is out of the pool and cannot be claimed again.
    const second = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    await expect(claimCase(second, { caseId: pooled.id, expectedVersion: claimed.version })).rejects.toBeInstanceOf(
      IllegalTransitionError,
    );
    expect(await prisma().case.findFirstOrThrow({ where: { id: pooled.id } })).toMatchObject({
      assigneeId: reviewer.id,
      version: claimed.version,
    });
  });

  it('an explicitly excluded reviewer can neither claim the case, be given it by a supervisor, nor be picked by routing', async () => {
    const pooled = await file();
    expect(pooled.state).toBe('SUBMITTED');
    const excluded = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    const other = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    await prisma().caseExclusion.create({
      data: { caseId: pooled.id, reviewerId: excluded.id, provinceCode: '34', reason: '申诉人的亲属' },
    });
    // Give `other` a heavier load so that, without the exclusion, routing would prefer `excluded`.
    await file();
    await prisma().case.updateMany({ where: { assigneeId: { not: null } }, data: { assigneeId: other.id } });

    const claimError = await claimCase(excluded, { caseId: pooled.id, expectedVersion: pooled.version }).catch(
      (e: unknown) => e,
    );
    expect(claimError).toBeInstanceOf(RuleViolationError);
    expect((claimError as RuleViolationError).messageKey).toBe('errors.excludedReviewer');
    const assignError = await assignCase(supervisor, {
      caseId: pooled.id,
      expectedVersion: pooled.version,
      reviewerId: excluded.id,
    }).catch((e: unknown) => e);
    expect(assignError).toBeInstanceOf(RuleViolationError);
    expect((assignError as RuleViolationError).messageKey).toBe('errors.reviewerNotEligible');
    expect(await prisma().case.findFirstOrThrow({ where: { id: pooled.id } })).toMatchObject({
      state: 'SUBMITTED',
      assigneeId: null,
      version: pooled.version,
    });
    expect(await prisma().auditEvent.count({ where: { caseId: pooled.id } })).toBe(1);

    const args = { provinceCode: '34', caseId: pooled.id, issuingUnitCode: pooled.issuingUnitCode, now: new Date() };
    expect(await prisma().$transaction((tx) => pickReviewer(tx, args))).toBe(other.id);
    expect(await prisma().$transaction((tx) => pickReviewer(tx, { ...args, excludeIds: [other.id] }))).toBeNull();

    const { case: assigned } = await assignCase(supervisor, {
      caseId: pooled.id,
      expectedVersion: pooled.version,
      reviewerId: other.id,
    });
    expect(assigned).toMatchObject({ state: 'ASSIGNED', assigneeId: other.id });
    expect(
      await prisma().auditEvent.findFirst({
        where: { caseId: pooled.id, action: 'CASE_ASSIGNED', actorId: supervisor.id },
      }),
    ).not.toBeNull();
  });

  it('20 parallel filings with two reviewers of capacity 5: exactly 10 assigned, 10 pooled, nobody over capacity', async () => {
    const first = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 5 });
    const second = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 5 });
    const results = await Promise.all(Array.from({ length: 20 }, () => submitAppeal(citizen, validFiling())));
    expect(results.every((r) => r.created)).toBe(true);
    const states = results.map((r) => r.case.state);
    expect(states.filter((s) => s === 'ASSIGNED')).toHaveLength(10);
    expect(states.filter((s) => s === 'SUBMITTED')).toHaveLength(10);
    expect(await openCount(first.id)).toBe(5);
    expect(await openCount(second.id)).toBe(5);
    expect(await prisma().case.count({ where: { state: 'SUBMITTED', assigneeId: null } })).toBe(10);
    expect(await prisma().auditEvent.count({ where: { action: 'CASE_ASSIGNED' } })).toBe(10);
  }, 60_000);
});

describe('pickReviewer under a concurrent assignment', () => {
  beforeEach(resetCaseData);

  /** Starts a transaction that picks a reviewer for `caseId`, assigns it, and stays open until released. */
  function holdAssignment(caseId: string, now: Date) {
    let release!: () => void;
    const mayCommit = new Promise<void>((resolve) => (release = resolve));
    let picked!: () => void;
    const hasPicked = new Promise<void>((resolve) => (picked = resolve));
    const done = prisma().$transaction(
      async (tx) => {
        const current = await tx.case.findFirstOrThrow({ where: { id: caseId } });
        const id = await pickReviewer(tx, { provinceCode: '34', caseId, issuingUnitCode: '340100', now });
        await tx.case.updateMany({ where: { id: caseId }, data: { state: 'ASSIGNED', assigneeId: id } });
        // What applyCaseChange does with every assignment: the reviewer's load goes up in the same transaction.
        await adjustReviewerLoads(tx, current, { assigneeId: id, state: 'ASSIGNED', provinceCode: '34' });
        picked();
        await mayCommit;
        return id;
      },
      { timeout: 20_000 },
    );
    return { hasPicked, release, done };
  }

  it('a second picker does not queue behind the first: it takes the next reviewer nobody holds, and leaves the first one’s last assignment time alone', async () => {
    const citizen = await createUser('CITIZEN');
    const [pooledA, pooledB] = [
      (await submitAppeal(citizen, validFiling())).case,
      (await submitAppeal(citizen, validFiling())).case,
    ];
    const first = await createUser('REVIEWER', {
      provinceCode: '34',
      unitCode: '340200',
      capacity: 1,
      lastAssignedAt: hoursAgo(48),
    });
    const second = await createUser('REVIEWER', {
      provinceCode: '34',
      unitCode: '340200',
      capacity: 1,
      lastAssignedAt: hoursAgo(24),
    });
    const firstNow = new Date('2026-03-01T08:00:00Z');
    const secondNow = new Date('2026-03-01T09:00:00Z');

    const one = holdAssignment(pooledA.id, firstNow);
    await one.hasPicked;
    // `first` is still first in line but held: the second picker takes `second` while the first transaction is open.
    const two = await prisma().$transaction((tx) =>
      pickReviewer(tx, { provinceCode: '34', caseId: pooledB.id, issuingUnitCode: '340100', now: secondNow }),
    );
    expect(two).toBe(second.id);
    one.release();
    expect(await one.done).toBe(first.id);
    const reviewers = await prisma().reviewerLoad.findMany({
      where: { provinceCode: '34', userId: { in: [first.id, second.id] } },
      orderBy: { lastAssignedAt: 'asc' },
    });
    expect(reviewers.map((r) => [r.userId, r.lastAssignedAt])).toEqual([
      [first.id, firstNow],
      [second.id, secondNow],
    ]);
  });

  it('when every eligible reviewer is held, waits for the best one, sees its assignment and finds them full', async () => {
    const citizen = await createUser('CITIZEN');
    const [pooledA, pooledB] = [
      (await submitAppeal(citizen, validFiling())).case,
      (await submitAppeal(citizen, validFiling())).case,
    ];
    const only = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 1 });
    const one = holdAssignment(pooledA.id, new Date('2026-03-01T08:00:00Z'));
    await one.hasPicked;
    let secondDone = false;
    const two = prisma()
      .$transaction(
        (tx) =>
          pickReviewer(tx, {
            provinceCode: '34',
            caseId: pooledB.id,
            issuingUnitCode: '340100',
            now: new Date('2026-03-01T09:00:00Z'),
          }),
        { timeout: 20_000 },
      )
      .finally(() => (secondDone = true));
    const client = await rawClient();
    try {
      await expect.poll(() => lockWaiters(client), { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
    expect(secondDone).toBe(false);
    one.release();
    expect(await one.done).toBe(only.id);
    expect(await two).toBeNull();
    expect(await prisma().case.count({ where: { assigneeId: only.id } })).toBe(1);
  });
});

describe('reviewer loads', () => {
  it('follow every change: assignment, release, decision, and a recount agrees with the counters', async () => {
    await resetCaseData();
    const citizen = await createUser('CITIZEN');
    const reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    const load = async () => (await loadRow(reviewer.id)).openCaseCount;
    const a = (await submitAppeal(citizen, validFiling())).case;
    const b = (await submitAppeal(citizen, validFiling())).case;
    expect(await load()).toBe(2);
    await releaseCase(reviewer, { caseId: a.id, expectedVersion: a.version });
    expect(await load()).toBe(1);
    const started = (await startReview(reviewer, { caseId: b.id, expectedVersion: b.version })).case;
    expect(await load()).toBe(1);
    await decideCase(reviewer, {
      caseId: b.id,
      expectedVersion: started.version,
      outcome: 'UPHELD',
      ruleCode: 'CLOSE_CONTACT',
      reasons: '经核查，原赋码依据充分，维持原赋码决定，申诉人可申请复核。',
    });
    expect(await load()).toBe(0);
    await prisma().reviewerLoad.update({
      where: { provinceCode_userId: { provinceCode: '34', userId: reviewer.id } },
      data: { openCaseCount: 7 },
    });
    await recountReviewerLoads(prisma());
    expect(await load()).toBe(0);
  });
});
