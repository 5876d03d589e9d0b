// A supervisor places a pooled case with a named reviewer (SPEC §6).
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { requireEligibleReviewer } from '@/lib/cases/rules/reviewer-eligibility';

/** A supervisor places a pooled case with a named reviewer of the case's province. */
export async function assignCase(
  actor: Actor,
  input: { caseId: string; expectedVersion: number; reviewerId: string },
  now = new Date(),
) {
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
    now,
  );
}
