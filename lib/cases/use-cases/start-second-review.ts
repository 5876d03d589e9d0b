// A supervisor who did not make the first decision takes up a requested second-level review (SPEC §5).
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { requireOtherThanFirstDecider } from '@/lib/cases/rules/decision-rules';
import { caseActionSchema } from '@/lib/cases/forms/schemas';

/** A supervisor of the case's province (or a national one) takes up a requested second-level review. */
export async function startSecondReview(actor: Actor, input: z.output<typeof caseActionSchema>, now = new Date()) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'START_SECOND_REVIEW', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      await requireOtherThanFirstDecider(tx, current, actor);
      return { data: { assigneeId: actor.id, assignedAt: now }, audit: { after: { assigneeId: actor.id } } };
    },
    now,
  );
}
