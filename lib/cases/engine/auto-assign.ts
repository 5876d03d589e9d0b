// Automatic routing of a pooled case to the least-loaded eligible reviewer (SPEC §6), inside the caller's transaction.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { applyCaseChange } from './case-change';
import { pickReviewer } from '@/lib/cases/rules/routing';

/**
 * Assigns a pooled case (state SUBMITTED) to the best eligible reviewer of its province inside the caller's
 * transaction; returns null (the case stays in the pool) when nobody is eligible.
 */
export async function autoAssign(
  tx: TransactionClient,
  pooled: Case,
  now: Date,
): Promise<{ case: Case; notificationIds: string[] } | null> {
  const reviewerId = await pickReviewer(tx, {
    provinceCode: pooled.provinceCode,
    caseId: pooled.id,
    issuingUnitCode: pooled.issuingUnitCode,
    now,
  });
  if (!reviewerId) return null;
  const outcome = await applyCaseChange(
    tx,
    SYSTEM_ACTOR,
    pooled,
    'ASSIGN',
    () => ({ data: { assigneeId: reviewerId, assignedAt: now }, audit: { after: { assigneeId: reviewerId } } }),
    now,
  );
  return { case: outcome.case, notificationIds: outcome.notificationIds };
}
