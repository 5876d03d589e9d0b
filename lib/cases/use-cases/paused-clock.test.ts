// SPEC §7 on a real PostgreSQL: the paused clock restarts when the citizen's reply window closes (the sweep does it,
// audited), "within deadline" means one thing in the decision row and its audit event, and the sweep and the pages
// agree at the exact due instant. The clock is set with fake Date only (the database is real).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { deadlineStatus } from '@/lib/cases/rules/deadlines';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { getStaffCaseView } from '@/lib/cases/views/staff-case-view';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { sweepDeadlines } from '@/lib/cases/use-cases/sweep-deadlines';

const db = () => getPrisma();
const HOUR = 3_600_000;
const T0 = new Date('2026-11-20T09:00:00+08:00');
const at = (ms: number) => new Date(T0.getTime() + ms);
const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';

let citizen: TestUser;
let reviewer: TestUser;

/** A red-code appeal filed at T0 (due T0 + 24 h), asked a question at T0 + 1 h (reply window closes T0 + 73 h). */
async function askedAndUnanswered() {
  vi.setSystemTime(T0);
  const { case: filed } = await submitAppeal(citizen, validFiling({ colour: 'RED' }));
  const { case: started } = await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version });
  vi.setSystemTime(at(HOUR));
  const { case: asked } = await requestInformation(reviewer, {
    caseId: started.id,
    expectedVersion: started.version,
    message: '请补充赋码当日的核酸检测报告。',
  });
  return asked;
}

async function decideNow(caseId: string) {
  const current = await db().case.findFirstOrThrow({ where: { id: caseId } });
  return decideCase(reviewer, {
    caseId,
    expectedVersion: current.version,
    outcome: 'REVOKED',
    ruleCode: 'CLOSE_CONTACT',
    reasons: REASONS,
  });
}

async function withinDeadlineRecords(caseId: string) {
  const decision = await db().decision.findFirstOrThrow({ where: { caseId } });
  const event = await db().auditEvent.findFirstOrThrow({ where: { caseId, action: 'CASE_DECIDED' } });
  const view = await getStaffCaseView(reviewer, caseId);
  return {
    deadlineAt: decision.deadlineAt,
    row: decision.decidedAt <= decision.deadlineAt,
    audit: (event.after as { withinDeadline: boolean }).withinDeadline,
    page: view?.decisions[0]?.withinDeadline,
  };
}

/** Due T0 + 96 h (24 h + the 72 h the window stayed open), decided after it: late in every record. */
async function expectLateEverywhere(caseId: string) {
  expect(await withinDeadlineRecords(caseId)).toEqual({
    deadlineAt: at(96 * HOUR),
    row: false,
    audit: false,
    page: false,
  });
}

beforeEach(async () => {
  await resetCaseData();
  vi.useFakeTimers({ toFake: ['Date'] });
  citizen = await createUser('CITIZEN');
  reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the clock restarts when the reply window closes (point 13)', () => {
  it('the sweep resumes it at the closing instant, audited, and the case then goes overdue', async () => {
    const asked = await askedAndUnanswered();
    // Still inside the window: nothing happens.
    expect(await sweepDeadlines(at(73 * HOUR))).toMatchObject({ overdue: 0 });
    expect((await db().case.findFirstOrThrow({ where: { id: asked.id } })).state).toBe('AWAITING_CITIZEN');

    await sweepDeadlines(at(80 * HOUR));
    const resumed = await db().case.findFirstOrThrow({ where: { id: asked.id } });
    expect(resumed).toMatchObject({ state: 'IN_REVIEW', pausedSince: null, pausedMs: BigInt(72 * HOUR) });
    // 24 h allowed + 72 h paused (T0 + 1 h → T0 + 73 h).
    expect(resumed.dueAt).toEqual(at(96 * HOUR));
    const event = await db().auditEvent.findFirstOrThrow({ where: { caseId: asked.id, action: 'CLOCK_RESUMED' } });
    expect(event).toMatchObject({ actorRole: 'SYSTEM', after: { resumedAt: at(73 * HOUR).toISOString() } });
    expect(resumed.deadlineExplanation).toContain('暂停 72 小时');

    // Running twice changes nothing more; past the new deadline the case is overdue.
    await sweepDeadlines(at(80 * HOUR));
    expect(await db().auditEvent.count({ where: { caseId: asked.id, action: 'CLOCK_RESUMED' } })).toBe(1);
    expect(await sweepDeadlines(at(97 * HOUR))).toMatchObject({ overdue: 1 });
  });

  it('a late decision after the sweep counts as late everywhere', async () => {
    const asked = await askedAndUnanswered();
    await sweepDeadlines(at(80 * HOUR));
    vi.setSystemTime(at(100 * HOUR));
    await decideNow(asked.id);
    await expectLateEverywhere(asked.id);
  });
});

describe('one definition of "within deadline" (point 14)', () => {
  it('deciding on the record without a sweep resumes the clock where the window closed; row, audit and page agree', async () => {
    const asked = await askedAndUnanswered();
    vi.setSystemTime(at(100 * HOUR));
    await decideNow(asked.id);
    await expectLateEverywhere(asked.id);
  });

  it('a decision at the exact due instant is within the deadline in every record', async () => {
    vi.setSystemTime(T0);
    const { case: filed } = await submitAppeal(citizen, validFiling({ colour: 'RED' }));
    await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version });
    vi.setSystemTime(filed.dueAt);
    await decideNow(filed.id);
    expect(await withinDeadlineRecords(filed.id)).toMatchObject({ row: true, audit: true, page: true });
  });
});

describe('the sweep and the pages agree at the exact due instant (point 15)', () => {
  it('is not overdue at the due instant, and is one millisecond later', async () => {
    vi.setSystemTime(T0);
    const { case: filed } = await submitAppeal(citizen, validFiling({ colour: 'RED' }));
    expect(deadlineStatus(filed, filed.dueAt).status).not.toBe('OVERDUE');
    expect(await sweepDeadlines(filed.dueAt)).toMatchObject({ overdue: 0 });
    const later = new Date(filed.dueAt.getTime() + 1);
    expect(deadlineStatus(filed, later).status).toBe('OVERDUE');
    expect(await sweepDeadlines(later)).toMatchObject({ overdue: 1 });
  });
});
