// Civil dates, and Asia/Shanghai: the one time zone of deadlines, reference numbers, statistics and every date shown
// to people (browser-safe). Shanghai has kept UTC+8 without daylight saving since its last summer time ended on
// 15 September 1991, so from then on its wall clock is the instant plus eight hours: well under a microsecond, where
// a time-zone date looks its offset up through Intl (~15 µs; a filing needs a few, a page of lists a hundred or more).
// Earlier instants go through the time-zone database. lib/core/calendar.test.ts compares both over random instants.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';

const FIXED_OFFSET_SINCE = Date.UTC(1991, 8, 16);
const OFFSET_MS = 8 * 3_600_000;
const AFTER_YEAR_9999 = Date.UTC(10_000, 0, 1) - OFFSET_MS;

/**
 * Shanghai's wall clock at an instant, as a Date whose UTC fields (getUTCFullYear … getUTCSeconds) are Shanghai's;
 * null before the fixed offset (and past year 9999), where callers take the time-zone path.
 */
export function shanghaiWallClock(instant: number): Date | null {
  return instant >= FIXED_OFFSET_SINCE && instant < AFTER_YEAR_9999 ? new Date(instant + OFFSET_MS) : null;
}

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/** The civil date of an instant in Asia/Shanghai, `YYYY-MM-DD` (a RangeError for an invalid date). */
export function shanghaiDate(instant: Date): string {
  const wall = shanghaiWallClock(instant.getTime());
  if (!wall) return format(new TZDate(instant.getTime(), SHANGHAI_TIME_ZONE), 'yyyy-MM-dd');
  return `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`;
}

/** The civil date of an instant in Asia/Shanghai, `YYYYMMDD` (birth dates in ID numbers, reference numbers). */
export function shanghaiCompactDate(instant: Date): string {
  return shanghaiDate(instant).replaceAll('-', '');
}

/** 00:00 Asia/Shanghai of a civil date `YYYY-MM-DD`. */
export function shanghaiDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** Whether year, month (1–12) and day name a day of the Gregorian calendar (29 February only in leap years). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12)
    return false;
  // Day 0 of the next month is the last day of this one (setUTCFullYear: Date.UTC would read years 0–99 as 19xx).
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return day >= 1 && day <= lastDay.getUTCDate();
}

/** Whether `YYYYMMDD` (eight digits) is a day of the Gregorian calendar. */
export function isCompactDate(text: string): boolean {
  return (
    /^\d{8}$/.test(text) && isCalendarDate(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6)))
  );
}
