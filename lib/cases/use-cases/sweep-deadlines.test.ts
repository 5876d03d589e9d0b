// The deadline sweep (SPEC §7, §14) against a real PostgreSQL: at-risk and overdue marks with their audit events and
// escalations, paused clocks, closing decided cases, retrying unsent notifications; safe to run twice and on two
// instances at once; and `npm run sweep` from the command line.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@/lib/audit/verify';
import { getPrisma } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import { freshCitizenAndReviewer, createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { sweepDeadlines } from '@/lib/cases/use-cases/sweep-deadlines';

const prisma = () => getPrisma();
const HOUR = 3600_000;
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);

async function counts() {
  const [events, notifications, sms] = await Promise.all([
    prisma().auditEvent.count(),
    prisma().notification.count(),
    prisma().smsMessage.count(),
  ]);
  return { events, notifications, sms };
}

async function expectChainsIntact() {
  const verified = await verifyAuditChains(process.env.DATABASE_URL!);
  expect(verified.chains.filter((c) => c.broken)).toEqual([]);
  expect(verified.intact).toBe(true);
}

const overdueNotices = (caseId: string) =>
  prisma().notification.findMany({
    where: { caseId, template: 'DEADLINE_OVERDUE' },
    orderBy: { recipientUserId: 'asc' },
  });

describe('sweepDeadlines', () => {
  let citizen: TestUser;
  let reviewer: TestUser;

  beforeEach(async () => {
    ({ citizen, reviewer } = await freshCitizenAndReviewer());
  });

  const file = async (overrides: Parameters<typeof validFiling>[0] = {}) =>
    (await submitAppeal(citizen, validFiling(overrides))).case;

  /** The reviewer asks the citizen for a document: the clock stops. */
  const askTheCitizen = async (inReview: Case) =>
    (
      await requestInformation(reviewer, {
        caseId: inReview.id,
        expectedVersion: inReview.version,
        message: '请补充公司考勤记录的原件照片。',
      })
    ).case;

  async function decided(holder: TestUser, overrides: Parameters<typeof validFiling>[0] = {}): Promise<Case> {
    const filed = await file(overrides);
    expect(filed.assigneeId).toBe(holder.id);
    const inReview = (await startReview(holder, { caseId: filed.id, expectedVersion: filed.version })).case;
    const { case: result } = await decideCase(holder, {
      caseId: inReview.id,
      expectedVersion: inReview.version,
      outcome: 'UPHELD',
      ruleCode: 'CLOSE_CONTACT',
      reasons: '经核查，申诉人确为密切接触者，赋码符合国家标准。',
    });
    expect(result.state).toBe('DECIDED');
    return result;
  }

  it('marks a case at risk once 75% of its time has passed, and not a moment before', async () => {
    const filed = await file();
    expect(filed.dueAt.getTime() - filed.filedAt.getTime()).toBe(24 * HOUR);
    const later = await file();
    await prisma().case.updateMany({
      where: { id: later.id },
      data: { atRiskAt: at(later.atRiskAt, 10 * HOUR), dueAt: at(later.dueAt, 10 * HOUR) },
    });

    const justBefore = at(filed.filedAt, 18 * HOUR - 1);
    expect(await sweepDeadlines(justBefore)).toEqual({ atRisk: 0, overdue: 0, closed: 0, notificationsSent: 0 });
    expect(await prisma().case.count({ where: { atRiskMarkedAt: { not: null } } })).toBe(0);

    const now = at(filed.filedAt, 18 * HOUR + 1000);
    expect(await sweepDeadlines(now)).toEqual({ atRisk: 1, overdue: 0, closed: 0, notificationsSent: 0 });
    expect(await prisma().case.findFirstOrThrow({ where: { id: filed.id } })).toMatchObject({
      atRiskMarkedAt: now,
      overdueMarkedAt: null,
      state: 'ASSIGNED',
    });
    expect(await prisma().case.findFirstOrThrow({ where: { id: later.id } })).toMatchObject({ atRiskMarkedAt: null });
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { action: 'DEADLINE_AT_RISK' } });
    expect(event).toMatchObject({ chain: '34', caseId: filed.id, actorId: null, actorRole: 'SYSTEM', occurredAt: now });
    expect(event.after).toEqual({ reference: filed.reference, dueAt: filed.dueAt.toISOString() });
    // At risk is a mark, not an escalation.
    expect(await prisma().notification.count({ where: { template: 'DEADLINE_OVERDUE' } })).toBe(0);
  });

  it('marks a case past its deadline overdue and notifies the province’s active supervisors and the assignee', async () => {
    const supervisors = [
      await createUser('SUPERVISOR', { provinceCode: '34' }),
      await createUser('SUPERVISOR', { provinceCode: '34' }),
    ];
    const inactive = await createUser('SUPERVISOR', { provinceCode: '34', active: false });
    const national = await createUser('SUPERVISOR', { provinceCode: null });
    const henan = await createUser('SUPERVISOR', { provinceCode: '41' });
    const filed = await file();
    expect(filed.assigneeId).toBe(reviewer.id);

    const now = at(filed.dueAt, 1000);
    const result = await sweepDeadlines(now);
    expect(result).toEqual({ atRisk: 1, overdue: 1, closed: 0, notificationsSent: 3 });
    expect(await prisma().case.findFirstOrThrow({ where: { id: filed.id } })).toMatchObject({
      atRiskMarkedAt: now,
      overdueMarkedAt: now,
    });
    const events = await prisma().auditEvent.findMany({
      where: { caseId: filed.id, action: { startsWith: 'DEADLINE_' } },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['DEADLINE_AT_RISK', 'DEADLINE_OVERDUE']);
    expect(events[1]).toMatchObject({ actorId: null, occurredAt: now });

    const notices = await overdueNotices(filed.id);
    expect(new Set(notices.map((n) => n.recipientUserId))).toEqual(
      new Set([...supervisors.map((s) => s.id), reviewer.id]),
    );
    expect(notices).toHaveLength(3);
    for (const notice of notices) {
      expect(notice).toMatchObject({
        channel: 'IN_APP',
        status: 'SENT',
        provinceCode: '34',
        params: { reference: filed.reference },
      });
    }
    const reached = new Set(notices.map((n) => n.recipientUserId));
    for (const outsider of [inactive, national, henan]) expect(reached.has(outsider.id)).toBe(false);
  });

  it('escalates to national supervisors when the province has none, and a pooled case has no assignee to tell', async () => {
    const national = await createUser('SUPERVISOR', { provinceCode: null });
    await createUser('SUPERVISOR', { provinceCode: null, active: false });
    await createUser('SUPERVISOR', { provinceCode: '34' });
    const pooled = await file({ issuingProvinceCode: '41', issuingUnitCode: '410100' });
    expect(pooled).toMatchObject({ provinceCode: '41', state: 'SUBMITTED', assigneeId: null });

    const result = await sweepDeadlines(at(pooled.dueAt, 1000));
    expect(result).toMatchObject({ overdue: 1, notificationsSent: 1 });
    const notices = await overdueNotices(pooled.id);
    expect(notices.map((n) => [n.recipientUserId, n.provinceCode, n.status])).toEqual([[national.id, '41', 'SENT']]);
    expect(await prisma().auditEvent.count({ where: { chain: '41', action: 'DEADLINE_OVERDUE' } })).toBe(1);
  });

  it('does not mark a case whose clock is paused waiting on the citizen', async () => {
    const filed = await file();
    const inReview = (await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version })).case;
    const waiting = await askTheCitizen(inReview);
    expect(waiting).toMatchObject({ state: 'AWAITING_CITIZEN' });
    expect(waiting.pausedSince!.getTime()).toBeLessThan(waiting.atRiskAt.getTime());
    const before = await counts();

    // Long past the stored deadline: but the clock stopped well before it, so nothing is due.
    expect(await sweepDeadlines(at(waiting.dueAt, 10 * HOUR))).toEqual({
      atRisk: 0,
      overdue: 0,
      closed: 0,
      notificationsSent: 0,
    });
    expect(await prisma().case.findFirstOrThrow({ where: { id: filed.id } })).toMatchObject({
      atRiskMarkedAt: null,
      overdueMarkedAt: null,
    });
    expect(await counts()).toEqual(before);
  });

  it('still escalates a case that was already overdue when its clock was paused', async () => {
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    const filed = await file();
    const inReview = (await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version })).case;
    // The deadline passed an hour ago and nobody swept yet; then the reviewer asks the citizen a question.
    await prisma().case.updateMany({
      where: { id: filed.id },
      data: { dueAt: at(new Date(), -HOUR), atRiskAt: at(new Date(), -7 * HOUR) },
    });
    const waiting = await askTheCitizen(inReview);
    expect(waiting.pausedSince!.getTime()).toBeGreaterThan(waiting.dueAt.getTime());

    const now = at(waiting.pausedSince!, 1000);
    expect(await sweepDeadlines(now)).toMatchObject({ overdue: 1 });
    expect(await prisma().case.findFirstOrThrow({ where: { id: filed.id } })).toMatchObject({
      overdueMarkedAt: now,
      state: 'AWAITING_CITIZEN',
    });
    expect(new Set((await overdueNotices(filed.id)).map((n) => n.recipientUserId))).toEqual(
      new Set([supervisor.id, reviewer.id]),
    );
    expect(await sweepDeadlines(at(now, HOUR))).toEqual({ atRisk: 0, overdue: 0, closed: 0, notificationsSent: 0 });
  });

  it('run twice, the second run marks nothing and writes no events or notifications', async () => {
    await createUser('SUPERVISOR', { provinceCode: '34' });
    const overdue = await file();
    const atRisk = await file();
    await prisma().case.updateMany({
      where: { id: atRisk.id },
      data: { atRiskAt: at(overdue.dueAt, -HOUR), dueAt: at(overdue.dueAt, 5 * HOUR) },
    });
    const now = at(overdue.dueAt, 1000);

    expect(await sweepDeadlines(now)).toEqual({ atRisk: 2, overdue: 1, closed: 0, notificationsSent: 2 });
    const after = await counts();
    expect(await sweepDeadlines(now)).toEqual({ atRisk: 0, overdue: 0, closed: 0, notificationsSent: 0 });
    // Later still, but before the second case is due: the first is not marked again.
    expect(await sweepDeadlines(at(now, 4 * HOUR))).toEqual({ atRisk: 0, overdue: 0, closed: 0, notificationsSent: 0 });
    expect(await counts()).toEqual(after);
    expect(await prisma().case.findFirstOrThrow({ where: { id: overdue.id } })).toMatchObject({
      atRiskMarkedAt: now,
      overdueMarkedAt: now,
    });
    await expectChainsIntact();
  });

  it('closes a decided case whose second-review window has passed, as the system, and no other', async () => {
    const expired = await decided(reviewer);
    const open = await decided(reviewer);
    const now = new Date();
    await prisma().case.updateMany({ where: { id: expired.id }, data: { secondReviewDeadlineAt: at(now, -1000) } });

    const result = await sweepDeadlines(now);
    expect(result).toMatchObject({ closed: 1, atRisk: 0, overdue: 0 });
    expect(await prisma().case.findFirstOrThrow({ where: { id: expired.id } })).toMatchObject({
      state: 'CLOSED',
      closedAt: now,
      version: expired.version + 1,
    });
    expect(await prisma().case.findFirstOrThrow({ where: { id: open.id } })).toMatchObject({
      state: 'DECIDED',
      closedAt: null,
    });
    const event = await prisma().auditEvent.findFirstOrThrow({ where: { caseId: expired.id, action: 'CASE_CLOSED' } });
    expect(event).toMatchObject({ actorId: null, actorRole: 'SYSTEM', chain: '34', occurredAt: now });
    expect(event.before).toMatchObject({ state: 'DECIDED' });
    expect(event.after).toMatchObject({ state: 'CLOSED' });
    expect(await sweepDeadlines(now)).toMatchObject({ closed: 0 });
    expect(await prisma().auditEvent.count({ where: { action: 'CASE_CLOSED' } })).toBe(1);
    await expectChainsIntact();
  });

  it('sends notifications left pending by an earlier failure and marks them sent', async () => {
    const filed = await file();
    const pending = await prisma().notification.create({
      data: {
        provinceCode: '34',
        caseId: filed.id,
        channel: 'SMS',
        recipientMobile: '13800138000',
        template: 'CASE_DECIDED',
        params: { reference: filed.reference },
      },
    });
    expect(await prisma().notification.count({ where: { status: 'PENDING' } })).toBe(1);

    const result = await sweepDeadlines(new Date());
    expect(result.notificationsSent).toBe(1);
    expect(await prisma().notification.findFirstOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: 'SENT',
      attempts: 1,
      sentAt: expect.any(Date),
    });
    const sms = await prisma().smsMessage.findMany({ where: { to: '13800138000' } });
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain(filed.reference);
    expect((await sweepDeadlines(new Date())).notificationsSent).toBe(0);
    expect(await prisma().smsMessage.count({ where: { to: '13800138000' } })).toBe(1);
  });

  it('two sweeps at once mark, escalate and close each case exactly once, and the chains verify', async () => {
    const henanReviewer = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
    await createUser('SUPERVISOR', { provinceCode: '34' });
    await createUser('SUPERVISOR', { provinceCode: '41' });
    const toClose = [
      await decided(reviewer),
      await decided(henanReviewer, { issuingProvinceCode: '41', issuingUnitCode: '410100' }),
    ];
    toClose.push(
      await decided(reviewer),
      await decided(henanReviewer, { issuingProvinceCode: '41', issuingUnitCode: '410100' }),
    );
    const running: Case[] = [];
    for (let i = 0; i < 24; i += 1)
      running.push(await file(i % 2 === 0 ? {} : { issuingProvinceCode: '41', issuingUnitCode: '410100' }));
    const now = at(new Date(Math.max(...running.map((c) => c.dueAt.getTime()))), 1000);
    await prisma().case.updateMany({
      where: { id: { in: toClose.map((c) => c.id) } },
      data: { secondReviewDeadlineAt: at(now, -HOUR) },
    });

    const [a, b] = await Promise.all([sweepDeadlines(now), sweepDeadlines(now)]);
    expect(a.atRisk + b.atRisk).toBe(24);
    expect(a.overdue + b.overdue).toBe(24);
    expect(a.closed + b.closed).toBe(4);

    const perCase = await prisma().auditEvent.groupBy({
      by: ['caseId', 'action'],
      where: { action: { in: ['DEADLINE_AT_RISK', 'DEADLINE_OVERDUE', 'CASE_CLOSED'] } },
      _count: { _all: true },
    });
    expect(perCase.every((row) => row._count._all === 1)).toBe(true);
    expect(perCase).toHaveLength(24 * 2 + 4);
    expect(
      await prisma().case.count({
        where: { id: { in: running.map((c) => c.id) }, overdueMarkedAt: now, atRiskMarkedAt: now },
      }),
    ).toBe(24);
    expect(await prisma().case.count({ where: { id: { in: toClose.map((c) => c.id) }, state: 'CLOSED' } })).toBe(4);
    // One supervisor and one assignee per running case.
    expect(await prisma().notification.count({ where: { template: 'DEADLINE_OVERDUE' } })).toBe(48);
    expect(await prisma().notification.count({ where: { status: 'PENDING' } })).toBe(0);
    await expectChainsIntact();
  }, 60_000);
});

describe('npm run sweep', () => {
  beforeEach(resetCaseData);

  const runSweep = () =>
    promisify(execFile)('npx', ['tsx', '--conditions=react-server', 'scripts/sweep.ts'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      timeout: 60_000,
    });

  it('prints the counts and exits 0, and a second run marks nothing', async () => {
    const citizen = await createUser('CITIZEN');
    await createUser('SUPERVISOR', { provinceCode: '34' });
    const filed = (await submitAppeal(citizen, validFiling())).case;
    await prisma().case.updateMany({
      where: { id: filed.id },
      data: { atRiskAt: at(new Date(), -7 * HOUR), dueAt: at(new Date(), -HOUR) },
    });

    const first = await runSweep();
    expect(first.stdout).toMatch(/at risk: 1, 超期 overdue: 1, 结案 closed: 0, 通知 notifications sent: 1 /);
    expect(await prisma().case.findFirstOrThrow({ where: { id: filed.id } })).toMatchObject({
      overdueMarkedAt: expect.any(Date),
    });
    const eventsAfterFirst = await prisma().auditEvent.count();

    const second = await runSweep();
    expect(second.stdout).toMatch(/at risk: 0, 超期 overdue: 0, 结案 closed: 0, 通知 notifications sent: 0 /);
    expect(await prisma().auditEvent.count()).toBe(eventsAfterFirst);
    await expectChainsIntact();
  }, 120_000);
});
