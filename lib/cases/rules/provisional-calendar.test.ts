// SPEC §18 without a database: counting into a year with no published calendar (weekends only, marked provisional,
// explained as such) and the 60-day warning before such a year.
import { describe, expect, it } from 'vitest';
import { assessCalendarCoverage } from '@/lib/reference/calendar-coverage';
import {
  computeWorkingDayDeadline,
  explainDeadline,
  readDeadlineInputs,
  storedDeadlineInputs,
} from '@/lib/cases/rules/deadlines';
import {
  isProvisionalDeadline,
  provisionalYearsOf,
  withProvisionalYears,
} from '@/lib/cases/rules/provisional-calendar';
import { buildWorkingDayCalendar, endOfShanghaiDay } from '@/lib/cases/rules/working-days';

const POLICY = { id: 1, version: 1, provinceCode: null };
const calendar2026 = buildWorkingDayCalendar(
  [{ year: 2026, version: 3, calendarVersionId: 7 }],
  [{ date: '2026-10-01', kind: 'HOLIDAY' }],
);

function secondReview(startAt: string) {
  const start = new Date(startAt);
  return computeWorkingDayDeadline({
    startAt: start,
    workingDays: 5,
    calendar: withProvisionalYears(calendar2026, start),
    policy: POLICY,
  });
}

describe('withProvisionalYears', () => {
  it('counts an unpublished year on weekends only and records it as provisional', () => {
    const deadline = secondReview('2026-12-28T10:00:00+08:00');
    expect(deadline.inputs.countedDays).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-04']);
    expect(deadline.dueAt).toEqual(endOfShanghaiDay('2027-01-04'));
    expect(provisionalYearsOf(deadline.inputs)).toEqual([2027]);
    expect(deadline.explanation.zh).toContain('2026 第 3 版、2027 暂定：尚未发布，仅按周末计算');
    expect(deadline.explanation.en).toContain('2026 v3, 2027 provisional: not yet published, weekends only');
  });

  it('survives storage: the provisional mark is read back from the JSON column', () => {
    const deadline = secondReview('2026-12-31T23:00:00+08:00');
    const stored = readDeadlineInputs(JSON.parse(JSON.stringify(storedDeadlineInputs(deadline.inputs))));
    expect(isProvisionalDeadline(stored)).toBe(true);
    expect(explainDeadline(stored, deadline.dueAt)).toEqual(deadline.explanation);
  });

  it('changes nothing for a count that stays inside published years', () => {
    const deadline = secondReview('2026-12-21T10:00:00+08:00');
    expect(deadline.inputs.calendars).toEqual([{ year: 2026, version: 3, calendarVersionId: 7 }]);
    expect(deadline.dueAt).toEqual(endOfShanghaiDay('2026-12-28'));
    expect(isProvisionalDeadline(deadline.inputs)).toBe(false);
    expect(deadline.explanation.zh).not.toContain('暂定');
  });

  it('covers a start in a year that itself has no calendar', () => {
    const deadline = secondReview('2027-03-01T10:00:00+08:00');
    expect(provisionalYearsOf(deadline.inputs)).toEqual([2027]);
    expect(deadline.dueAt).toEqual(endOfShanghaiDay('2027-03-08'));
  });
});

describe('assessCalendarCoverage', () => {
  it('warns from 60 days before the first day of a year with no calendar (Asia/Shanghai days)', () => {
    // 2026-11-01 16:30 UTC is already 2 November in Shanghai: 60 days before 1 January 2027.
    expect(assessCalendarCoverage([2026], new Date('2026-11-01T15:59:00Z'))).toEqual({ ok: true });
    expect(assessCalendarCoverage([2026], new Date('2026-11-01T16:30:00Z'))).toMatchObject({
      ok: false,
      missingYear: 2027,
      daysLeft: 60,
    });
    expect(assessCalendarCoverage([2026, 2027], new Date('2026-12-04T12:00:00Z'))).toEqual({ ok: true });
  });

  it('names the current year when it has begun without a calendar', () => {
    const coverage = assessCalendarCoverage([2026], new Date('2027-02-01T12:00:00Z'));
    expect(coverage).toMatchObject({ ok: false, missingYear: 2027, daysLeft: -31 });
    if (!coverage.ok) expect(coverage.message).toMatch(/has begun/);
  });
});
