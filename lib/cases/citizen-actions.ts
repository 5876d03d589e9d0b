// What a citizen may do with their own case after filing (SPEC §5): withdraw before a decision, and ask for a
// second-level review within 15 days of the decision (its deadline counts working days from the versioned calendar).
import 'server-only';
import type { Actor } from './actor';
import { changeCase } from './case-change';
import { computeSecondReviewDeadline, storedDeadlineInputs } from './deadlines';
import { RuleViolationError } from './errors';
import { parseInput } from './parse-input';
import { requestSecondReviewSchema, withdrawSchema } from './schemas';
import { loadDeadlinePolicy, loadWorkingDayCalendar } from './load-deadline-rules';
import { withProvisionalYears } from './provisional-calendar';
import { supervisorNotices } from '@/lib/notifications/queue';

export async function withdrawCase(actor: Actor, raw: unknown) {
  const input = parseInput(withdrawSchema, raw);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'WITHDRAW', expectedVersion: input.expectedVersion },
    () => ({
      data: { closedAt: new Date(), pausedSince: null, withdrawalReason: input.reason ?? null },
    }),
  );
}

export async function requestSecondReview(actor: Actor, raw: unknown) {
  const input = parseInput(requestSecondReviewSchema, raw);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'REQUEST_SECOND_REVIEW', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      if (!current.secondReviewDeadlineAt || now > current.secondReviewDeadlineAt)
        throw new RuleViolationError('errors.secondReviewWindowClosed');
      const policy = await loadDeadlinePolicy(tx, current.provinceCode, now);
      const calendar = await loadWorkingDayCalendar(tx);
      const deadline = computeSecondReviewDeadline(policy, withProvisionalYears(calendar, now), now);
      return {
        data: {
          assigneeId: null,
          assignedAt: null,
          dueAt: deadline.dueAt,
          atRiskAt: deadline.atRiskAt,
          allowedMs: BigInt(deadline.allowedMs),
          pausedMs: 0n,
          pausedSince: null,
          deadlineInputs: storedDeadlineInputs(deadline.inputs),
          deadlineExplanation: deadline.explanation.zh,
          atRiskMarkedAt: null,
          overdueMarkedAt: null,
          secondReviewReason: input.reason,
        },
        audit: { after: { dueAt: deadline.dueAt.toISOString() } },
        notifications: (innerTx) =>
          supervisorNotices(innerTx, current.provinceCode, 'SECOND_REVIEW_REQUESTED', { reference: current.reference }),
      };
    },
  );
}
