// A reviewer claims a case from their province's pool (SPEC §6).
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { claimRefusal, enforce } from '@/lib/cases/rules/case-guards';
import { isExcluded } from '@/lib/cases/rules/reviewer-eligibility';
import { caseActionSchema } from '@/lib/cases/forms/schemas';

/** A reviewer takes an unassigned case from their province's pool. */
export async function claimCase(actor: Actor, input: z.output<typeof caseActionSchema>, now = new Date()) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'CLAIM', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      const excluded = !!actor.id && (await isExcluded(tx, current, actor.id));
      enforce(claimRefusal(current, actor, excluded));
      return { data: { assigneeId: actor.id, assignedAt: now }, audit: { after: { assigneeId: actor.id } } };
    },
    now,
  );
}
