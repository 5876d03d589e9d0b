// Erases one case's personal data inside the caller's transaction (SPEC §10, §17), for the retention job and for a
// citizen's early-erasure request alike. Afterwards nothing links the case to a person: name, ID number, mobile, the
// citizen's own words and every free-text message on it, evidence files and their names, the province's code
// assignments of that person, one-time codes and SMS records sent to the case's number, the citizen's data requests'
// words, and — when no case of theirs keeps personal data — the mobile number (and the name derived from it) on the
// citizen's account. Statistics fields and the audit chain stay; the erasure adds one audit event.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import { appendAuditEvent } from '@/lib/audit/append';
import { discardEvidenceFiles } from '@/lib/evidence/store';

export interface ErasureActor {
  id: string | null;
  role: string;
}

export interface ErasureCounts {
  evidenceFiles: number;
  messages: number;
  codeAssignments: number;
  transientRows: number;
  accountMobileErased: boolean;
}

const ERASED_IDENTITY = { applicantName: null, idNumberCipher: null, idNumberHash: null, idNumberMasked: null };
const ERASED_WORDS = { mobile: null, statement: '', withdrawalReason: null, secondReviewReason: null };

/** Shown in place of an erased account's name (its masked mobile number). */
export const ERASED_ACCOUNT_NAME = '—';

/**
 * The caller has locked the case row (FOR UPDATE) and checked that it is closed and not yet erased. Returns what was
 * erased; the audit event names the counts and `reason`, never the data.
 */
export async function eraseCasePersonalData(
  tx: TransactionClient,
  target: { caseId: string; provinceCode: string },
  context: { actor: ErasureActor; reason: string; now: Date; audit?: Record<string, unknown> },
): Promise<ErasureCounts> {
  const { caseId, provinceCode } = target;
  const { now } = context;
  const current = await tx.case.findUniqueOrThrow({
    where: { provinceCode_id: { provinceCode, id: caseId } },
    select: { citizenId: true, mobile: true, issuingProvinceCode: true, codeAssignmentId: true },
  });
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
  // The reviewer's questions may quote the citizen; their answers are the citizen's own words.
  const messages = await tx.informationRequest.updateMany({
    where: { provinceCode, caseId },
    data: { message: '', replyText: null },
  });
  await tx.notification.updateMany({
    where: { provinceCode, caseId, recipientMobile: { not: null } },
    data: { recipientMobile: null },
  });
  await tx.dataRightsRequest.updateMany({ where: { provinceCode, caseId }, data: { note: null, newMobile: null } });
  // The citizen's own words on why they needed interim relief (SPEC §15); the grant and its dates stay.
  await tx.interimRelief.updateMany({ where: { provinceCode, caseId }, data: { detail: null } });

  // The province's record of this person's code: every assignment under the same pseudonym.
  let codeAssignments = 0;
  if (current.codeAssignmentId) {
    const matched = await tx.codeAssignment.findUnique({
      where: { provinceCode_id: { provinceCode: current.issuingProvinceCode, id: current.codeAssignmentId } },
      select: { personPseudonym: true },
    });
    if (matched) {
      codeAssignments = (
        await tx.codeAssignment.deleteMany({
          where: { provinceCode: current.issuingProvinceCode, personPseudonym: matched.personPseudonym },
        })
      ).count;
    }
  }

  let transientRows = (await tx.otpChallenge.deleteMany({ where: { caseId } })).count;
  if (current.mobile) {
    const [otps, sms] = await Promise.all([
      tx.otpChallenge.deleteMany({ where: { mobile: current.mobile } }),
      tx.smsMessage.deleteMany({ where: { to: current.mobile } }),
    ]);
    transientRows += otps.count + sms.count;
  }

  await tx.case.update({
    where: { provinceCode_id: { provinceCode, id: caseId } },
    data: {
      ...ERASED_IDENTITY,
      ...ERASED_WORDS,
      codeAssignmentId: null,
      personalDataErasedAt: now,
      version: { increment: 1 },
    },
  });

  // The account's number goes once no other case of the citizen still holds personal data (open or not yet erased).
  const others = await tx.case.count({
    where: { citizenId: current.citizenId, personalDataErasedAt: null, NOT: { provinceCode, id: caseId } },
  });
  let accountMobileErased = false;
  if (others === 0) {
    const account = await tx.user.findUnique({ where: { id: current.citizenId }, select: { mobile: true } });
    if (account?.mobile) {
      const [otps, sms] = await Promise.all([
        tx.otpChallenge.deleteMany({ where: { mobile: account.mobile } }),
        tx.smsMessage.deleteMany({ where: { to: account.mobile } }),
      ]);
      transientRows += otps.count + sms.count;
      await tx.user.update({
        where: { id: current.citizenId },
        data: { mobile: null, displayName: ERASED_ACCOUNT_NAME },
      });
      await tx.session.updateMany({ where: { userId: current.citizenId, revokedAt: null }, data: { revokedAt: now } });
      accountMobileErased = true;
    }
  }

  const counts: ErasureCounts = {
    evidenceFiles: files.length,
    messages: messages.count,
    codeAssignments,
    transientRows,
    accountMobileErased,
  };
  await appendAuditEvent(tx, {
    chain: provinceCode,
    actorId: context.actor.id,
    actorRole: context.actor.role,
    caseId,
    action: 'PERSONAL_DATA_ERASED',
    after: { personalDataErased: true, ...counts, ...context.audit },
    reason: context.reason,
    occurredAt: now,
  });
  return counts;
}
