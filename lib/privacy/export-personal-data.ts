// A copy of a citizen's personal data and cases (SPEC §17, PIPL Art. 45), for the JSON download and the printable
// page alike. The ID number appears masked, as everywhere outside the audited reveal; staff names never appear.
// Each download is audited (on the national chain: the account is not any one province's).
import 'server-only';
import { appendNationalEvent } from '@/lib/audit/national-event';
import type { Actor } from '@/lib/auth/actor';
import { caseScopeWhere } from '@/lib/auth/actor';
import { prisma } from '@/lib/db/client';
import { CURRENT_PRIVACY_NOTICE } from './notice';

export interface PersonalDataCopy {
  generatedAt: string;
  privacyNoticeVersion: string;
  account: { mobile: string | null; createdAt: string };
  cases: {
    reference: string;
    type: string;
    state: string;
    filedAt: string;
    closedAt: string | null;
    personalDataErasedAt: string | null;
    applicantName: string | null;
    idNumberMasked: string | null;
    mobile: string | null;
    colour: string;
    codeAssignedAt: string;
    issuingProvinceCode: string;
    issuingUnitCode: string;
    statedReasonCode: string | null;
    grounds: string;
    statement: string;
    requestedOutcome: string;
    privacyNoticeVersion: string;
    withdrawalReason: string | null;
    secondReviewReason: string | null;
    evidence: { fileName: string; mimeType: string; sizeBytes: number; addedAt: string }[];
    questions: { askedAt: string; message: string; repliedAt: string | null; reply: string | null }[];
    decisions: { level: string; outcome: string; decidedAt: string; reasons: string }[];
  }[];
  dataRequests: {
    reference: string;
    kind: string;
    status: string;
    createdAt: string;
    dueAt: string;
    answer: string | null;
  }[];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export async function exportPersonalData(user: Actor, now = new Date()): Promise<PersonalDataCopy> {
  if (user.role !== 'CITIZEN' || !user.id) throw new Error('only a citizen has a personal data copy');
  const [account, cases, requests] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { mobile: true, createdAt: true } }),
    prisma.case.findMany({
      where: caseScopeWhere(user),
      orderBy: { filedAt: 'asc' },
      include: {
        evidence: { orderBy: { createdAt: 'asc' } },
        informationRequests: { orderBy: { requestedAt: 'asc' } },
        decisions: { orderBy: { decidedAt: 'asc' } },
      },
    }),
    prisma.dataRightsRequest.findMany({
      where: { citizenId: user.id },
      orderBy: { createdAt: 'asc' },
      include: { appealCase: { select: { reference: true } } },
    }),
  ]);
  const copy: PersonalDataCopy = {
    generatedAt: now.toISOString(),
    privacyNoticeVersion: CURRENT_PRIVACY_NOTICE.version,
    account: { mobile: account.mobile, createdAt: account.createdAt.toISOString() },
    cases: cases.map((row) => ({
      reference: row.reference,
      type: row.type,
      state: row.state,
      filedAt: row.filedAt.toISOString(),
      closedAt: iso(row.closedAt),
      personalDataErasedAt: iso(row.personalDataErasedAt),
      applicantName: row.applicantName,
      idNumberMasked: row.idNumberMasked,
      mobile: row.mobile,
      colour: row.colour,
      codeAssignedAt: row.codeAssignedAt.toISOString(),
      issuingProvinceCode: row.issuingProvinceCode,
      issuingUnitCode: row.issuingUnitCode,
      statedReasonCode: row.statedReasonCode,
      grounds: row.grounds,
      statement: row.statement,
      requestedOutcome: row.requestedOutcome,
      privacyNoticeVersion: row.privacyNoticeVersion,
      withdrawalReason: row.withdrawalReason,
      secondReviewReason: row.secondReviewReason,
      evidence: row.evidence
        .filter((file) => file.erasedAt === null)
        .map((file) => ({
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: file.sizeBytes,
          addedAt: file.createdAt.toISOString(),
        })),
      questions: row.informationRequests.map((request) => ({
        askedAt: request.requestedAt.toISOString(),
        message: request.message,
        repliedAt: iso(request.repliedAt),
        reply: request.replyText,
      })),
      decisions: row.decisions.map((decision) => ({
        level: decision.level,
        outcome: decision.outcome,
        decidedAt: decision.decidedAt.toISOString(),
        reasons: decision.reasons,
      })),
    })),
    dataRequests: requests.map((request) => ({
      reference: request.appealCase.reference,
      kind: request.kind,
      status: request.status,
      createdAt: request.createdAt.toISOString(),
      dueAt: request.dueAt.toISOString(),
      answer: request.answer,
    })),
  };
  await prisma.$transaction(async (tx) => {
    await appendNationalEvent(tx, user, {
      action: 'PERSONAL_DATA_EXPORTED',
      after: { cases: copy.cases.length, dataRequests: copy.dataRequests.length },
      occurredAt: now,
    });
  });
  return copy;
}
