// A reviewer claims a case from their province's pool (SPEC §6).
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { RuleViolationError } from '@/lib/core/errors';
import { caseActionSchema } from '@/lib/cases/forms/schemas';

/** A reviewer takes an unassigned case from their province's pool. */
export async function claimCase(actor: Actor, input: z.output<typeof caseActionSchema>, now = new Date()) {
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
    now,
  );
}
