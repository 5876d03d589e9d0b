// Whether the working-day calendar reaches far enough ahead (SPEC §18): administrators are warned from 60 days before
// a year that has no published calendar. Deadlines never fail for want of one (they turn provisional, see
// provisional-calendar.ts); this check is for the board and admin banners and for the service's readiness check.
import 'server-only';
import { prisma, Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import { shanghaiDateOf, type IsoDate } from '@/lib/cases/rules/working-days';

/** Warn this many days before the first day of a year without a calendar. */
export const CALENDAR_WARNING_DAYS = 60;

const DAY_MS = 86_400_000;

export type CalendarCoverage =
  | { ok: true }
  | {
      ok: false;
      /** The first year from today on with no published calendar. */
      missingYear: number;
      /** Its first day (Asia/Shanghai). */
      startsOn: IsoDate;
      /** Days from today (Asia/Shanghai) to that day; 0 or less once the year has begun. */
      daysLeft: number;
      /** For logs and the readiness check (the pages show their own translated text). */
      message: string;
    };

/** Judges coverage from the published years; `now` is read as an Asia/Shanghai date. */
export function assessCalendarCoverage(publishedYears: readonly number[], now: Date): CalendarCoverage {
  const today = shanghaiDateOf(now);
  const year = Number(today.slice(0, 4));
  const published = new Set(publishedYears);
  const missingYear = published.has(year) ? year + 1 : year;
  if (published.has(missingYear)) return { ok: true };
  const startsOn = `${missingYear}-01-01`;
  const daysLeft = Math.round((Date.parse(`${startsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (daysLeft > CALENDAR_WARNING_DAYS) return { ok: true };
  const message =
    daysLeft > 0
      ? `The working-day calendar for ${missingYear} is not published; it is needed from ${startsOn} (in ${daysLeft} days). Deadlines reaching into it are provisional until it is loaded.`
      : `The working-day calendar for ${missingYear} is not published although the year has begun; deadlines in it are provisional until it is loaded.`;
  return { ok: false, missingYear, startsOn, daysLeft, message };
}

/**
 * The calendar coverage check for banners and the readiness endpoint: `ok: false` from 60 days before a year with no
 * published calendar. Reads only the list of published years.
 */
export async function checkCalendarCoverage(
  now = new Date(),
  db: TransactionClient = prisma,
): Promise<CalendarCoverage> {
  const years = await sqlRows<{ year: number }>(db, Prisma.sql`SELECT DISTINCT year FROM calendar_version`);
  return assessCalendarCoverage(
    years.map((row) => row.year),
    now,
  );
}
