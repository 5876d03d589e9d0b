// Loads what deadline arithmetic needs from the database: the working-day calendar (latest version of each year) and
// the deadline policy in force for a province at a given time (SPEC §3, §7).
import 'server-only';
import { Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import { effectivePolicy, type DeadlinePolicyRecord, type EffectiveDeadlinePolicy } from '@/lib/cases/rules/deadlines';
import {
  buildWorkingDayCalendar,
  DeadlineError,
  type CalendarYearVersion,
  type WorkingDayCalendar,
} from '@/lib/cases/rules/working-days';

/** A PrismaClient or the client of a running transaction. */
type Db = TransactionClient;

/**
 * The calendar built from the highest version of each year (all years, or only `years`). Years without any published
 * version are simply absent: deadline arithmetic refuses to count through them.
 */
export async function loadWorkingDayCalendar(db: Db, years?: readonly number[]): Promise<WorkingDayCalendar> {
  const candidates = await db.calendarVersion.findMany({
    where: years ? { year: { in: [...years] } } : {},
    select: { id: true, year: true, version: true },
    orderBy: [{ year: 'asc' }, { version: 'desc' }],
  });
  const latest = new Map<number, CalendarYearVersion>();
  for (const candidate of candidates) {
    if (!latest.has(candidate.year)) {
      latest.set(candidate.year, { year: candidate.year, version: candidate.version, calendarVersionId: candidate.id });
    }
  }
  const versions = [...latest.values()];
  const days = await db.calendarDay.findMany({
    where: { calendarVersionId: { in: versions.map((version) => version.calendarVersionId) } },
    select: { date: true, kind: true },
  });
  // @db.Date columns come back as UTC midnight of the stored civil date.
  return buildWorkingDayCalendar(
    versions,
    days.map((day) => ({ date: day.date.toISOString().slice(0, 10), kind: day.kind })),
  );
}

/**
 * The highest version of the national policy and of the province's own (when it has one) that had taken effect at
 * `at`: both scopes in one statement, national first. A statement that reads more (a filing's) embeds it.
 */
export function policiesInForce(provinceCode: string, at: Date): Prisma.Sql {
  if (!/^\d{2}$/.test(provinceCode)) {
    throw new DeadlineError(
      'INVALID_INPUT',
      `Province code must be two digits (GB/T 2260), got ${JSON.stringify(provinceCode)}`,
    );
  }
  if (Number.isNaN(at.getTime())) throw new DeadlineError('INVALID_INPUT', 'The policy date is not a valid date');
  return Prisma.sql`
    SELECT DISTINCT ON (province_code)
           id, province_code AS "provinceCode", version, red_hours AS "redHours", yellow_hours AS "yellowHours",
           recognition_hours AS "recognitionHours", second_review_working_days AS "secondReviewWorkingDays",
           citizen_reply_hours AS "citizenReplyHours"
      FROM deadline_policy
     WHERE (province_code IS NULL OR province_code = ${provinceCode}) AND effective_from <= ${at}
     ORDER BY province_code NULLS FIRST, version DESC`;
}

/** The deadline policy in force for `provinceCode` at `at`: the national maximum combined with the province's own policy, if any. */
export async function loadDeadlinePolicy(db: Db, provinceCode: string, at: Date): Promise<EffectiveDeadlinePolicy> {
  return effectivePolicyOf(
    await sqlRows<DeadlinePolicyRecord>(db, policiesInForce(provinceCode, at)),
    provinceCode,
    at,
  );
}

/** The effective policy from the rows policiesInForce read. */
export function effectivePolicyOf(
  rows: readonly DeadlinePolicyRecord[],
  provinceCode: string,
  at: Date,
): EffectiveDeadlinePolicy {
  const policies = rows.map((row) => ({
    ...row,
    provinceCode: row.provinceCode === null ? null : row.provinceCode.trim(),
  }));
  const national = policies.find((policy) => policy.provinceCode === null);
  if (!national) {
    throw new DeadlineError('POLICY_NOT_FOUND', `No national deadline policy was in force at ${at.toISOString()}`);
  }
  return effectivePolicy(national, policies.find((policy) => policy.provinceCode === provinceCode) ?? null);
}
