// Readiness: does the working-day calendar cover the next 60 days? (SPEC §7, §18.) A small check of the calendar
// tables only: a year counts as loaded when calendar_version has a version of it. The fuller calendar rules
// (provisional deadlines, warnings ahead) are another helper's work; this function is what /api/ready calls.
import 'server-only';
import { TZDate } from '@date-fns/tz';
import { prisma } from '@/lib/db/client';

export const CALENDAR_COVERAGE_DAYS = 60;

export interface CalendarCoverage {
  ok: boolean;
  /** The calendar years the window spans (Asia/Shanghai), and those without any loaded version. */
  years: number[];
  missingYears: number[];
}

export async function checkCalendarCoverage(
  now = new Date(),
  days = CALENDAR_COVERAGE_DAYS,
): Promise<CalendarCoverage> {
  const first = new TZDate(now, 'Asia/Shanghai').getFullYear();
  const last = new TZDate(now.getTime() + days * 86_400_000, 'Asia/Shanghai').getFullYear();
  const years = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const loaded = await prisma.calendarVersion.findMany({
    where: { year: { in: years } },
    select: { year: true },
    distinct: ['year'],
  });
  const have = new Set(loaded.map((row) => row.year));
  const missingYears = years.filter((year) => !have.has(year));
  return { ok: missingYears.length === 0, years, missingYears };
}
