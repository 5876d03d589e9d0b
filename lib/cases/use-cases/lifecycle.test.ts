// The lifecycle of SPEC §5 through the use cases, against a real PostgreSQL: every illegal move is refused and
// changes nothing; concurrent deciders; pauses; decisions and corrections; second-level review; transfer; outsiders.
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@/lib/audit/verify';
import { getPrisma } from '@/lib/db/client';
import { freshCitizenAndReviewer, createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import type { Actor } from '@/lib/auth/actor';
import { claimCase } from '@/lib/cases/use-cases/claim-case';
import { releaseCase } from '@/lib/cases/use-cases/release-case';
import { requestSecondReview } from '@/lib/cases/use-cases/request-second-review';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { closeCase } from './close-case';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { decideSecondReview } from '@/lib/cases/use-cases/decide-second-review';
import { startSecondReview } from '@/lib/cases/use-cases/start-second-review';
import {
  CaseNotFoundError,
  ConflictError,
  IllegalTransitionError,
  RuleViolationError,
  ValidationError,
} from '@/lib/core/errors';
import { replyToRequest } from '@/lib/cases/use-cases/reply-to-request';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { transferCase } from '@/lib/cases/use-cases/transfer-case';
import { CASE_STATES, TRANSITIONS, type CaseAction } from '@/lib/cases/rules/transitions';
import { decideSchema, transferSchema } from '@/lib/cases/forms/schemas';
import { parseInput } from '@/lib/core/parse-input';

const db = () => getPrisma();
const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';

let citizen: TestUser;
let reviewer: TestUser;
let supervisor: TestUser;

async function fileAssigned() {
  const { case: filed } = await submitAppeal(citizen, validFiling());
  expect(filed.assigneeId).toBe(reviewer.id);
  return filed;
}

async function version(caseId: string) {
  return (await db().case.findFirstOrThrow({ where: { id: caseId } })).version;
}

async function snapshot(caseId: string) {
  const [row, events, decisions, requests, outbox] = await Promise.all([
    db().case.findFirstOrThrow({ where: { id: caseId } }),
    db().auditEvent.count(),
    db().decision.count(),
    db().informationRequest.count(),
    db().outboxEvent.count(),
  ]);
  return { row, events, decisions, requests, outbox };
}

async function inReview() {
  const filed = await fileAssigned();
  const { case: started } = await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version });
  return started;
}

async function decided(outcome: 'UPHELD' | 'DOWNGRADED' | 'REVOKED' = 'REVOKED') {
  const started = await inReview();
  const { case: done } = await decideCase(reviewer, {
    caseId: started.id,
    expectedVersion: started.version,
    outcome,
    // Keeping red needs a rule that allows red (SPEC §3); the other outcomes may rest on a yellow-at-most one.
    ruleCode: outcome === 'UPHELD' ? 'CLOSE_CONTACT' : 'SPATIOTEMPORAL_COMPANION',
    reasons: REASONS,
  });
  return done;
}

beforeEach(async () => {
  ({ citizen, reviewer } = await freshCitizenAndReviewer());
  supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
});

describe('illegal transitions', () => {
  /** Calls the use case for `action` as an actor allowed to perform it, on a case forced into `state`. */
  const perform: Partial<Record<CaseAction, (caseId: string, v: number) => Promise<unknown>>> = {
    CLAIM: (caseId, v) => claimCase(reviewer, { caseId, expectedVersion: v }),
    START_REVIEW: (caseId, v) => startReview(reviewer, { caseId, expectedVersion: v }),
    REQUEST_INFORMATION: (caseId, v) =>
      requestInformation(reviewer, { caseId, expectedVersion: v, message: '请补充当日的核酸检测报告。' }),
    CITIZEN_REPLY: (caseId, v) => replyToRequest(citizen, { caseId, expectedVersion: v, replyText: '已上传报告。' }),
    DECIDE: (caseId, v) =>
      decideCase(reviewer, {
        caseId,
        expectedVersion: v,
        outcome: 'UPHELD',
        ruleCode: 'CLOSE_CONTACT',
        reasons: REASONS,
      }),
    WITHDRAW: (caseId, v) => withdrawCase(citizen, { caseId, expectedVersion: v }),
    TRANSFER: (caseId, v) =>
      transferCase(reviewer, {
        caseId,
        expectedVersion: v,
        toProvinceCode: '41',
        reason: '赋码单位实为河南省郑州市，误投本省。',
      }),
    REQUEST_SECOND_REVIEW: (caseId, v) =>
      requestSecondReview(citizen, { caseId, expectedVersion: v, reason: '我不同意原决定，请求复核。' }),
    START_SECOND_REVIEW: (caseId, v) => startSecondReview(supervisor, { caseId, expectedVersion: v }),
    DECIDE_SECOND_REVIEW: (caseId, v) =>
      decideSecondReview(supervisor, {
        caseId,
        expectedVersion: v,
        outcome: 'REVOKED',
        ruleCode: 'CLOSE_CONTACT',
        reasons: REASONS,
      }),
    RELEASE: (caseId, v) => releaseCase(reviewer, { caseId, expectedVersion: v }),
    CLOSE: (caseId, v) => closeCase(supervisor, { caseId, expectedVersion: v }),
  };
  const STATES = CASE_STATES;

  it('every action is refused from every state the transitions table does not allow, and nothing changes', async () => {
    const filed = await fileAssigned();
    let refused = 0;
    for (const [action, call] of Object.entries(perform) as [
      CaseAction,
      (id: string, v: number) => Promise<unknown>,
    ][]) {
      for (const state of STATES.filter((s) => !TRANSITIONS[action].from.includes(s))) {
        // A pooled case has no reviewer (the database holds that rule); in every other state the filing's reviewer.
        const assigneeId = state === 'SUBMITTED' ? null : filed.assigneeId;
        await db().case.updateMany({ where: { id: filed.id }, data: { state, assigneeId } });
        const before = await snapshot(filed.id);
        const error = await call(filed.id, before.row.version).catch((e: unknown) => e);
        expect(error, `${action} from ${state}`).toBeInstanceOf(IllegalTransitionError);
        expect(await snapshot(filed.id)).toEqual(before);
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(80);
  });
});

describe('deciding', () => {
  it('two deciders at the same moment: exactly one decision, one event, version +1; the other gets a conflict', async () => {
    const started = await inReview();
    const eventsBefore = await db().auditEvent.count({ where: { caseId: started.id, action: 'CASE_DECIDED' } });
    const attempt = (outcome: 'UPHELD' | 'REVOKED') =>
      decideCase(reviewer, {
        caseId: started.id,
        expectedVersion: started.version,
        outcome,
        ruleCode: 'CLOSE_CONTACT',
        reasons: REASONS,
      });
    const results = await Promise.allSettled([attempt('UPHELD'), attempt('REVOKED')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await db().decision.count({ where: { caseId: started.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { caseId: started.id, action: 'CASE_DECIDED' } })).toBe(
      eventsBefore + 1,
    );
    expect(await version(started.id)).toBe(started.version + 1);
  });

  it('a decision on a stale version is refused', async () => {
    const started = await inReview();
    await expect(
      decideCase(reviewer, {
        caseId: started.id,
        expectedVersion: started.version - 1,
        outcome: 'UPHELD',
        ruleCode: 'CLOSE_CONTACT',
        reasons: REASONS,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('needs reasons of 20 characters, a rule from the case catalogue, red for a downgrade, and the assignee', async () => {
    const started = await inReview();
    const base = {
      caseId: started.id,
      expectedVersion: started.version,
      outcome: 'UPHELD' as const,
      ruleCode: 'CLOSE_CONTACT',
      reasons: REASONS,
    };
    // The action wrapper parses with decideSchema before calling the use case: too short a reason is refused there.
    expect(() => parseInput(decideSchema, { ...base, reasons: '理由太短。' })).toThrow(ValidationError);
    await expect(decideCase(reviewer, { ...base, ruleCode: 'NOT_A_RULE' })).rejects.toMatchObject({
      messageKey: 'errors.ruleNotInCatalogue',
    });
    const yellow = await submitAppeal(citizen, validFiling({ colour: 'YELLOW', requestedOutcome: 'REVOKE' }));
    const yellowStarted = await startReview(reviewer, { caseId: yellow.case.id, expectedVersion: yellow.case.version });
    const other = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340300' });
    await expect(decideCase(other, base)).rejects.toMatchObject({ messageKey: 'errors.notAssignee' });
    await expect(
      decideCase(reviewer, {
        ...base,
        caseId: yellow.case.id,
        expectedVersion: yellowStarted.case.version,
        outcome: 'DOWNGRADED',
      }),
    ).rejects.toMatchObject({ messageKey: 'errors.downgradeNeedsRed' });
    expect(await db().decision.count()).toBe(0);
  });

  it('REVOKED writes a correction order for the issuing province; UPHELD does not', async () => {
    const revoked = await decided('REVOKED');
    const orders = await db().outboxEvent.findMany({ where: { caseId: revoked.id, kind: 'CORRECTION_ORDER' } });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ kind: 'CORRECTION_ORDER', provinceCode: '34', status: 'PENDING' });
    expect(orders[0]!.payload).toMatchObject({ reference: revoked.reference, fromColour: 'RED', toColour: 'GREEN' });
    const upheld = await decided('UPHELD');
    expect(await db().outboxEvent.count({ where: { caseId: upheld.id, kind: 'CORRECTION_ORDER' } })).toBe(0);
    // Every state change is announced to the issuing province's system too.
    const changes = await db().outboxEvent.findMany({
      where: { caseId: upheld.id, kind: 'STATUS_CHANGED' },
      orderBy: { createdAt: 'asc' },
    });
    expect(changes.map((event) => (event.payload as { state: string }).state)).toEqual([
      'ASSIGNED',
      'IN_REVIEW',
      'DECIDED',
    ]);
    const decision = await db().decision.findFirstOrThrow({ where: { caseId: revoked.id } });
    expect(decision.deadlineAt.getTime()).toBe(revoked.dueAt.getTime());
  });
});

describe('information requests', () => {
  it('pause the clock; the reply resumes it with the deadline moved by exactly the paused time', async () => {
    const started = await inReview();
    const { case: waiting } = await requestInformation(reviewer, {
      caseId: started.id,
      expectedVersion: started.version,
      message: '请补充当日的核酸检测报告。',
    });
    expect(waiting.state).toBe('AWAITING_CITIZEN');
    expect(waiting.pausedSince).not.toBeNull();
    // Pretend the citizen took 3 h 12 min to answer.
    const pausedSince = new Date(Date.now() - (3 * 60 + 12) * 60_000);
    await db().case.updateMany({ where: { id: started.id }, data: { pausedSince } });
    const { case: resumed } = await replyToRequest(citizen, { caseId: started.id, replyText: '已上传报告，请查收。' });
    expect(resumed.state).toBe('IN_REVIEW');
    expect(resumed.pausedSince).toBeNull();
    const shift = resumed.dueAt.getTime() - started.dueAt.getTime();
    expect(shift).toBeGreaterThanOrEqual((3 * 60 + 12) * 60_000);
    expect(shift).toBeLessThan((3 * 60 + 13) * 60_000);
    expect(Number(resumed.pausedMs)).toBe(shift);
    expect(resumed.deadlineExplanation).toContain('暂停 3 小时 12 分');
    const request = await db().informationRequest.findFirstOrThrow({ where: { caseId: started.id } });
    expect(request.replyText).toBe('已上传报告，请查收。');
  });

  it('a decision while waiting is refused until the reply window has passed, then decided on the record', async () => {
    const started = await inReview();
    const { case: waiting } = await requestInformation(reviewer, {
      caseId: started.id,
      expectedVersion: started.version,
      message: '请补充当日的核酸检测报告。',
    });
    const input = {
      caseId: started.id,
      expectedVersion: waiting.version,
      outcome: 'UPHELD' as const,
      ruleCode: 'CLOSE_CONTACT',
      reasons: REASONS,
    };
    await expect(decideCase(reviewer, input)).rejects.toMatchObject({ messageKey: 'errors.replyWindowOpen' });
    await db().informationRequest.updateMany({
      where: { caseId: started.id },
      data: { replyDueAt: new Date(Date.now() - 1000) },
    });
    const { case: done } = await decideCase(reviewer, input);
    expect(done.state).toBe('DECIDED');
    expect(done.pausedSince).toBeNull();
  });
});

describe('second-level review', () => {
  it('runs request → start → decide by a supervisor, superseding the first decision', async () => {
    const first = await decided('UPHELD');
    const { case: requested } = await requestSecondReview(citizen, {
      caseId: first.id,
      reason: '我不同意原决定，请求复核。',
    });
    expect(requested.state).toBe('SECOND_REVIEW_REQUESTED');
    expect(requested.secondReviewReason).toBe('我不同意原决定，请求复核。');
    expect((requested.deadlineInputs as { basis: string }).basis).toBe('WORKING_DAYS');
    expect(requested.dueAt.getTime()).toBeGreaterThan(Date.now() + 4 * 24 * 3600 * 1000);
    const notices = await db().notification.count({
      where: { template: 'SECOND_REVIEW_REQUESTED', recipientUserId: supervisor.id },
    });
    expect(notices).toBe(1);

    const { case: started } = await startSecondReview(supervisor, {
      caseId: first.id,
      expectedVersion: requested.version,
    });
    const { case: final } = await decideSecondReview(supervisor, {
      caseId: first.id,
      expectedVersion: started.version,
      outcome: 'REVOKED',
      ruleCode: 'SPATIOTEMPORAL_COMPANION',
      reasons: REASONS,
    });
    expect(final.state).toBe('FINAL');
    const decisions = await db().decision.findMany({ where: { caseId: first.id }, orderBy: { decidedAt: 'asc' } });
    expect(decisions.map((d) => [d.level, d.outcome])).toEqual([
      ['FIRST', 'UPHELD'],
      ['SECOND', 'REVOKED'],
    ]);
    expect(decisions[1]!.supersedesId).toBe(decisions[0]!.id);
    expect(await db().outboxEvent.count({ where: { caseId: first.id, kind: 'CORRECTION_ORDER' } })).toBe(1);
  });

  it('is refused after 15 days, and to the person who made the first decision', async () => {
    const first = await decided('UPHELD');
    await db().case.updateMany({
      where: { id: first.id },
      data: { secondReviewDeadlineAt: new Date(Date.now() - 1000) },
    });
    await expect(
      requestSecondReview(citizen, { caseId: first.id, reason: '我不同意原决定，请求复核。' }),
    ).rejects.toMatchObject({
      messageKey: 'errors.secondReviewWindowClosed',
    });
    await db().case.updateMany({
      where: { id: first.id },
      data: { secondReviewDeadlineAt: new Date(Date.now() + 3600_000) },
    });
    const { case: requested } = await requestSecondReview(citizen, {
      caseId: first.id,
      reason: '我不同意原决定，请求复核。',
    });
    await db().decision.updateMany({ where: { caseId: first.id }, data: { decidedById: supervisor.id } });
    await expect(
      startSecondReview(supervisor, { caseId: first.id, expectedVersion: requested.version }),
    ).rejects.toBeInstanceOf(RuleViolationError);
    const national = await createUser('SUPERVISOR', { provinceCode: null });
    const { case: started } = await startSecondReview(national, {
      caseId: first.id,
      expectedVersion: requested.version,
    });
    expect(started.state).toBe('IN_SECOND_REVIEW');
  });
});

describe('closing', () => {
  it('a supervisor closes a decided case only after the 15-day window', async () => {
    const first = await decided('UPHELD');
    await expect(closeCase(supervisor, { caseId: first.id, expectedVersion: first.version })).rejects.toMatchObject({
      messageKey: 'errors.closeTooEarly',
    });
    await db().case.updateMany({
      where: { id: first.id },
      data: { secondReviewDeadlineAt: new Date(Date.now() - 1000) },
    });
    const { case: closed } = await closeCase(supervisor, { caseId: first.id, expectedVersion: first.version });
    expect(closed.state).toBe('CLOSED');
    expect(closed.closedAt).not.toBeNull();
    await expect(
      requestSecondReview(citizen, { caseId: first.id, reason: '我不同意原决定，请求复核。' }),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
  });
});

describe('withdrawal, transfer and outsiders', () => {
  it('a citizen withdraws before a decision; their words stay out of the audit history', async () => {
    const filed = await fileAssigned();
    const { case: withdrawn } = await withdrawCase(citizen, { caseId: filed.id, reason: '已自行转为绿码，不再需要。' });
    expect(withdrawn.state).toBe('WITHDRAWN');
    expect(withdrawn.withdrawalReason).toBe('已自行转为绿码，不再需要。');
    const events = await db().auditEvent.findMany({ where: { caseId: filed.id } });
    expect(JSON.stringify(events.map((e) => [e.after, e.reason]))).not.toContain('绿码');
  });

  it('a transfer moves the case to the other province keeping its deadline, with events in both chains', async () => {
    const henanReviewer = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
    const started = await inReview();
    expect(() =>
      parseInput(transferSchema, {
        caseId: started.id,
        expectedVersion: started.version,
        toProvinceCode: '41',
        reason: '太短',
      }),
    ).toThrow(ValidationError);
    const { case: moved } = await transferCase(reviewer, {
      caseId: started.id,
      expectedVersion: started.version,
      toProvinceCode: '41',
      reason: '赋码单位实为河南省郑州市，误投本省。',
    });
    expect(moved.provinceCode).toBe('41');
    expect(moved.assigneeId).toBe(henanReviewer.id);
    expect(moved.state).toBe('ASSIGNED');
    // Counted once in the new reviewer's load in Henan (by the pick), and no longer in the old one's.
    const loadOf = async (provinceCode: string, userId: string) =>
      (await db().reviewerLoad.findUnique({ where: { provinceCode_userId: { provinceCode, userId } } }))?.openCaseCount;
    expect(await loadOf('41', henanReviewer.id)).toBe(1);
    expect(await loadOf('34', reviewer.id)).toBe(0);
    expect(moved.dueAt.getTime()).toBe(started.dueAt.getTime());
    expect(moved.filedAt.getTime()).toBe(started.filedAt.getTime());
    // The case's rows move with it (lib/cases/engine/move-case.ts).
    expect(await db().evidence.count({ where: { caseId: started.id, provinceCode: { not: '41' } } })).toBe(0);
    expect(await db().notification.count({ where: { caseId: started.id } })).toBeGreaterThan(0);
    expect(await db().notification.count({ where: { caseId: started.id, provinceCode: { not: '41' } } })).toBe(0);
    const chains = await db().auditEvent.findMany({
      where: { caseId: started.id },
      select: { chain: true, action: true },
    });
    expect(chains).toContainEqual({ chain: '34', action: 'CASE_TRANSFERRED' });
    expect(chains).toContainEqual({ chain: '41', action: 'CASE_ASSIGNED' });
    // The Anhui reviewer no longer sees it.
    await expect(startReview(reviewer, { caseId: started.id, expectedVersion: moved.version })).rejects.toBeInstanceOf(
      CaseNotFoundError,
    );
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it("another citizen or another province's staff get not-found and change nothing", async () => {
    const filed = await fileAssigned();
    const otherCitizen = await createUser('CITIZEN');
    const henanReviewer = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
    const henanSupervisor: Actor = await createUser('SUPERVISOR', { provinceCode: '41' });
    const before = await snapshot(filed.id);
    const attempts = [
      () => withdrawCase(otherCitizen, { caseId: filed.id }),
      () => startReview(henanReviewer, { caseId: filed.id, expectedVersion: filed.version }),
      () => claimCase(henanReviewer, { caseId: filed.id, expectedVersion: filed.version }),
      () => releaseCase(henanSupervisor, { caseId: filed.id, expectedVersion: filed.version }),
      () =>
        decideCase(henanReviewer, {
          caseId: filed.id,
          expectedVersion: filed.version,
          outcome: 'REVOKED',
          ruleCode: 'CLOSE_CONTACT',
          reasons: REASONS,
        }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await snapshot(filed.id)).toEqual(before);
  });
});
