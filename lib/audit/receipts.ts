// The receipt a citizen's filing confirmation and decision letter carry (SPEC §8): where the case's event sits in its
// audit chain (chain, sequence, event hash) and the published checkpoint covering it, if one does yet. Nothing
// personal: the event's contents stay in the database; the hash reveals nothing of them.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { AuditAction } from './actions';
import type { Receipt } from './checkpoint-signature.mjs';
import { getCheckpointStore } from './checkpoint-store';

export interface CaseReceipt extends Receipt {
  /** The first published checkpoint at or after the event, or null until the next one is published. */
  checkpoint: { seq: string; at: string; headHash: string } | null;
}

/**
 * The receipt of the latest `action` event of a case. Call it only with the id of a case the caller may see (the
 * pages pass the id of the case view their scoped query returned).
 */
export async function findCaseReceipt(
  visibleCaseId: string,
  action: AuditAction | readonly AuditAction[],
): Promise<CaseReceipt | null> {
  const event = await prisma.auditEvent.findFirst({
    where: { caseId: visibleCaseId, action: typeof action === 'string' ? action : { in: [...action] } },
    orderBy: { occurredAt: 'desc' },
    select: { chain: true, seq: true, hash: true },
  });
  if (!event) return null;
  const log = await getCheckpointStore().list(event.chain);
  const covering = log.find((checkpoint) => BigInt(checkpoint.seq) >= event.seq);
  return {
    chain: event.chain,
    seq: event.seq.toString(),
    hash: event.hash,
    checkpoint: covering ? { seq: covering.seq, at: covering.at, headHash: covering.headHash } : null,
  };
}
