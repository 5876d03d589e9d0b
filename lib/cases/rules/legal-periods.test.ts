// Civil Code period rules for decision letters, checked by hand on known holidays and against the published holiday
// data of the `chinese-days` package.
import { getHolidaysInRange, getWorkdaysInRange, isWorkday } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionRoutes, legalPeriodEnd, secondReviewWindowEnd } from '@/lib/cases/rules/legal-periods';
import { buildWorkingDayCalendar, shanghaiDateOf } from '@/lib/cases/rules/working-days';

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const calendar = buildWorkingDayCalendar(
  YEARS.map((year) => ({ year, version: 1, calendarVersionId: year })),
  [
    ...getHolidaysInRange('2020-01-01', '2026-12-31', false).map((date) => ({ date, kind: 'HOLIDAY' as const })),
    ...getWorkdaysInRange('2020-01-01', '2026-12-31', true)
      .filter(weekend)
      .map((date) => ({ date, kind: 'WORKING_WEEKEND' as const })),
  ],
);

/** A decision at a Beijing wall-clock time. */
const beijing = (local: string) => new Date(`${local}+08:00`);

describe('the 15-day window for a second-level review', () => {
  it('starts the day after the decision and ends at 24:00 of its 15th day, not 15×24 hours later', () => {
    const period = secondReviewWindowEnd(calendar, beijing('2026-03-02T10:30:00'));
    expect(period.lastDay).toBe('2026-03-17');
    expect(period.endsAt.toISOString()).toBe('2026-03-17T15:59:59.999Z');
    expect(period.movedFrom).toBeNull();
    expect(period.provisional).toBe(false);
  });

  it('moves a last day on the National Day holiday to the first working day after it', () => {
    // 2026-09-16 + 15 days = 2026-10-01, inside the 10-01…10-07 holiday.
    const period = secondReviewWindowEnd(calendar, beijing('2026-09-16T23:50:00'));
    expect(period.movedFrom).toBe('2026-10-01');
    expect(isWorkday(period.lastDay)).toBe(true);
    expect(period.lastDay).toBe('2026-10-08');
  });

  it('moves a last day on a Sunday to the Monday', () => {
    // 2026-06-06 (Saturday) + 15 = 2026-06-21, a Sunday.
    expect(secondReviewWindowEnd(calendar, beijing('2026-06-06T09:00:00')).lastDay).toBe('2026-06-22');
  });

  it('counts by the Beijing date of the decision, whatever the UTC date', () => {
    // 2026-03-02 00:30 in Beijing is still 2026-03-01 in UTC.
    expect(secondReviewWindowEnd(calendar, beijing('2026-03-02T00:30:00')).lastDay).toBe('2026-03-17');
  });

  it('is counted on weekends only into a year with no calendar, and says so', () => {
    const period = secondReviewWindowEnd(calendar, beijing('2026-12-28T10:00:00'));
    expect(period.lastDay).toBe('2027-01-12');
    expect(period.provisional).toBe(true);
  });

  it('always ends on a working day at 24:00, 15 or more days after the decision, never before', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2026-11-30') }), (ms) => {
        const decidedAt = new Date(ms);
        const period = secondReviewWindowEnd(calendar, decidedAt);
        const nominal = new Date(Date.parse(`${shanghaiDateOf(decidedAt)}T00:00:00Z`) + 15 * 86_400_000)
          .toISOString()
          .slice(0, 10);
        expect(isWorkday(period.lastDay)).toBe(true);
        expect(period.lastDay >= nominal).toBe(true);
        expect(shanghaiDateOf(period.endsAt)).toBe(period.lastDay);
        expect(shanghaiDateOf(new Date(period.endsAt.getTime() + 1))).not.toBe(period.lastDay);
        // No working day is skipped between the nominal day and the last day.
        for (let day = nominal; day < period.lastDay;) {
          expect(isWorkday(day)).toBe(false);
          day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the routes beyond the decision', () => {
  it('gives 60 days for reconsideration and 6 months for litigation, each on a working day', () => {
    const routes = decisionRoutes(calendar, beijing('2026-01-15T16:00:00'));
    expect(routes.reconsideration.lastDay).toBe('2026-03-16'); // 03-16 is a Monday
    expect(routes.litigation.lastDay).toBe('2026-07-15');
  });

  it('ends a month period on the last day of a shorter month', () => {
    // 2025-10-31 + 6 months: April has no 31st, so 2026-04-30.
    expect(legalPeriodEnd(calendar, beijing('2025-10-31T12:00:00'), { months: 6 }).lastDay).toBe('2026-04-30');
    // 2025-08-31 + 6 months: 2026-02-28, a Saturday but a 调休 working day, so it stays.
    const period = legalPeriodEnd(calendar, beijing('2025-08-31T12:00:00'), { months: 6 });
    expect(period.lastDay).toBe('2026-02-28');
    expect(period.movedFrom).toBeNull();
  });
});
