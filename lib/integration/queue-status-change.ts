// Writes a STATUS_CHANGED event to the outbox for the issuing province's system, inside the transaction that changes
// the case's state (so nothing is sent for a change that rolled back); a delivery cycle starts once it has committed,
// and the delivery worker sends whatever that misses.
// Deliveries can overtake each other (retries, several workers): `sequence`, the case's version after the change,
// lets the receiver put them back in order.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { Prisma, writeAtCommit, type TransactionClient } from '@/lib/db/client';
import type { Case, CaseState } from '@/lib/db/generated/client';
import { deliverAfterCommit } from './deliver-webhooks';
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
  const rows = changes
    .filter(({ updated, previousState }) => updated.state !== previousState)
    .map(({ updated, previousState }) => {
      const payload: StatusChangedPayload = {
        reference: updated.reference,
        previousState,
        state: updated.state,
        changedAt: changedAt.toISOString(),
        sequence: updated.version,
      };
      return Prisma.sql`(${randomUUID()}::uuid, ${updated.issuingProvinceCode}, 'STATUS_CHANGED', ${updated.id}::uuid,
        ${JSON.stringify(payload)}::jsonb)`;
    });
  if (rows.length === 0) return;
  // Nothing in the transaction reads them back: written in its last statement (lib/db/client.ts).
  const insert = Prisma.sql`INSERT INTO outbox_event (id, province_code, kind, case_id, payload) VALUES ${Prisma.join(rows)}`;
  await writeAtCommit(tx, insert);
  deliverAfterCommit(tx);
}
