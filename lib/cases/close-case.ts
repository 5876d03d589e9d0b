// Closing a decided case once the 15-day second-review window has passed without a request (SPEC §5):
// by a supervisor here, by the system in the deadline sweep.
import 'server-only';
import type { Actor } from './actor';
import { changeCase } from './case-change';
import { RuleViolationError } from './errors';
import { parseInput } from './parse-input';
import { caseActionSchema } from './schemas';

export async function closeCase(actor: Actor, raw: unknown) {
  const input = parseInput(caseActionSchema, raw);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'CLOSE', expectedVersion: input.expectedVersion },
    ({ current, now }) => {
      if (!current.secondReviewDeadlineAt || current.secondReviewDeadlineAt > now)
        throw new RuleViolationError('errors.closeTooEarly');
      return { data: { closedAt: now } };
    },
  );
}
