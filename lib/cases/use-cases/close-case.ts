// Closing a decided case once the 15-day second-review window has passed without a request (SPEC §5):
// by a supervisor here, by the system in the deadline sweep.
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { RuleViolationError } from '@/lib/core/errors';
import { caseActionSchema } from '@/lib/cases/forms/schemas';

export async function closeCase(actor: Actor, input: z.output<typeof caseActionSchema>, now = new Date()) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'CLOSE', expectedVersion: input.expectedVersion },
    ({ current, now }) => {
      if (!current.secondReviewDeadlineAt || current.secondReviewDeadlineAt > now)
        throw new RuleViolationError('errors.closeTooEarly');
      return { data: { closedAt: now } };
    },
    now,
  );
}
