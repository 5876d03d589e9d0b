// A deadline that runs into a year whose working-day calendar is not published yet never fails (SPEC §18): that year
// is counted on weekends only (Monday–Friday working, no holidays, no 调休), the deadline records the year as
// provisional, and it is recomputed when the year is published (recompute-provisional-deadlines.ts).
import { readDeadlineInputs, type DeadlineInputs } from '@/lib/cases/rules/deadlines';
import { shanghaiDateOf, type CalendarYearVersion, type WorkingDayCalendar } from '@/lib/cases/rules/working-days';

/**
 * How many years after the start a working-day count may reach. A second-level review takes days, not years; two
 * covers a count started in late December with room to spare.
 */
const YEARS_AHEAD = 2;

/** The calendar with every unpublished year from the start's year on given as a provisional, weekends-only year. */
export function withProvisionalYears(calendar: WorkingDayCalendar, startAt: Date): WorkingDayCalendar {
  const startYear = Number(shanghaiDateOf(startAt).slice(0, 4));
  const covered = new Set(calendar.versions.map((entry) => entry.year));
  const provisional: CalendarYearVersion[] = [];
  for (let year = startYear; year <= startYear + YEARS_AHEAD; year += 1) {
    if (!covered.has(year)) provisional.push({ year, version: 0, calendarVersionId: 0, provisional: true });
  }
  if (provisional.length === 0) return calendar;
  return { ...calendar, versions: [...calendar.versions, ...provisional].sort((a, b) => a.year - b.year) };
}

/** The years a deadline was counted through without a published calendar (empty when it is final). */
export function provisionalYearsOf(inputs: DeadlineInputs): number[] {
  if (inputs.basis !== 'WORKING_DAYS') return [];
  return inputs.calendars.filter((entry) => entry.provisional).map((entry) => entry.year);
}

export function isProvisionalDeadline(inputs: DeadlineInputs): boolean {
  return provisionalYearsOf(inputs).length > 0;
}

/** For a case row's stored inputs; unreadable inputs count as final (the explanation falls back to the stored text). */
export function storedDeadlineIsProvisional(stored: unknown): boolean {
  try {
    return isProvisionalDeadline(readDeadlineInputs(stored));
  } catch {
    return false;
  }
}
