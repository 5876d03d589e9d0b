// Automatic routing of a pooled case to the least-loaded eligible reviewer (SPEC §6), inside the caller's transaction.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { applyCaseChange, recordTransition, type TransitionAudit } from './case-change';
import { pickReviewer } from '@/lib/cases/rules/routing';
import { authoriseTransition } from '@/lib/cases/rules/transitions';

function assignmentAudit(reviewerId: string): TransitionAudit {
  return { after: { assigneeId: reviewerId } };
}

/**
 * Assigns a pooled case (state SUBMITTED) to the best eligible reviewer of its province inside the caller's
 * transaction; returns null (the case stays in the pool) when nobody is eligible.
 */
export async function autoAssign(tx: TransactionClient, pooled: Case, now: Date): Promise<Case | null> {
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
    () => ({ data: { assigneeId: reviewerId, assignedAt: now }, audit: assignmentAudit(reviewerId), picked: true }),
    now,
  );
  return outcome.case;
}

/**
 * A case being filed is assigned before its row is written (one UPDATE fewer on every filing): the reviewer is
 * picked first, and the case inserted with what autoAssign would have left it with (the assignment's state, assignee
 * and time, version 2). recordFilingAssignment then records the assignment as autoAssign does.
 */
export function filedAssigned(reviewerId: string, now: Date) {
  return {
    state: authoriseTransition('SUBMITTED', 'ASSIGN', SYSTEM_ACTOR.role),
    assigneeId: reviewerId,
    assignedAt: now,
    version: 2,
  };
}

/** The assignment of a case inserted already assigned (filedAssigned): from the pool, version 1, to its reviewer. */
export function recordFilingAssignment(tx: TransactionClient, assigned: Case, now: Date): Promise<void> {
  const pooled: Case = { ...assigned, state: 'SUBMITTED', version: 1, assigneeId: null, assignedAt: null };
  return recordTransition(
    tx,
    SYSTEM_ACTOR,
    'ASSIGN',
    pooled,
    assigned,
    { audit: assignmentAudit(assigned.assigneeId!), picked: true },
    now,
  );
}
