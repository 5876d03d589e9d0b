// Assignment use cases (SPEC §6): automatic routing to the least-loaded eligible reviewer, a supervisor placing a
// pooled case, a reviewer claiming from the pool or releasing back to it.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import { SYSTEM_ACTOR, type Actor } from './actor';
import { applyCaseChange, changeCase, requireAssignee } from './case-change';
import { RuleViolationError } from './errors';
import { parseInput } from './parse-input';
import { pickReviewer } from './routing';
import { caseActionSchema } from './schemas';

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

/** Checks that a reviewer may hold this case: same province, active, not excluded from it. */
export async function requireEligibleReviewer(tx: TransactionClient, current: Case, reviewerId: string): Promise<void> {
  const reviewer = await tx.user.findFirst({
    where: {
      id: reviewerId,
      role: 'REVIEWER',
      active: true,
      provinceCode: current.provinceCode,
      exclusions: { none: { caseId: current.id } },
    },
    select: { id: true },
  });
  if (!reviewer) throw new RuleViolationError('errors.reviewerNotEligible');
}

/** A supervisor places a pooled case with a named reviewer of the case's province. */
export async function assignCase(actor: Actor, input: { caseId: string; expectedVersion: number; reviewerId: string }) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'ASSIGN', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      await requireEligibleReviewer(tx, current, input.reviewerId);
      return {
        data: { assigneeId: input.reviewerId, assignedAt: now },
        audit: { after: { assigneeId: input.reviewerId } },
      };
    },
  );
}

/** A reviewer takes an unassigned case from their province's pool. */
export async function claimCase(actor: Actor, raw: unknown) {
  const input = parseInput(caseActionSchema, raw);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'CLAIM', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      if (current.assigneeId) throw new RuleViolationError('errors.notInPool');
      if (!actor.id) throw new RuleViolationError('errors.reviewerNotEligible');
      const excluded = await tx.caseExclusion.findUnique({
        where: {
          provinceCode_caseId_reviewerId: {
            provinceCode: current.provinceCode,
            caseId: current.id,
            reviewerId: actor.id,
          },
        },
      });
      if (excluded) throw new RuleViolationError('errors.excludedReviewer');
      return { data: { assigneeId: actor.id, assignedAt: now }, audit: { after: { assigneeId: actor.id } } };
    },
  );
}

/** Back to the province pool, unassigned: by the reviewer holding it, or by a supervisor. */
export async function releaseCase(actor: Actor, input: { caseId: string; expectedVersion: number; reason?: string }) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'RELEASE', expectedVersion: input.expectedVersion },
    ({ current }) => {
      if (actor.role === 'REVIEWER') requireAssignee(current, actor);
      return {
        data: { assigneeId: null, assignedAt: null },
        audit: {
          before: { assigneeId: current.assigneeId },
          after: { assigneeId: null },
          reason: input.reason ?? null,
        },
      };
    },
  );
}
