// A citizen asks for the contact number of one of their cases to be corrected, or for a closed case's personal data
// to be erased before the retention period (SPEC §17). The request is queued for the supervisors of the case's
// province with a deadline; another person's case is "not found" and nothing is written.
import 'server-only';
import type { z } from 'zod';
import { caseScopeWhere } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/actor';
import { appendAuditEvent } from '@/lib/audit/append';
import { CaseNotFoundError, ValidationError } from '@/lib/core/errors';
import { prisma } from '@/lib/db/client';
import { queueNotifications, supervisorNotices } from '@/lib/notifications/queue';
import { DATA_REQUEST_DAYS } from './retention-periods';
import { fileDataRequestSchema, type PrivacyErrorKey } from './schemas';

const refuse = (key: PrivacyErrorKey) => new ValidationError({ _form: key });

export async function fileDataRequest(actor: Actor, input: z.output<typeof fileDataRequestSchema>, now = new Date()) {
  if (actor.role !== 'CITIZEN' || !actor.id) throw new CaseNotFoundError();
  const citizenId = actor.id;
  return prisma.$transaction(async (tx) => {
    const [target] = await tx.case.findMany({ where: { AND: [caseScopeWhere(actor), { id: input.caseId }] }, take: 1 });
    if (!target) throw new CaseNotFoundError();
    // Serialises requests on the case, so two clicks cannot queue the same request twice.
    await tx.$queryRaw`SELECT id FROM appeal_case WHERE province_code = ${target.provinceCode} AND id = ${target.id}::uuid FOR UPDATE`;
    if (target.personalDataErasedAt) throw refuse('privacy.errors.alreadyErased');
    if (input.kind === 'ERASE_CASE' && !target.closedAt) throw refuse('privacy.errors.caseNotClosed');
    if (input.kind === 'CORRECT_CONTACT' && input.newMobile === target.mobile)
      throw refuse('privacy.errors.sameMobile');
    const pending = await tx.dataRightsRequest.count({
      where: { provinceCode: target.provinceCode, caseId: target.id, kind: input.kind, status: 'PENDING' },
    });
    if (pending > 0) throw refuse('privacy.errors.requestPending');
    const request = await tx.dataRightsRequest.create({
      data: {
        provinceCode: target.provinceCode,
        caseId: target.id,
        citizenId,
        kind: input.kind,
        newMobile: input.kind === 'CORRECT_CONTACT' ? input.newMobile : null,
        note: input.note ? input.note : null,
        dueAt: new Date(now.getTime() + DATA_REQUEST_DAYS * 86_400_000),
        createdAt: now,
      },
      select: { id: true, kind: true, dueAt: true, provinceCode: true, caseId: true },
    });
    await appendAuditEvent(tx, {
      chain: target.provinceCode,
      actorId: actor.id,
      actorRole: actor.role,
      caseId: target.id,
      action: 'DATA_REQUEST_FILED',
      after: { requestId: request.id, kind: request.kind, dueAt: request.dueAt.toISOString() },
      occurredAt: now,
    });
    const notices = await supervisorNotices(tx, target.provinceCode, 'DATA_REQUEST_FILED', {
      reference: target.reference,
    });
    await queueNotifications(tx, target.provinceCode, target.id, notices);
    return request;
  });
}
