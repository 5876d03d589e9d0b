// Correction orders are CORRECTION_ORDER rows of outbox_event (written by lib/cases/engine/correction-order.ts). A case has at most
// a first-level and a second-level order; the case's effectuation fields always describe the latest one.
import 'server-only';
import { Prisma, type TransactionClient } from '@/lib/db/client';
import type { OutboxEvent } from '@/lib/db/generated/client';

export async function findLatestCorrectionOrder(db: TransactionClient, caseId: string): Promise<OutboxEvent | null> {
  return db.outboxEvent.findFirst({
    where: { caseId, kind: 'CORRECTION_ORDER' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}

/**
 * `WITH orders AS MATERIALIZED (…)`: each case's latest correction order, unconfirmed and ordered at or before
 * `cutoff`, read before it is joined with its case. An order is addressed to the issuing province's system, which need
 * not hold the case, so the join is by case id (docs/scaling.md: one of the few cross-shard reads, board and
 * effectuation lists only). A case's orders all go to one province, so the newest-order check stays on one shard.
 */
export function unconfirmedCorrectionOrdersSql(cutoff: Date): Prisma.Sql {
  return Prisma.sql`
    WITH orders AS MATERIALIZED (
      SELECT o.id, o.case_id, o.province_code, o.created_at, o.delivered_at, o.status::text AS status, o.attempts, o.last_error
        FROM outbox_event o
       WHERE o.kind = 'CORRECTION_ORDER' AND o.confirmed_at IS NULL AND o.created_at <= ${cutoff}::timestamptz
         AND NOT EXISTS (SELECT 1 FROM outbox_event n
                          WHERE n.province_code = o.province_code AND n.case_id = o.case_id AND n.kind = 'CORRECTION_ORDER'
                            AND (n.created_at, n.id) > (o.created_at, o.id)))`;
}
