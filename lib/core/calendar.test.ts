// Civil dates and Shanghai's day (lib/core/calendar.ts): the fixed-offset path gives what the time-zone database gives,
// across day and year boundaries and from 1991 on, and the calendar check knows month lengths and leap years.
import { TZDate } from '@date-fns/tz';
import { format, isMatch } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isCompactDate,
  shanghaiCompactDate,
  shanghaiDate,
  shanghaiDayStart,
  shanghaiWallClock,
} from './calendar';

const viaTimeZone = (instant: Date) => format(new TZDate(instant.getTime(), 'Asia/Shanghai'), 'yyyy-MM-dd');

describe('shanghaiDate', () => {
  it('is the day in Shanghai, not in UTC, at the day and year boundaries', () => {
    expect(shanghaiDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiDate(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29');
    expect(shanghaiCompactDate(new Date('2026-12-31T16:00:00Z'))).toBe('20270101');
  });

  it('gives what the time-zone database gives over random instants from 1985 to 2200', () => {
    const from = Date.UTC(1985, 0, 1);
    const to = Date.UTC(2200, 0, 1);
    for (let i = 0; i < 5_000; i += 1) {
      const instant = new Date(from + Math.floor(Math.random() * (to - from)));
      expect(shanghaiDate(instant), instant.toISOString()).toBe(viaTimeZone(instant));
    }
  });

  it("takes the time-zone path before 1991's last summer time ended, and refuses an invalid date", () => {
    // 1991-07-01 12:30 UTC was 21:30 in Shanghai's summer time (UTC+9); the fixed offset would not know.
    expect(shanghaiWallClock(Date.UTC(1991, 6, 1, 12, 30))).toBeNull();
    expect(shanghaiDate(new Date('1991-06-30T15:30:00Z'))).toBe('1991-07-01');
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('shanghaiDayStart', () => {
  it('is 00:00 in Shanghai, 16:00 UTC the day before', () => {
    expect(shanghaiDayStart('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('isCalendarDate / isCompactDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2026, 2, 29)).toBe(false);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2026, 4, 31)).toBe(false);
    expect(isCalendarDate(2026, 13, 1)).toBe(false);
    expect(isCalendarDate(2026, 12, 0)).toBe(false);
    // Years below 100 are not read as 19xx: 4 AD was a leap year, 1904's rule does not apply to 5 AD.
    expect(isCalendarDate(4, 2, 29)).toBe(true);
    expect(isCalendarDate(5, 2, 29)).toBe(false);
  });

  it('agrees with date-fns on random eight-digit texts', () => {
    for (let i = 0; i < 5_000; i += 1) {
      const text = `${1800 + Math.floor(Math.random() * 400)}${String(Math.floor(Math.random() * 14)).padStart(2, '0')}${String(Math.floor(Math.random() * 33)).padStart(2, '0')}`;
      expect(isCompactDate(text), text).toBe(isMatch(text, 'yyyyMMdd'));
    }
    expect(isCompactDate('2026123')).toBe(false);
    expect(isCompactDate('2026-1-01')).toBe(false);
  });
});
