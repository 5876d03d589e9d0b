// A supervisor answers a citizen's data request (SPEC §17): completing it corrects the case's contact number or
// erases the case's personal data at once; refusing it gives the reason. The change, the answer and their audit events
// commit together; the citizen is told in the app and by SMS. Outside the supervisor's province: "not found".
import 'server-only';
import type { z } from 'zod';
import { appendAuditEvent } from '@/lib/audit/append';
import type { Actor } from '@/lib/auth/actor';
import { CaseNotFoundError, ValidationError } from '@/lib/core/errors';
import { prisma } from '@/lib/db/client';
import { queueNotifications, type NotificationDraft } from '@/lib/notifications/queue';
import { eraseCasePersonalData } from './erase-case';
import { answerDataRequestSchema, type PrivacyErrorKey } from './schemas';

const refuse = (key: PrivacyErrorKey) => new ValidationError({ _form: key });

/** The requests a supervisor may see and answer: their province's, or every one for a national supervisor. */
export function dataRequestScope(actor: Actor): { provinceCode?: string } | null {
  if (actor.role !== 'SUPERVISOR') return null;
  return actor.provinceCode ? { provinceCode: actor.provinceCode } : {};
}

export async function answerDataRequest(
  actor: Actor,
  input: z.output<typeof answerDataRequestSchema>,
  now = new Date(),
) {
  const scope = dataRequestScope(actor);
  if (!scope) throw new CaseNotFoundError();
  return prisma.$transaction(async (tx) => {
    const request = await tx.dataRightsRequest.findFirst({ where: { ...scope, id: input.requestId } });
    if (!request) throw new CaseNotFoundError();
    const [target] = await tx.$queryRaw<
      { reference: string; mobile: string | null; closed_at: Date | null; erased_at: Date | null; citizen_id: string }[]
    >`SELECT reference, mobile, closed_at, personal_data_erased_at AS erased_at, citizen_id::text
        FROM appeal_case WHERE province_code = ${request.provinceCode} AND id = ${request.caseId}::uuid FOR UPDATE`;
    if (!target) throw new CaseNotFoundError();
    // Re-read under the case lock: a second supervisor answering at the same moment finds it answered.
    const fresh = await tx.dataRightsRequest.findUniqueOrThrow({
      where: { provinceCode_id: { provinceCode: request.provinceCode, id: request.id } },
      select: { status: true },
    });
    if (fresh.status !== 'PENDING') throw refuse('privacy.errors.alreadyAnswered');

    const completing = input.outcome === 'COMPLETED';
    let smsTo = target.mobile;
    if (completing && request.kind === 'ERASE_CASE') {
      if (target.erased_at) throw refuse('privacy.errors.alreadyErased');
      if (!target.closed_at) throw refuse('privacy.errors.caseNotClosed');
      await eraseCasePersonalData(
        tx,
        { caseId: request.caseId, provinceCode: request.provinceCode },
        {
          actor: { id: actor.id, role: actor.role },
          reason: `data request ${request.id}`,
          now,
          audit: { requestId: request.id },
        },
      );
    } else if (completing && request.kind === 'CORRECT_CONTACT') {
      if (target.erased_at || !request.newMobile) throw refuse('privacy.errors.alreadyErased');
      await tx.case.update({
        where: { provinceCode_id: { provinceCode: request.provinceCode, id: request.caseId } },
        data: { mobile: request.newMobile, version: { increment: 1 } },
      });
      smsTo = request.newMobile;
    }
    await tx.dataRightsRequest.update({
      where: { provinceCode_id: { provinceCode: request.provinceCode, id: request.id } },
      data: { status: input.outcome, answer: input.answer, answeredAt: now, answeredById: actor.id },
    });
    await appendAuditEvent(tx, {
      chain: request.provinceCode,
      actorId: actor.id,
      actorRole: actor.role,
      caseId: request.caseId,
      action: 'DATA_REQUEST_ANSWERED',
      before: { status: 'PENDING' },
      after: { requestId: request.id, kind: request.kind, status: input.outcome },
      occurredAt: now,
    });
    // The SMS carries no reference and is not tied to the case, so an erased case keeps no number through it.
    const drafts: NotificationDraft[] = [
      { channel: 'IN_APP', recipientUserId: target.citizen_id, template: 'DATA_REQUEST_ANSWERED', params: {} },
    ];
    await queueNotifications(tx, request.provinceCode, null, [
      ...drafts,
      ...(smsTo
        ? [{ channel: 'SMS' as const, recipientMobile: smsTo, template: 'DATA_REQUEST_ANSWERED' as const, params: {} }]
        : []),
    ]);
    return { id: request.id, status: input.outcome };
  });
}
