// Writes a STATUS_CHANGED event to the outbox for the issuing province's system, inside the transaction that changes
// the case's state (so nothing is sent for a change that rolled back); the delivery worker sends it after commit.
// Deliveries can overtake each other (retries, several workers): `sequence`, the case's version after the change,
// lets the receiver put them back in order.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { Case, CaseState } from '@/lib/db/generated/client';
import type { StatusChangedPayload } from './outbox-payloads';

type StatusChange = {
  updated: Pick<Case, 'id' | 'reference' | 'state' | 'issuingProvinceCode' | 'version'>;
  previousState: CaseState;
};

export async function queueStatusChangedEvent(
  tx: TransactionClient,
  updated: StatusChange['updated'],
  previousState: CaseState,
  changedAt: Date,
): Promise<void> {
  await queueStatusChangedEvents(tx, [{ updated, previousState }], changedAt);
}

/** The events of many changes in one statement (a group action on a mass incident). */
export async function queueStatusChangedEvents(
  tx: TransactionClient,
  changes: readonly StatusChange[],
  changedAt: Date,
): Promise<void> {
  const data = changes
    .filter(({ updated, previousState }) => updated.state !== previousState)
    .map(({ updated, previousState }) => ({
      provinceCode: updated.issuingProvinceCode,
      kind: 'STATUS_CHANGED' as const,
      caseId: updated.id,
      payload: {
        reference: updated.reference,
        previousState,
        state: updated.state,
        changedAt: changedAt.toISOString(),
        sequence: updated.version,
      } satisfies StatusChangedPayload,
    }));
  if (data.length > 0) await tx.outboxEvent.createMany({ data });
}
