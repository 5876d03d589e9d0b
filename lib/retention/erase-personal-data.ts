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
import { appendAuditEvent } from '@/lib/audit/append';
import { discardEvidenceFiles } from '@/lib/evidence/store';

export const DEFAULT_RETENTION_DAYS = 180;
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
  /** One-time codes and built-in SMS outbox messages older than the cutoff, deleted. */
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
    const files = await tx.evidence.findMany({
      where: { provinceCode, caseId, erasedAt: null },
      select: { storageKey: true },
    });
    // Deleted before the rows commit: if the transaction then fails, the next run deletes nothing twice and erases again.
    await discardEvidenceFiles(files.map((file) => file.storageKey).filter((key) => key !== ''));
    await tx.evidence.updateMany({
      where: { provinceCode, caseId },
      data: { fileName: '', storageKey: '', erasedAt: now },
    });
    const replies = await tx.informationRequest.updateMany({
      where: { provinceCode, caseId, replyText: { not: null } },
      data: { replyText: null },
    });
    const notifications = await tx.notification.updateMany({
      where: { provinceCode, caseId, recipientMobile: { not: null } },
      data: { recipientMobile: null },
    });
    await tx.case.update({
      where: { provinceCode_id: { provinceCode, id: caseId } },
      data: {
        applicantName: null,
        idNumberCipher: null,
        idNumberHash: null,
        idNumberMasked: null,
        mobile: null,
        statement: '',
        withdrawalReason: null,
        secondReviewReason: null,
        personalDataErasedAt: now,
        version: { increment: 1 },
      },
    });
    await appendAuditEvent(tx, {
      chain: provinceCode,
      actorId: null,
      actorRole: 'SYSTEM',
      caseId,
      action: ERASURE_AUDIT_ACTION,
      after: {
        personalDataErased: true,
        evidenceFiles: files.length,
        replies: replies.count,
        notificationMobiles: notifications.count,
      },
      reason: `retention: closed before ${cutoff.toISOString()}`,
      occurredAt: now,
    });
    return files.length;
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

  // Sign-in and status codes, and what the built-in SMS provider recorded, are only needed for minutes.
  const [otps, messages] = await prisma.$transaction([
    prisma.otpChallenge.deleteMany({ where: { createdAt: { lt: cutoff } } }),
    prisma.smsMessage.deleteMany({ where: { createdAt: { lt: cutoff } } }),
  ]);
  result.transientRowsDeleted = otps.count + messages.count;
  return result;
}
