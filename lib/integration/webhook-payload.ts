// The JSON body of a webhook: an envelope around the outbox payload (schemas in schemas.ts). A correction order
// also names the province's own code assignment the appeal matched, so its system knows which record to change.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { OutboxKind } from '@/lib/db/generated/enums';

export interface OutboxEventForDelivery {
  id: string;
  provinceCode: string;
  kind: OutboxKind;
  caseId: string | null;
  payload: unknown;
  createdAt: Date;
}

function payloadObject(payload: unknown): Record<string, unknown> {
  return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
}

export async function buildWebhookBody(db: TransactionClient, event: OutboxEventForDelivery): Promise<string> {
  let data = payloadObject(event.payload);
  // Interim relief orders change the code too: the same order id and code assignment (SPEC §15).
  if (event.kind === 'CORRECTION_ORDER' || event.kind === 'INTERIM_RELIEF_ORDER') {
    // Found by id: the case may be held by another province than the one the order is addressed to.
    const appealCase = event.caseId
      ? await db.case.findFirst({
          where: { id: event.caseId },
          select: { reference: true, issuingProvinceCode: true, codeAssignmentId: true },
        })
      : null;
    // The matched assignment is a row of the issuing province's system (no foreign key: docs/scaling.md).
    const assignment = appealCase?.codeAssignmentId
      ? await db.codeAssignment.findUnique({
          where: { provinceCode_id: { provinceCode: appealCase.issuingProvinceCode, id: appealCase.codeAssignmentId } },
          select: { recordId: true, personPseudonym: true, provinceCode: true },
        })
      : null;
    data = {
      orderId: event.id,
      ...data,
      // Older rows may lack the reference; the case has it.
      reference: typeof data.reference === 'string' && data.reference ? data.reference : (appealCase?.reference ?? ''),
      codeAssignment:
        assignment && assignment.provinceCode === event.provinceCode
          ? { recordId: assignment.recordId, personPseudonym: assignment.personPseudonym }
          : null,
    };
  }
  return JSON.stringify({
    id: event.id,
    type: event.kind,
    provinceCode: event.provinceCode,
    createdAt: event.createdAt.toISOString(),
    data,
  });
}
