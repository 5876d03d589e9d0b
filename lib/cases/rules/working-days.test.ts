// Working-day arithmetic against the published holiday data of the `chinese-days` package (2020–2026).
import { getDayDetail, getHolidaysInRange, getWorkdaysInRange } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildWorkingDayCalendar,
  countWorkingDaysAfter,
  DeadlineError,
  endOfShanghaiDay,
  isWorkingDay,
  shanghaiDateOf,
  type WorkingDayCalendar,
} from '@/lib/cases/rules/working-days';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function isWeekendDate(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Independent of the code under test: Asia/Shanghai is UTC+8 all year (no DST since 1991). */
function shanghaiDate(instant: number): string {
  return new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function nextDate(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let day = first; day <= last; day = nextDate(day)) dates.push(day);
  return dates;
}

const FIRST_DAY = '2020-01-01';
const LAST_DAY = '2026-12-31';
const PACKAGE_HOLIDAYS = getHolidaysInRange(FIRST_DAY, LAST_DAY, false);
const PACKAGE_WORKING_WEEKENDS = getWorkdaysInRange(FIRST_DAY, LAST_DAY, true).filter(isWeekendDate);

function packageCalendar(): WorkingDayCalendar {
  const versions = [2020, 2021, 2022, 2023, 2024, 2025, 2026].map((year) => ({
    year,
    version: 1,
    calendarVersionId: year - 2000,
  }));
  return buildWorkingDayCalendar(versions, [
    ...PACKAGE_HOLIDAYS.map((date) => ({ date, kind: 'HOLIDAY' as const })),
    ...PACKAGE_WORKING_WEEKENDS.map((date) => ({ date, kind: 'WORKING_WEEKEND' as const })),
  ]);
}

const calendar = packageCalendar();

describe('the calendar data', () => {
  it('has holidays and 调休 working weekends for every year 2020–2026', () => {
    for (let year = 2020; year <= 2026; year += 1) {
      expect(PACKAGE_HOLIDAYS.some((date) => date.startsWith(`${year}-`))).toBe(true);
      expect(PACKAGE_WORKING_WEEKENDS.some((date) => date.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('agrees with the package on every day of 2020–2026: 调休 weekends work, holidays do not', () => {
    for (const date of PACKAGE_WORKING_WEEKENDS) expect(isWorkingDay(calendar, date), date).toBe(true);
    for (const date of PACKAGE_HOLIDAYS) expect(isWorkingDay(calendar, date), date).toBe(false);
    for (const date of datesFrom(FIRST_DAY, LAST_DAY))
      expect(isWorkingDay(calendar, date), date).toBe(getDayDetail(date).work);
  });
});

describe('isWorkingDay', () => {
  it('follows Monday–Friday, holidays and 调休 weekends', () => {
    expect(isWorkingDay(calendar, '2024-09-25')).toBe(true); // Wednesday
    expect(isWorkingDay(calendar, '2024-09-28')).toBe(false); // Saturday
    expect(isWorkingDay(calendar, '2024-09-29')).toBe(true); // Sunday, 调休 for National Day
    expect(isWorkingDay(calendar, '2024-10-01')).toBe(false); // Tuesday, National Day
    expect(isWorkingDay(calendar, '2024-10-12')).toBe(true); // Saturday, 调休 for National Day
  });

  it('refuses a year the calendar does not cover and a malformed date', () => {
    expect(() => isWorkingDay(calendar, '2019-05-05')).toThrow(DeadlineError);
    expect(() => isWorkingDay(calendar, '2027-01-04')).toThrow(/no data for 2027/);
    expect(() => isWorkingDay(calendar, '2024-02-30')).toThrow(/Not a calendar date/);
  });
});

describe('Asia/Shanghai days (tests run with TZ=UTC)', () => {
  it('takes the date in Shanghai, not in UTC', () => {
    expect(shanghaiDateOf(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
    expect(shanghaiDateOf(new Date('2026-11-27T15:59:59.999Z'))).toBe('2026-11-27');
    expect(shanghaiDateOf(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });

  it('ends a day at 23:59:59.999 +08:00', () => {
    expect(endOfShanghaiDay('2024-10-10').getTime()).toBe(Date.parse('2024-10-11T00:00:00+08:00') - 1);
  });
});

describe('addWorkingDays', () => {
  it('counts the 2024 National Day 调休 Sunday and skips 10-01..10-07', () => {
    // Requested Fri 2024-09-27; that day is not counted. Sat 09-28 is a rest day. Counted: Sun 09-29 (调休) 1,
    // Mon 09-30 2, then 10-01..10-07 are holidays, Tue 10-08 3, Wed 10-09 4, Thu 10-10 5 → due end of 10-10.
    const start = new Date('2024-09-27T10:00:00+08:00');
    const span = countWorkingDaysAfter(calendar, start, 5);
    expect(span.countedDays).toEqual(['2024-09-29', '2024-09-30', '2024-10-08', '2024-10-09', '2024-10-10']);
    expect(addWorkingDays(calendar, start, 5)).toEqual(new Date('2024-10-10T23:59:59.999+08:00'));
  });

  it('counts the 2024 National Day 调休 Saturday', () => {
    // Requested Tue 2024-10-08: Wed 10-09 1, Thu 10-10 2, Fri 10-11 3, Sat 10-12 (调休) 4, Sun 10-13 rest, Mon 10-14 5.
    const start = new Date('2024-10-08T16:45:00+08:00');
    expect(countWorkingDaysAfter(calendar, start, 5).countedDays).toEqual([
      '2024-10-09',
      '2024-10-10',
      '2024-10-11',
      '2024-10-12',
      '2024-10-14',
    ]);
    expect(addWorkingDays(calendar, start, 5)).toEqual(new Date('2024-10-14T23:59:59.999+08:00'));
  });

  it('starts counting after a holiday when requested on one', () => {
    // Requested Thu 2024-10-03 (holiday): 10-04..10-07 holidays, then 10-08 1, 10-09 2, 10-10 3, 10-11 4, Sat 10-12 (调休) 5.
    expect(addWorkingDays(calendar, new Date('2024-10-03T15:00:00+08:00'), 5)).toEqual(
      new Date('2024-10-12T23:59:59.999+08:00'),
    );
  });

  it('does not count the filing day, whatever the time of day', () => {
    // Mon 2026-11-23: one working day later is the end of Tue 11-24, both at 00:00 and at 23:59 on Monday.
    expect(addWorkingDays(calendar, new Date('2026-11-23T00:00:00+08:00'), 1)).toEqual(
      new Date('2026-11-24T23:59:59.999+08:00'),
    );
    expect(addWorkingDays(calendar, new Date('2026-11-23T23:59:00+08:00'), 1)).toEqual(
      new Date('2026-11-24T23:59:59.999+08:00'),
    );
    // Fri 2026-11-27 00:30 in Shanghai is still Thursday in UTC: Mon 11-30 1 … Fri 12-04 5.
    expect(addWorkingDays(calendar, new Date('2026-11-26T16:30:00Z'), 5)).toEqual(
      new Date('2026-12-04T23:59:59.999+08:00'),
    );
  });

  it('reports the versions of every year it counted through', () => {
    // Mon 2025-12-29: Tue 12-30 1, Wed 12-31 2, 01-01..01-03 holidays, Sun 01-04 (调休) 3, 01-05 4, 01-06 5.
    const span = countWorkingDaysAfter(calendar, new Date('2025-12-29T10:00:00+08:00'), 5);
    expect(span.countedDays).toEqual(['2025-12-30', '2025-12-31', '2026-01-04', '2026-01-05', '2026-01-06']);
    expect(span.versionsUsed.map((version) => version.year)).toEqual([2025, 2026]);
  });

  it('refuses to count through a year the calendar does not cover', () => {
    const attempt = () => addWorkingDays(calendar, new Date('2026-12-29T10:00:00+08:00'), 5);
    expect(attempt).toThrow(DeadlineError);
    expect(attempt).toThrow(/no data for 2027/);
  });

  it('refuses a count that is not a whole number of at least 1, and an invalid start', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) {
      expect(() => addWorkingDays(calendar, new Date('2024-09-27T10:00:00+08:00'), days)).toThrow(/whole number/);
    }
    expect(() => addWorkingDays(calendar, new Date('not a date'), 5)).toThrow(/not a valid date/);
  });
});

describe('buildWorkingDayCalendar', () => {
  const v2026 = { year: 2026, version: 1, calendarVersionId: 1 };

  it('refuses inconsistent calendar data', () => {
    expect(() => buildWorkingDayCalendar([v2026, { ...v2026, version: 2 }], [])).toThrow(/two versions for 2026/);
    expect(() => buildWorkingDayCalendar([v2026], [{ date: '2025-10-01', kind: 'HOLIDAY' }])).toThrow(
      /no calendar version/,
    );
    expect(() => buildWorkingDayCalendar([v2026], [{ date: '2026-11-25', kind: 'WORKING_WEEKEND' }])).toThrow(
      /not a Saturday or Sunday/,
    );
    expect(() =>
      buildWorkingDayCalendar(
        [v2026],
        [
          { date: '2026-01-04', kind: 'WORKING_WEEKEND' },
          { date: '2026-01-04', kind: 'HOLIDAY' },
        ],
      ),
    ).toThrow(/both a holiday and a working weekend/);
  });
});

describe('properties over 2020–2026', () => {
  const startInstant = fc.integer({
    min: Date.parse('2020-01-01T00:00:00+08:00'),
    max: Date.parse('2026-12-10T23:59:59.999+08:00'),
  });

  it('counts exactly N working days after the start day, skipping every holiday and counting every 调休 weekend', () => {
    fc.assert(
      fc.property(startInstant, fc.integer({ min: 1, max: 10 }), (start, days) => {
        const span = countWorkingDaysAfter(calendar, new Date(start), days);
        const startDay = shanghaiDate(start);
        const dueDay = shanghaiDate(span.dueAt.getTime());
        const between = datesFrom(nextDate(startDay), dueDay);
        const working = between.filter((date) => getDayDetail(date).work);

        expect(span.dueAt.getTime()).toBeGreaterThan(start);
        expect(span.dueAt.getTime()).toBe(Date.parse(`${dueDay}T00:00:00+08:00`) + DAY_MS - 1);
        expect(span.dueAt).toEqual(addWorkingDays(calendar, new Date(start), days));
        expect(working).toHaveLength(days);
        expect(span.countedDays).toEqual(working);
        expect(getDayDetail(dueDay).work).toBe(true);
        for (const date of between) {
          if (PACKAGE_HOLIDAYS.includes(date)) expect(span.countedDays).not.toContain(date);
          if (PACKAGE_WORKING_WEEKENDS.includes(date)) expect(span.countedDays).toContain(date);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never moves a deadline earlier when the request comes later', () => {
    fc.assert(
      fc.property(
        startInstant,
        fc.integer({ min: 0, max: 5 * DAY_MS }),
        fc.integer({ min: 1, max: 10 }),
        (start, delay, days) => {
          expect(addWorkingDays(calendar, new Date(start + delay), days).getTime()).toBeGreaterThanOrEqual(
            addWorkingDays(calendar, new Date(start), days).getTime(),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
