// Calendar arithmetic for supervision filters and trends, on plain `yyyy-MM-dd` dates in Asia/Shanghai
// (China has kept +08:00 without daylight saving since 1991, so a day starts at 00:00+08:00).
import { addDays as addCalendarDays, format, getISOWeek, getISOWeekYear, parseISO, startOfISOWeek } from 'date-fns';
import { shanghaiDate, shanghaiDayStart } from '@/lib/core/calendar';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An inclusive range of filing dates; null ends are open. */
export interface Period {
  from: string | null;
  to: string | null;
}

export function isDateText(value: string): boolean {
  return (
    DATE.test(value) && !Number.isNaN(parseISO(value).getTime()) && format(parseISO(value), 'yyyy-MM-dd') === value
  );
}

export function addDays(date: string, days: number): string {
  return format(addCalendarDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** Monday of the ISO week the date falls in. */
export function isoWeekStart(date: string): string {
  return format(startOfISOWeek(parseISO(date)), 'yyyy-MM-dd');
}

/** `2026-W48` */
export function isoWeekLabel(date: string): string {
  const day = parseISO(date);
  return `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`;
}

/** The Mondays from the week of `from` to the week of `to`, oldest first. */
export function isoWeeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = isoWeekStart(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** What the analytics show when no period was chosen: the last 12 ISO weeks, this one included. */
export function defaultPeriod(now: Date): Period {
  const today = shanghaiDate(now);
  return { from: addDays(isoWeekStart(today), -7 * 11), to: today };
}

/** Instants bounding a period: [start of `from`, start of the day after `to`). */
export function periodBounds(period: Period): { start: Date | null; end: Date | null } {
  return {
    start: period.from ? shanghaiDayStart(period.from) : null,
    end: period.to ? shanghaiDayStart(addDays(period.to, 1)) : null,
  };
}
