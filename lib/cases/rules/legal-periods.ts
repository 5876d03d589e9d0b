// Periods printed in decision letters, counted as Chinese law counts them (SPEC §5; Civil Code Arts 200–203): the day
// of service is not counted, a period in days or months ends on the corresponding day (the month's last day when it
// has none), a last day that is a statutory holiday or rest day moves to the next working day, and the period ends at
// 24:00 of its last day. The 15-day window for asking for a second-level review is this one function everywhere.
import {
  endOfShanghaiDay,
  isWorkingDay,
  shanghaiDateOf,
  type IsoDate,
  type WorkingDayCalendar,
} from '@/lib/cases/rules/working-days';
import { withProvisionalYears } from '@/lib/cases/rules/provisional-calendar';

/** Days after a first decision in which the citizen may ask for a second-level review (SPEC §5). */
export const SECOND_REVIEW_WINDOW_DAYS = 15;
/** Administrative reconsideration: 60 days (Administrative Reconsideration Law Art 20). */
export const RECONSIDERATION_DAYS = 60;
/** Administrative litigation: 6 months (Administrative Litigation Law Art 46). */
export const LITIGATION_MONTHS = 6;

export type LegalPeriodLength = { days: number } | { months: number };

export interface LegalPeriod {
  /** The last day, Asia/Shanghai civil date (after any move past holidays and rest days). */
  lastDay: IsoDate;
  /** 24:00 of the last day (23:59:59.999 Asia/Shanghai): a request at or before this instant is in time. */
  endsAt: Date;
  /** The last day was moved from this day, a holiday or rest day, to the next working day. */
  movedFrom: IsoDate | null;
  /** Counted through a year with no published working-day calendar: weekends only, may still move (SPEC §18). */
  provisional: boolean;
}

function shiftCivilDate(isoDate: IsoDate, length: LegalPeriodLength): IsoDate {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if ('days' in length) return new Date(Date.UTC(year, month - 1, day + length.days)).toISOString().slice(0, 10);
  // The corresponding day of the month the period ends in, or that month's last day when it has none (Art 202).
  const target = new Date(Date.UTC(year, month - 1 + length.months, 1));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastOfMonth));
  return target.toISOString().slice(0, 10);
}

/**
 * The period of `length` after service at `servedAt`. Years without a published calendar are counted on weekends
 * only and the result says so; the calendar is never asked about a year it does not cover.
 */
export function legalPeriodEnd(calendar: WorkingDayCalendar, servedAt: Date, length: LegalPeriodLength): LegalPeriod {
  const full = withProvisionalYears(calendar, servedAt);
  const nominal = shiftCivilDate(shanghaiDateOf(servedAt), length);
  let lastDay = nominal;
  while (!isWorkingDay(full, lastDay)) lastDay = shiftCivilDate(lastDay, { days: 1 });
  const provisionalYears = new Set(full.versions.filter((entry) => entry.provisional).map((entry) => entry.year));
  return {
    lastDay,
    endsAt: endOfShanghaiDay(lastDay),
    movedFrom: lastDay === nominal ? null : nominal,
    provisional: provisionalYears.has(Number(nominal.slice(0, 4))) || provisionalYears.has(Number(lastDay.slice(0, 4))),
  };
}

/** The last moment the citizen may ask for a second-level review of a first decision made at `decidedAt`. */
export function secondReviewWindowEnd(calendar: WorkingDayCalendar, decidedAt: Date): LegalPeriod {
  return legalPeriodEnd(calendar, decidedAt, { days: SECOND_REVIEW_WINDOW_DAYS });
}

export interface DecisionRoutes {
  reconsideration: LegalPeriod;
  litigation: LegalPeriod;
}

/** The routes beyond the decision in force (served at `decidedAt`): reconsideration and litigation. */
export function decisionRoutes(calendar: WorkingDayCalendar, decidedAt: Date): DecisionRoutes {
  return {
    reconsideration: legalPeriodEnd(calendar, decidedAt, { days: RECONSIDERATION_DAYS }),
    litigation: legalPeriodEnd(calendar, decidedAt, { months: LITIGATION_MONTHS }),
  };
}
