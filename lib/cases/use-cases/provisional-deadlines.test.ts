// SPEC §18 on a real PostgreSQL: a second-level review requested where the working-day calendar ends (2026 is the
// last published year) gets a provisional, weekends-only deadline instead of an error; publishing 2027 recomputes it,
// audited; a request wholly inside 2026 is not provisional. The clock is set with fake Date only (the database is real).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishCalendarVersion } from '@/lib/admin/publish-calendar-version';
import { verifyAuditChains } from '@/lib/audit/verify';
import { getPrisma } from '@/lib/db/client';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { checkCalendarCoverage } from '@/lib/reference/calendar-coverage';
import { requestSecondReview } from '@/lib/cases/use-cases/request-second-review';
import { getCitizenCase } from '@/lib/cases/views/citizen-queries';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { readDeadlineInputs } from '@/lib/cases/rules/deadlines';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { getStaffCaseView } from '@/lib/cases/views/staff-case-view';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { sweepDeadlines } from '@/lib/cases/use-cases/sweep-deadlines';
import { endOfShanghaiDay } from '@/lib/cases/rules/working-days';

const db = () => getPrisma();
const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';

let citizen: TestUser;
let reviewer: TestUser;
let admin: TestUser;

/** Files, decides (UPHELD) and asks for a second-level review, each step at the given Asia/Shanghai time. */
async function secondReviewRequestedAt(requestedAt: string) {
  vi.setSystemTime(new Date(new Date(requestedAt).getTime() - 3 * 3_600_000));
  const { case: filed } = await submitAppeal(citizen, validFiling());
  const { case: started } = await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version });
  const { case: decided } = await decideCase(reviewer, {
    caseId: started.id,
    expectedVersion: started.version,
    outcome: 'UPHELD',
    ruleCode: 'CLOSE_CONTACT',
    reasons: REASONS,
  });
  vi.setSystemTime(new Date(requestedAt));
  const { case: requested } = await requestSecondReview(citizen, {
    caseId: decided.id,
    expectedVersion: decided.version,
    reason: '我不同意原决定，请求复核。',
  });
  return requested;
}

beforeEach(async () => {
  await resetCaseData();
  await db().$executeRawUnsafe(
    'DELETE FROM calendar_day WHERE calendar_version_id IN (SELECT id FROM calendar_version WHERE year > 2026)',
  );
  await db().$executeRawUnsafe('DELETE FROM calendar_version WHERE year > 2026');
  vi.useFakeTimers({ toFake: ['Date'] });
  citizen = await createUser('CITIZEN');
  reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
  admin = await createUser('ADMIN');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a second-level review past the last published calendar year', () => {
  it('requested on 2026-12-28 is due on a provisional, weekends-only count, shown as provisional', async () => {
    const requested = await secondReviewRequestedAt('2026-12-28T10:00:00+08:00');
    expect(requested.state).toBe('SECOND_REVIEW_REQUESTED');
    const inputs = readDeadlineInputs(requested.deadlineInputs);
    if (inputs.basis !== 'WORKING_DAYS') throw new Error('expected a working-day deadline');
    // 29, 30, 31 December, then 1 January 2027 (a Friday: no holiday known) and Monday 4 January.
    expect(inputs.countedDays).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-04']);
    expect(inputs.calendars.map(({ year, provisional }) => ({ year, provisional }))).toEqual([
      { year: 2026, provisional: undefined },
      { year: 2027, provisional: true },
    ]);
    expect(requested.dueAt).toEqual(endOfShanghaiDay('2027-01-04'));
    expect(requested.deadlineExplanation).toContain('2027 暂定');

    const citizenView = await getCitizenCase(citizen, requested.id);
    expect(citizenView?.deadline).toMatchObject({ provisional: true, stage: 'SECOND_REVIEW' });
    expect(citizenView?.deadline?.explanation.en).toContain('2027 provisional');
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    expect((await getStaffCaseView(supervisor, requested.id))?.deadline.provisional).toBe(true);
  });

  it('is recomputed on the published 2027 calendar, audited, once', async () => {
    const requested = await secondReviewRequestedAt('2026-12-28T10:00:00+08:00');
    vi.setSystemTime(new Date('2026-12-29T09:00:00+08:00'));
    const published = await publishCalendarVersion(admin, {
      year: 2027,
      basedOnVersion: null,
      note: '国务院办公厅 2027 年部分节假日安排',
      days: [{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }],
    });
    const after = await db().case.findFirstOrThrow({ where: { id: requested.id } });
    const inputs = readDeadlineInputs(after.deadlineInputs);
    if (inputs.basis !== 'WORKING_DAYS') throw new Error('expected a working-day deadline');
    expect(inputs.countedDays).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05']);
    expect(inputs.calendars).toEqual([
      expect.objectContaining({ year: 2026, version: 1 }),
      { year: 2027, version: 1, calendarVersionId: published.id },
    ]);
    expect(after.dueAt).toEqual(endOfShanghaiDay('2027-01-05'));
    expect(after.version).toBe(requested.version + 1);
    expect(after.deadlineExplanation).not.toContain('暂定');
    const events = await db().auditEvent.findMany({ where: { action: 'DEADLINE_RECOMPUTED' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      chain: '34',
      caseId: requested.id,
      actorRole: 'SYSTEM',
      before: { dueAt: endOfShanghaiDay('2027-01-04').toISOString(), provisionalYears: [2027] },
      after: { dueAt: endOfShanghaiDay('2027-01-05').toISOString() },
    });
    expect((await getCitizenCase(citizen, requested.id))?.deadline?.provisional).toBe(false);
    // The sweep (which also recomputes) finds nothing more to do.
    await sweepDeadlines(new Date());
    expect(await db().auditEvent.count({ where: { action: 'DEADLINE_RECOMPUTED' } })).toBe(1);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it('is recomputed by the sweep when the year was loaded some other way (e.g. the data package)', async () => {
    const requested = await secondReviewRequestedAt('2026-12-30T10:00:00+08:00');
    await db().calendarVersion.create({
      data: { year: 2027, version: 1, source: 'chinese-days', note: 'package', days: { create: [] } },
    });
    await sweepDeadlines(new Date());
    const after = await db().case.findFirstOrThrow({ where: { id: requested.id } });
    expect(readDeadlineInputs(after.deadlineInputs)).toMatchObject({ calendars: [{ year: 2026 }, { year: 2027 }] });
    expect(JSON.stringify(after.deadlineInputs)).not.toContain('provisional');
    expect(await db().auditEvent.count({ where: { action: 'DEADLINE_RECOMPUTED', caseId: requested.id } })).toBe(1);
  });

  it('requested on 2026-12-21 stays inside 2026 and is not provisional', async () => {
    const requested = await secondReviewRequestedAt('2026-12-21T10:00:00+08:00');
    const inputs = readDeadlineInputs(requested.deadlineInputs);
    if (inputs.basis !== 'WORKING_DAYS') throw new Error('expected a working-day deadline');
    expect(inputs.calendars.map((entry) => entry.year)).toEqual([2026]);
    expect(requested.dueAt).toEqual(endOfShanghaiDay('2026-12-28'));
    expect((await getCitizenCase(citizen, requested.id))?.deadline?.provisional).toBe(false);
  });
});

describe('checkCalendarCoverage', () => {
  it('warns from 60 days before a year with no calendar, and not once it is published', async () => {
    expect(await checkCalendarCoverage(new Date('2026-11-01T12:00:00+08:00'))).toEqual({ ok: true });
    expect(await checkCalendarCoverage(new Date('2026-11-02T00:30:00+08:00'))).toMatchObject({
      ok: false,
      missingYear: 2027,
      startsOn: '2027-01-01',
      daysLeft: 60,
    });
    expect(await checkCalendarCoverage(new Date('2027-01-03T12:00:00+08:00'))).toMatchObject({
      ok: false,
      missingYear: 2027,
      daysLeft: -2,
    });
    await publishCalendarVersion(admin, { year: 2027, basedOnVersion: null, note: '2027 年日历（测试）', days: [] });
    expect(await checkCalendarCoverage(new Date('2026-12-04T12:00:00+08:00'))).toEqual({ ok: true });
    expect(await checkCalendarCoverage(new Date('2027-11-02T12:00:00+08:00'))).toMatchObject({ missingYear: 2028 });
  });
});
