// Retention (SPEC §10): the personal data of cases closed longer ago than the retention period (RETENTION_DAYS,
// default 180) is erased — name, ID number (cipher, hash, masked form), mobile, the citizen's own words (statement,
// replies, withdrawal and second-review reasons) and evidence files with their names — while the statistics fields
// (colour, units, dates, outcomes, deadlines) stay. audit_event is never touched: its payloads hold no personal data,
// so the chains still verify; each erasure adds one audit event of its own.
// Safe to run at any time, twice, and on several instances at once: each case is erased in its own transaction under
// its province's chain lock, re-checked under a row lock, and marked so it is never erased again.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { AuditAction } from '@/lib/audit/actions';
import { eraseCasePersonalData } from '@/lib/privacy/erase-case';
import { DEFAULT_RETENTION_DAYS, OTP_KEEP_MINUTES, SMS_LOG_KEEP_DAYS } from '@/lib/privacy/retention-periods';

export { DEFAULT_RETENTION_DAYS };
const DAY_MS = 86_400_000;
const BATCH = 200;
/**
 * Recorded for every erasure; AUDIT_ACTIONS has no dedicated name for it yet, so the applicant's data being updated
 * (erased) is recorded as USER_UPDATED with `personalDataErased: true`.
 */
export const ERASURE_AUDIT_ACTION: AuditAction = 'PERSONAL_DATA_ERASED';

/** RETENTION_DAYS from the environment (a whole number of days ≥ 1), else the default. */
export function retentionDaysFromEnv(value = process.env.RETENTION_DAYS): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`RETENTION_DAYS must be a whole number of days, at least 1 (got ${JSON.stringify(value)})`);
  return days;
}

export interface RetentionResult {
  cutoff: Date;
  casesErased: number;
  evidenceFilesDeleted: number;
  /** One-time codes past OTP_KEEP_MINUTES and built-in SMS outbox messages past SMS_LOG_KEEP_DAYS, deleted. */
  transientRowsDeleted: number;
}

/** Erases one case's personal data if it is still due; returns the number of evidence files deleted, or null when skipped. */
async function eraseCase(caseId: string, provinceCode: string, cutoff: Date, now: Date): Promise<number | null> {
  return prisma.$transaction(async (tx) => {
    const [due] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM appeal_case
       WHERE province_code = ${provinceCode} AND id = ${caseId}::uuid AND personal_data_erased_at IS NULL AND closed_at IS NOT NULL AND closed_at < ${cutoff}
       FOR UPDATE SKIP LOCKED`;
    if (!due) return null;
    const counts = await eraseCasePersonalData(
      tx,
      { caseId, provinceCode },
      { actor: { id: null, role: 'SYSTEM' }, reason: `retention: closed before ${cutoff.toISOString()}`, now },
    );
    return counts.evidenceFiles;
  });
}

export async function erasePersonalDataOfClosedCases(
  options: { now?: Date; retentionDays?: number } = {},
): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const days = options.retentionDays ?? retentionDaysFromEnv();
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const result: RetentionResult = { cutoff, casesErased: 0, evidenceFilesDeleted: 0, transientRowsDeleted: 0 };

  // Keyset over (closed_at, id): a case another instance holds is skipped, never retried in a loop.
  let after: { closedAt: Date; id: string } | null = null;
  for (;;) {
    const batch: { id: string; provinceCode: string; closedAt: Date | null }[] = await prisma.case.findMany({
      where: {
        personalDataErasedAt: null,
        closedAt: { not: null, lt: cutoff },
        ...(after
          ? { OR: [{ closedAt: { gt: after.closedAt } }, { closedAt: after.closedAt, id: { gt: after.id } }] }
          : {}),
      },
      orderBy: [{ closedAt: 'asc' }, { id: 'asc' }],
      take: BATCH,
      select: { id: true, provinceCode: true, closedAt: true },
    });
    for (const row of batch) {
      const deleted = await eraseCase(row.id, row.provinceCode, cutoff, now);
      if (deleted === null) continue;
      result.casesErased += 1;
      result.evidenceFilesDeleted += deleted;
    }
    const last = batch.at(-1);
    if (!last?.closedAt || batch.length < BATCH) break;
    after = { closedAt: last.closedAt, id: last.id };
  }

  // Sign-in and status codes are needed for minutes, what the built-in SMS provider recorded for days
  // (lib/privacy/retention-periods.ts).
  const smsCutoff = new Date(now.getTime() - SMS_LOG_KEEP_DAYS * DAY_MS);
  const [otps, messages] = await prisma.$transaction([
    prisma.otpChallenge.deleteMany({
      where: { expiresAt: { lt: new Date(now.getTime() - OTP_KEEP_MINUTES * 60_000) } },
    }),
    prisma.smsMessage.deleteMany({ where: { createdAt: { lt: smsCutoff } } }),
    // A sent SMS's number on its notification row goes with the SMS log.
    prisma.notification.updateMany({
      where: { recipientMobile: { not: null }, status: { not: 'PENDING' }, createdAt: { lt: smsCutoff } },
      data: { recipientMobile: null },
    }),
  ]);
  result.transientRowsDeleted = otps.count + messages.count;
  return result;
}
