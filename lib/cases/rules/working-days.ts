// Working-day arithmetic on the versioned Asia/Shanghai calendar (SPEC §3, §7): statutory holidays are days off,
// 调休 weekends are working days, and a deadline counted in working days never guesses about a year it has no data for.
import { TZDate } from '@date-fns/tz';
import { SHANGHAI_TIME_ZONE, shanghaiDate } from '@/lib/core/calendar';

export const DEADLINE_TIME_ZONE = SHANGHAI_TIME_ZONE;

/** A civil date in Asia/Shanghai, `YYYY-MM-DD`. */
export type IsoDate = string;

export type DeadlineErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_CALENDAR'
  | 'CALENDAR_NOT_COVERED'
  | 'INVALID_POLICY'
  | 'PROVINCIAL_POLICY_TOO_LONG'
  | 'PROVINCIAL_POLICY_TOO_SHORT'
  | 'POLICY_NOT_FOUND'
  | 'ALREADY_PAUSED'
  | 'NOT_PAUSED';

/** Refused deadline input: the message says what was wrong, `code` lets callers map it to a safe user message. */
export class DeadlineError extends Error {
  readonly code: DeadlineErrorCode;

  constructor(code: DeadlineErrorCode, message: string) {
    super(message);
    this.name = 'DeadlineError';
    this.code = code;
  }
}

/** The calendar version used for one year (the latest published one when loaded from the database). */
export interface CalendarYearVersion {
  year: number;
  version: number;
  calendarVersionId: number;
  /** No calendar is published for this year: counted on weekends only, recomputed when it is (SPEC §18). */
  provisional?: true;
}

export interface WorkingDayCalendar {
  /** One entry per covered year, ascending by year. */
  readonly versions: readonly CalendarYearVersion[];
  /** Statutory holidays (days off even when they fall Monday–Friday). */
  readonly holidays: ReadonlySet<IsoDate>;
  /** 调休 Saturdays and Sundays that are working days. */
  readonly workingWeekends: ReadonlySet<IsoDate>;
}

export interface CalendarDayInput {
  date: IsoDate;
  kind: 'HOLIDAY' | 'WORKING_WEEKEND';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parseIsoDate(isoDate: IsoDate): { year: number; utcMidnight: number } {
  const match = ISO_DATE.exec(isoDate);
  const utcMidnight = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Round-tripping rejects impossible dates such as 2026-02-30.
  if (!match || Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== isoDate) {
    throw new DeadlineError('INVALID_INPUT', `Not a calendar date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  }
  return { year: Number(match[1]), utcMidnight };
}

/** Civil-date stepping is done on UTC midnights, which have no time zone or DST to get wrong. */
function addCalendarDays(isoDate: IsoDate, days: number): IsoDate {
  return new Date(parseIsoDate(isoDate).utcMidnight + days * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(isoDate: IsoDate): boolean {
  const weekday = new Date(parseIsoDate(isoDate).utcMidnight).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function assertValidInstant(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new DeadlineError('INVALID_INPUT', `${name} is not a valid date`);
  }
}

/** The Asia/Shanghai calendar date of an instant (independent of the machine's time zone). */
export function shanghaiDateOf(instant: Date): IsoDate {
  assertValidInstant(instant, 'instant');
  return shanghaiDate(instant);
}

/** The last millisecond (23:59:59.999 Asia/Shanghai) of a civil date. */
export function endOfShanghaiDay(isoDate: IsoDate): Date {
  parseIsoDate(isoDate);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, 23, 59, 59, 999, DEADLINE_TIME_ZONE).getTime());
}

/** Builds a calendar from one version per year and that version's exception days; inconsistent data is refused. */
export function buildWorkingDayCalendar(
  versions: readonly CalendarYearVersion[],
  days: readonly CalendarDayInput[],
): WorkingDayCalendar {
  const byYear = new Map<number, CalendarYearVersion>();
  for (const version of versions) {
    if (byYear.has(version.year)) {
      throw new DeadlineError(
        'INVALID_CALENDAR',
        `Calendar has two versions for ${version.year}; use exactly one per year`,
      );
    }
    byYear.set(version.year, {
      year: version.year,
      version: version.version,
      calendarVersionId: version.calendarVersionId,
    });
  }
  const holidays = new Set<IsoDate>();
  const workingWeekends = new Set<IsoDate>();
  for (const day of days) {
    const { year } = parseIsoDate(day.date);
    if (!byYear.has(year)) {
      throw new DeadlineError(
        'INVALID_CALENDAR',
        `Calendar day ${day.date} belongs to ${year}, which has no calendar version`,
      );
    }
    if (day.kind === 'WORKING_WEEKEND' && !isWeekend(day.date)) {
      throw new DeadlineError('INVALID_CALENDAR', `Working weekend ${day.date} is not a Saturday or Sunday`);
    }
    const target = day.kind === 'HOLIDAY' ? holidays : workingWeekends;
    const other = day.kind === 'HOLIDAY' ? workingWeekends : holidays;
    if (other.has(day.date)) {
      throw new DeadlineError('INVALID_CALENDAR', `Calendar day ${day.date} is both a holiday and a working weekend`);
    }
    target.add(day.date);
  }
  return { versions: [...byYear.values()].sort((a, b) => a.year - b.year), holidays, workingWeekends };
}

export function calendarVersionFor(calendar: WorkingDayCalendar, year: number): CalendarYearVersion | undefined {
  return calendar.versions.find((version) => version.year === year);
}

function requireCoveredYear(calendar: WorkingDayCalendar, isoDate: IsoDate): CalendarYearVersion {
  const { year } = parseIsoDate(isoDate);
  const version = calendarVersionFor(calendar, year);
  if (!version) {
    const covered = calendar.versions.map((entry) => entry.year).join(', ') || 'none';
    throw new DeadlineError(
      'CALENDAR_NOT_COVERED',
      `The working-day calendar has no data for ${year} (needed for ${isoDate}; covered years: ${covered}). Publish the ${year} calendar first.`,
    );
  }
  return version;
}

/** Monday–Friday unless a statutory holiday; Saturday/Sunday only when a 调休 working weekend. Throws for an uncovered year. */
export function isWorkingDay(calendar: WorkingDayCalendar, isoDate: IsoDate): boolean {
  requireCoveredYear(calendar, isoDate);
  if (calendar.holidays.has(isoDate)) return false;
  if (calendar.workingWeekends.has(isoDate)) return true;
  return !isWeekend(isoDate);
}

export interface WorkingDaySpan {
  /** The N working days counted, in order (the day of `start` itself is never counted). */
  countedDays: IsoDate[];
  /** Calendar versions of every year looked at, from the day after `start` to the last counted day. */
  versionsUsed: CalendarYearVersion[];
  /** End of the last counted day: 23:59:59.999 Asia/Shanghai. */
  dueAt: Date;
}

/** Counts `days` working days after the Asia/Shanghai day of `start`. */
export function countWorkingDaysAfter(calendar: WorkingDayCalendar, start: Date, days: number): WorkingDaySpan {
  assertValidInstant(start, 'start');
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new DeadlineError('INVALID_INPUT', `Working days must be a whole number of at least 1 (got ${days})`);
  }
  const countedDays: IsoDate[] = [];
  const versionsUsed = new Map<number, CalendarYearVersion>();
  let day = shanghaiDateOf(start);
  while (countedDays.length < days) {
    day = addCalendarDays(day, 1);
    const version = requireCoveredYear(calendar, day);
    versionsUsed.set(version.year, version);
    if (isWorkingDay(calendar, day)) countedDays.push(day);
  }
  const lastDay = countedDays[countedDays.length - 1] as IsoDate;
  return { countedDays, versionsUsed: [...versionsUsed.values()], dueAt: endOfShanghaiDay(lastDay) };
}

/**
 * The deadline `days` working days after `start`: the filing (request) day is not counted, and the deadline is the END of
 * the N-th working day, i.e. 23:59:59.999 Asia/Shanghai on that day (so it displays as "23:59" on the right date).
 * A case is overdue only strictly after this instant.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, start: Date, days: number): Date {
  return countWorkingDaysAfter(calendar, start, days).dueAt;
}
