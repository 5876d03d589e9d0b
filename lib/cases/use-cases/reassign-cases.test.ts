// Supervisors moving work between reviewers (SPEC §6) against a real PostgreSQL: one case to a named reviewer, and
// every open case of a reviewer redistributed by the routing rules, each move audited, outsiders refused.
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@/lib/audit/verify';
import { getPrisma } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import {
  CaseNotFoundError,
  ConflictError,
  ForbiddenActionError,
  IllegalTransitionError,
  RuleViolationError,
} from '@/lib/core/errors';
import { reassignAllOpenCases, reassignCase } from './reassign-cases';
import { recountReviewerLoads } from '@/lib/cases/rules/routing';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';

const prisma = () => getPrisma();

async function snapshot(caseIds: string[]) {
  const [cases, events] = await Promise.all([
    prisma().case.findMany({
      where: { id: { in: caseIds } },
      orderBy: { id: 'asc' },
      select: { id: true, state: true, assigneeId: true, version: true },
    }),
    prisma().auditEvent.count(),
  ]);
  return { cases, events };
}

async function expectChainsIntact() {
  const verified = await verifyAuditChains(process.env.DATABASE_URL!);
  expect(verified.chains.filter((c) => c.broken)).toEqual([]);
  expect(verified.intact).toBe(true);
}

describe('reassigning work', () => {
  let citizen: TestUser;
  let leaving: TestUser;
  let supervisor: TestUser;

  beforeEach(async () => {
    await resetCaseData();
    citizen = await createUser('CITIZEN');
    leaving = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
  });

  /** Files a case while `leaving` is the only Anhui reviewer with room, so it lands with them, then moves it on. */
  async function caseOfLeaving(state: 'ASSIGNED' | 'IN_REVIEW' | 'AWAITING_CITIZEN' = 'ASSIGNED'): Promise<Case> {
    let current = (await submitAppeal(citizen, validFiling())).case;
    expect(current.assigneeId).toBe(leaving.id);
    if (state === 'ASSIGNED') return current;
    current = (await startReview(leaving, { caseId: current.id, expectedVersion: current.version })).case;
    if (state === 'IN_REVIEW') return current;
    return (
      await requestInformation(leaving, {
        caseId: current.id,
        expectedVersion: current.version,
        message: '请补充公司考勤记录的原件照片。',
      })
    ).case;
  }

  describe('reassignCase', () => {
    it('moves one case to an eligible reviewer of the province, keeping its state, with one audit event', async () => {
      const inReview = await caseOfLeaving('IN_REVIEW');
      const waiting = await caseOfLeaving('AWAITING_CITIZEN');
      const target = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });

      const { case: moved } = await reassignCase(supervisor, {
        caseId: inReview.id,
        expectedVersion: inReview.version,
        reviewerId: target.id,
        reason: '原审核员休假',
      });
      expect(moved).toMatchObject({ state: 'IN_REVIEW', assigneeId: target.id, version: inReview.version + 1 });
      const event = await prisma().auditEvent.findFirstOrThrow({
        where: { caseId: inReview.id, action: 'CASE_REASSIGNED' },
      });
      expect(event).toMatchObject({
        chain: '34',
        actorId: supervisor.id,
        actorRole: 'SUPERVISOR',
        reason: '原审核员休假',
      });
      expect(event.before).toMatchObject({ state: 'IN_REVIEW', assigneeId: leaving.id });
      expect(event.after).toMatchObject({ state: 'IN_REVIEW', assigneeId: target.id });

      // A pending question to the citizen stays pending, and its paused clock stays paused.
      const { case: movedWaiting } = await reassignCase(supervisor, {
        caseId: waiting.id,
        expectedVersion: waiting.version,
        reviewerId: target.id,
      });
      expect(movedWaiting).toMatchObject({
        state: 'AWAITING_CITIZEN',
        assigneeId: target.id,
        pausedSince: waiting.pausedSince,
        dueAt: waiting.dueAt,
      });
      expect(await prisma().auditEvent.count({ where: { action: 'CASE_REASSIGNED' } })).toBe(2);
      await expectChainsIntact();
    });

    it('a national supervisor may reassign a case of any province', async () => {
      const assigned = await caseOfLeaving();
      const target = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
      const national = await createUser('SUPERVISOR', { provinceCode: null });
      const { case: moved } = await reassignCase(national, {
        caseId: assigned.id,
        expectedVersion: assigned.version,
        reviewerId: target.id,
      });
      expect(moved).toMatchObject({ state: 'ASSIGNED', assigneeId: target.id });
    });

    it('refuses a reviewer of another province, an inactive or excluded reviewer, or someone who is no reviewer, and changes nothing', async () => {
      const assigned = await caseOfLeaving();
      const henan = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
      const inactive = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', active: false });
      const excluded = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
      await prisma().caseExclusion.create({
        data: { caseId: assigned.id, reviewerId: excluded.id, provinceCode: '34', reason: '利益冲突' },
      });
      const before = await snapshot([assigned.id]);
      for (const reviewer of [henan, inactive, excluded, supervisor, citizen]) {
        const error = await reassignCase(supervisor, {
          caseId: assigned.id,
          expectedVersion: assigned.version,
          reviewerId: reviewer.id,
        }).catch((e: unknown) => e);
        expect(error, reviewer.role).toBeInstanceOf(RuleViolationError);
        expect((error as RuleViolationError).messageKey).toBe('errors.reviewerNotEligible');
      }
      expect(await snapshot([assigned.id])).toEqual(before);
    });

    it('is refused to a reviewer (ForbiddenActionError) and changes nothing', async () => {
      const assigned = await caseOfLeaving();
      const colleague = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
      const before = await snapshot([assigned.id]);
      for (const actor of [leaving, colleague]) {
        await expect(
          reassignCase(actor, { caseId: assigned.id, expectedVersion: assigned.version, reviewerId: colleague.id }),
        ).rejects.toBeInstanceOf(ForbiddenActionError);
      }
      expect(await snapshot([assigned.id])).toEqual(before);
    });

    it('tells a supervisor of another province the case does not exist, and changes nothing', async () => {
      const assigned = await caseOfLeaving();
      const target = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
      const henanSupervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
      const before = await snapshot([assigned.id]);
      await expect(
        reassignCase(henanSupervisor, {
          caseId: assigned.id,
          expectedVersion: assigned.version,
          reviewerId: target.id,
        }),
      ).rejects.toBeInstanceOf(CaseNotFoundError);
      expect(await snapshot([assigned.id])).toEqual(before);
    });

    it('refuses a stale version and a case that is not with a reviewer', async () => {
      const assigned = await caseOfLeaving();
      await prisma().user.update({ where: { id: leaving.id }, data: { active: false } });
      const pooled = (await submitAppeal(citizen, validFiling())).case;
      expect(pooled).toMatchObject({ state: 'SUBMITTED', assigneeId: null });
      const target = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
      const before = await snapshot([assigned.id, pooled.id]);
      await expect(
        reassignCase(supervisor, { caseId: assigned.id, expectedVersion: assigned.version - 1, reviewerId: target.id }),
      ).rejects.toBeInstanceOf(ConflictError);
      // A pooled case is placed with assignCase, not reassigned.
      await expect(
        reassignCase(supervisor, { caseId: pooled.id, expectedVersion: pooled.version, reviewerId: target.id }),
      ).rejects.toBeInstanceOf(IllegalTransitionError);
      expect(await snapshot([assigned.id, pooled.id])).toEqual(before);
    });
  });

  describe('reassignAllOpenCases', () => {
    it('moves every open case of a reviewer to the others by the routing rules, each with its audit event', async () => {
      const cases = [
        await caseOfLeaving('ASSIGNED'),
        await caseOfLeaving('IN_REVIEW'),
        await caseOfLeaving('AWAITING_CITIZEN'),
        await caseOfLeaving('ASSIGNED'),
      ];
      const withdrawn = await caseOfLeaving('ASSIGNED');
      await withdrawCase(citizen, { caseId: withdrawn.id, expectedVersion: withdrawn.version });
      // small: free and waiting longest, but room for one case only; roomy: takes the rest;
      // conflicted: of the issuing unit (340100), never used while another has room.
      const small = await createUser('REVIEWER', {
        provinceCode: '34',
        unitCode: '340200',
        capacity: 1,
        lastAssignedAt: new Date(Date.now() - 72 * 3600_000),
      });
      const roomy = await createUser('REVIEWER', {
        provinceCode: '34',
        unitCode: '340200',
        lastAssignedAt: new Date(Date.now() - 3600_000),
      });
      const conflicted = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340100' });
      const eventsBefore = await prisma().auditEvent.count();

      const result = await reassignAllOpenCases(supervisor, { fromReviewerId: leaving.id, reason: '审核员离职' });
      expect(result).toEqual({ reassigned: 4, pooled: 0, unchanged: 0 });

      const after = await prisma().case.findMany({ where: { id: { in: cases.map((c) => c.id) } } });
      const byId = new Map(after.map((c) => [c.id, c]));
      // Earliest deadline first: it goes to small (tie on load, longest waiting), who is then full.
      expect(byId.get(cases[0]!.id)!.assigneeId).toBe(small.id);
      for (const moved of cases.slice(1)) expect(byId.get(moved.id)!.assigneeId).toBe(roomy.id);
      for (const original of cases) {
        expect(byId.get(original.id)).toMatchObject({ state: original.state, version: original.version + 1 });
      }
      expect(await prisma().case.count({ where: { assigneeId: conflicted.id } })).toBe(0);
      expect(
        await prisma().case.count({
          where: { assigneeId: leaving.id, state: { in: ['ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN'] } },
        }),
      ).toBe(0);
      // Each moved case counted once in its new reviewer's load (by the pick) and taken off the old one's; a recount
      // from the cases agrees.
      const loads = async () => {
        const rows = await prisma().reviewerLoad.findMany({ where: { provinceCode: '34' } });
        const of = (id: string) => rows.find((row) => row.userId === id)?.openCaseCount ?? 0;
        return {
          [leaving.id]: of(leaving.id),
          [small.id]: of(small.id),
          [roomy.id]: of(roomy.id),
          [conflicted.id]: of(conflicted.id),
        };
      };
      const counted = { [leaving.id]: 0, [small.id]: 1, [roomy.id]: 3, [conflicted.id]: 0 };
      expect(await loads()).toEqual(counted);
      await recountReviewerLoads(prisma());
      expect(await loads()).toEqual(counted);
      // The withdrawn case is no open work and stays as it was.
      expect(await prisma().case.findFirstOrThrow({ where: { id: withdrawn.id } })).toMatchObject({
        state: 'WITHDRAWN',
        assigneeId: leaving.id,
      });

      // Everything here is in Anhui's chain, so the new events are those numbered after the count before.
      const events = await prisma().auditEvent.findMany({
        where: { chain: '34', seq: { gt: BigInt(eventsBefore) } },
        orderBy: { seq: 'asc' },
      });
      expect(events).toHaveLength(4);
      expect(
        events.every((e) => e.action === 'CASE_REASSIGNED' && e.actorId === supervisor.id && e.reason === '审核员离职'),
      ).toBe(true);
      expect(new Set(events.map((e) => e.caseId))).toEqual(new Set(cases.map((c) => c.id)));
      for (const event of events) expect(event.before).toMatchObject({ assigneeId: leaving.id });
      await expectChainsIntact();
    });

    it('pools what nobody else can take and leaves a case waiting on the citizen where it is', async () => {
      const assigned = await caseOfLeaving('ASSIGNED');
      const inReview = await caseOfLeaving('IN_REVIEW');
      const waiting = await caseOfLeaving('AWAITING_CITIZEN');
      // Nobody eligible: another province's reviewer and an inactive one.
      await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
      await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', active: false });

      const result = await reassignAllOpenCases(supervisor, { fromReviewerId: leaving.id, reason: '审核员离职' });
      expect(result).toEqual({ reassigned: 0, pooled: 2, unchanged: 1 });

      for (const original of [assigned, inReview]) {
        expect(await prisma().case.findFirstOrThrow({ where: { id: original.id } })).toMatchObject({
          state: 'SUBMITTED',
          assigneeId: null,
          assignedAt: null,
          version: original.version + 1,
        });
        const event = await prisma().auditEvent.findFirstOrThrow({
          where: { caseId: original.id, action: 'CASE_RELEASED' },
        });
        expect(event).toMatchObject({ actorId: supervisor.id, reason: '审核员离职' });
        expect(event.after).toMatchObject({ state: 'SUBMITTED', assigneeId: null });
      }
      expect(await prisma().case.findFirstOrThrow({ where: { id: waiting.id } })).toMatchObject({
        state: 'AWAITING_CITIZEN',
        assigneeId: leaving.id,
        version: waiting.version,
      });
      expect(
        await prisma().auditEvent.count({
          where: { caseId: waiting.id, action: { in: ['CASE_REASSIGNED', 'CASE_RELEASED'] } },
        }),
      ).toBe(0);
      await expectChainsIntact();
    });

    it('respects capacity and exclusions while moving, and reports each outcome', async () => {
      const first = await caseOfLeaving('ASSIGNED');
      const second = await caseOfLeaving('IN_REVIEW');
      const third = await caseOfLeaving('AWAITING_CITIZEN');
      const onlyOne = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 1 });
      await prisma().caseExclusion.create({
        data: { caseId: first.id, reviewerId: onlyOne.id, provinceCode: '34', reason: '利益冲突' },
      });

      const result = await reassignAllOpenCases(supervisor, { fromReviewerId: leaving.id, reason: '调整工作量' });
      expect(result).toEqual({ reassigned: 1, pooled: 1, unchanged: 1 });
      // first: its only candidate is excluded → pool; second: to onlyOne, who is then full; third: stays.
      const states = await prisma().case.findMany({
        where: { id: { in: [first.id, second.id, third.id] } },
        select: { id: true, state: true, assigneeId: true },
      });
      expect(new Map(states.map((c) => [c.id, [c.state, c.assigneeId]]))).toEqual(
        new Map([
          [first.id, ['SUBMITTED', null]],
          [second.id, ['IN_REVIEW', onlyOne.id]],
          [third.id, ['AWAITING_CITIZEN', leaving.id]],
        ]),
      );
      await expectChainsIntact();
    });

    it('runs alongside filings in the same province without deadlocking, and every case ends up somewhere sound', async () => {
      // Filing takes the chain head and then a reviewer; the bulk move must take them in the same order.
      const others = [
        await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 200, active: false }),
        await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 200, active: false }),
      ];
      for (const delayMs of [0, 10, 20, 30, 40]) {
        await prisma().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: false } });
        await prisma().user.update({ where: { id: leaving.id }, data: { active: true } });
        for (let i = 0; i < 5; i += 1) await caseOfLeaving('ASSIGNED');
        await prisma().user.update({ where: { id: leaving.id }, data: { active: false } });
        await prisma().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: true } });

        const filings = () => Array.from({ length: 8 }, () => submitAppeal(citizen, validFiling()));
        const bulk = new Promise((resolve) => setTimeout(resolve, delayMs)).then(() =>
          reassignAllOpenCases(supervisor, { fromReviewerId: leaving.id, reason: '审核员离职' }),
        );
        const settled = await Promise.allSettled([...filings(), bulk, ...filings()]);
        const failures = settled.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
        expect(failures, `delay ${delayMs} ms`).toEqual([]);
        expect(await bulk).toEqual({ reassigned: 5, pooled: 0, unchanged: 0 });
        expect(await prisma().case.count({ where: { assigneeId: leaving.id, state: 'ASSIGNED' } })).toBe(0);
      }
      expect(await prisma().case.count()).toBe(5 * 21);
      expect(
        await prisma().case.count({ where: { state: 'ASSIGNED', assigneeId: { in: others.map((o) => o.id) } } }),
      ).toBe(5 * 21);
      await expectChainsIntact();
    }, 60_000);

    it('is refused to a reviewer, and a supervisor of another province moves nothing', async () => {
      const assigned = await caseOfLeaving('ASSIGNED');
      await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
      const before = await snapshot([assigned.id]);
      await expect(
        reassignAllOpenCases(leaving, { fromReviewerId: leaving.id, reason: '审核员离职' }),
      ).rejects.toBeInstanceOf(ForbiddenActionError);
      const henanSupervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
      expect(await reassignAllOpenCases(henanSupervisor, { fromReviewerId: leaving.id, reason: '审核员离职' })).toEqual(
        {
          reassigned: 0,
          pooled: 0,
          unchanged: 0,
        },
      );
      expect(await snapshot([assigned.id])).toEqual(before);
    });
  });
});
