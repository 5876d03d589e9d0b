// Supervisors move work between reviewers (SPEC §6): one case to a named reviewer, or every open case of a
// reviewer (e.g. one who left) redistributed by the routing rules in one audited action.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requireEligibleReviewer } from '@/lib/cases/rules/reviewer-eligibility';
import { applyCaseChange, changeCase } from '@/lib/cases/engine/case-change';
import { caseScopeWhere } from '@/lib/auth/actor';
import { CaseNotFoundError, ForbiddenActionError, RuleViolationError } from '@/lib/core/errors';
import { pickReviewer } from '@/lib/cases/rules/routing';
import { canTransition, REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';

export async function reassignCase(
  actor: Actor,
  input: { caseId: string; expectedVersion: number; reviewerId: string; reason?: string },
  now = new Date(),
) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'REASSIGN', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      if (current.assigneeId === input.reviewerId) throw new RuleViolationError('errors.reviewerNotEligible');
      await requireEligibleReviewer(tx, current, input.reviewerId);
      return {
        data: { assigneeId: input.reviewerId, assignedAt: now },
        audit: {
          before: { assigneeId: current.assigneeId },
          after: { assigneeId: input.reviewerId },
          reason: input.reason ?? null,
        },
      };
    },
    now,
  );
}

export interface BulkReassignResult {
  reassigned: number;
  /** Back in the pool: nobody else was eligible. */
  pooled: number;
  /** Left where they were: waiting on the citizen with nobody else eligible. */
  unchanged: number;
}

/** Every open case of `fromReviewerId` (within the supervisor's scope) goes to the next eligible reviewer, or the pool. */
export async function reassignAllOpenCases(
  actor: Actor,
  input: { fromReviewerId: string; reason: string },
  now = new Date(),
): Promise<BulkReassignResult> {
  if (actor.role !== 'SUPERVISOR') throw new ForbiddenActionError('REASSIGN');
  return prisma.$transaction(
    async (tx) => {
      const cases = await tx.case.findMany({
        where: {
          AND: [caseScopeWhere(actor), { assigneeId: input.fromReviewerId, state: { in: [...REVIEWER_LOAD_STATES] } }],
        },
        // Province by province (each audit chain head is then taken once, in the same order as the sweep takes them),
        // earliest deadline first within a province.
        orderBy: [{ provinceCode: 'asc' }, { dueAt: 'asc' }],
      });
      const result: BulkReassignResult = { reassigned: 0, pooled: 0, unchanged: 0 };
      for (const current of cases) {
        const reviewerId = await pickReviewer(tx, {
          provinceCode: current.provinceCode,
          caseId: current.id,
          issuingUnitCode: current.issuingUnitCode,
          now,
          excludeIds: [input.fromReviewerId],
        });
        const audit = {
          before: { assigneeId: current.assigneeId },
          after: { assigneeId: reviewerId },
          reason: input.reason,
        };
        if (reviewerId) {
          await applyCaseChange(
            tx,
            actor,
            current,
            'REASSIGN',
            () => ({ data: { assigneeId: reviewerId, assignedAt: now }, audit, picked: true }),
            now,
          );
          result.reassigned += 1;
        } else if (canTransition(current.state, 'RELEASE')) {
          await applyCaseChange(
            tx,
            actor,
            current,
            'RELEASE',
            () => ({ data: { assigneeId: null, assignedAt: null }, audit }),
            now,
          );
          result.pooled += 1;
        } else {
          result.unchanged += 1;
        }
      }
      return result;
    },
    { timeout: 60_000 },
  );
}

/** A reviewer outside the supervisor's scope is "not found", like a case outside it. */
async function requireReviewerInScope(actor: Actor, reviewerId: string): Promise<void> {
  const reviewer = await prisma.user.findFirst({
    where: { id: reviewerId, role: 'REVIEWER', ...(actor.provinceCode ? { provinceCode: actor.provinceCode } : {}) },
    select: { id: true },
  });
  if (!reviewer) throw new CaseNotFoundError();
}

/** The supervision console's "move all of a reviewer's cases": the reviewer must be in the supervisor's scope. */
export async function reassignReviewerCases(
  actor: Actor,
  input: { fromReviewerId: string; reason: string },
): Promise<BulkReassignResult> {
  if (actor.role !== 'SUPERVISOR') throw new ForbiddenActionError('REASSIGN');
  await requireReviewerInScope(actor, input.fromReviewerId);
  return reassignAllOpenCases(actor, input);
}
