// Correction orders are CORRECTION_ORDER rows of outbox_event (written by lib/cases/engine/correction-order.ts). A case has at most
// a first-level and a second-level order; the case's effectuation fields always describe the latest one.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { OutboxEvent } from '@/lib/db/generated/client';

export async function findLatestCorrectionOrder(db: TransactionClient, caseId: string): Promise<OutboxEvent | null> {
  return db.outboxEvent.findFirst({
    where: { caseId, kind: 'CORRECTION_ORDER' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}
