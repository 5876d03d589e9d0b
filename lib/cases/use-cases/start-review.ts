// The reviewer holding a case starts reviewing it (SPEC §5).
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase, requireAssignee } from '@/lib/cases/engine/case-change';
import { caseActionSchema } from '@/lib/cases/forms/schemas';

export async function startReview(actor: Actor, input: z.output<typeof caseActionSchema>, now = new Date()) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'START_REVIEW', expectedVersion: input.expectedVersion },
    ({ current }) => {
      requireAssignee(current, actor);
      return {};
    },
    now,
  );
}
