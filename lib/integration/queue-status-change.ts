// Writes a STATUS_CHANGED event to the outbox for the issuing province's system, inside the transaction that changes
// the case's state (so nothing is sent for a change that rolled back); the delivery worker sends it after commit.
// Deliveries can overtake each other (retries, several workers): `sequence`, the case's version after the change,
// lets the receiver put them back in order.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { Case, CaseState } from '@/lib/db/generated/client';
import type { StatusChangedPayload } from './outbox-payloads';

export async function queueStatusChangedEvent(
  tx: TransactionClient,
  updated: Pick<Case, 'id' | 'reference' | 'state' | 'issuingProvinceCode' | 'version'>,
  previousState: CaseState,
  changedAt: Date,
): Promise<void> {
  if (updated.state === previousState) return;
  await tx.outboxEvent.create({
    data: {
      provinceCode: updated.issuingProvinceCode,
      kind: 'STATUS_CHANGED',
      caseId: updated.id,
      payload: {
        reference: updated.reference,
        previousState,
        state: updated.state,
        changedAt: changedAt.toISOString(),
        sequence: updated.version,
      } satisfies StatusChangedPayload,
    },
  });
}
