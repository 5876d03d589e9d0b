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
  if (event.kind === 'CORRECTION_ORDER') {
    const appealCase = event.caseId
      ? await db.case.findUnique({
          where: { id: event.caseId },
          select: { reference: true, codeAssignment: { select: { recordId: true, personPseudonym: true, provinceCode: true } } },
        })
      : null;
    const assignment = appealCase?.codeAssignment;
    data = {
      orderId: event.id,
      ...data,
      // Older rows may lack the reference; the case has it.
      reference: typeof data.reference === 'string' && data.reference ? data.reference : (appealCase?.reference ?? ''),
      codeAssignment:
        assignment && assignment.provinceCode === event.provinceCode ? { recordId: assignment.recordId, personPseudonym: assignment.personPseudonym } : null,
    };
  }
  return JSON.stringify({ id: event.id, type: event.kind, provinceCode: event.provinceCode, createdAt: event.createdAt.toISOString(), data });
}
