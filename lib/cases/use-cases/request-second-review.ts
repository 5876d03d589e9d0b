// A citizen asks for a second-level review within 15 days of the decision (SPEC §5); its deadline counts working
// days from the versioned calendar.
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { computeSecondReviewDeadline, storedDeadlineInputs } from '@/lib/cases/rules/deadlines';
import { enforce, secondReviewRequestRefusal } from '@/lib/cases/rules/case-guards';
import { requestSecondReviewSchema } from '@/lib/cases/forms/schemas';
import { loadDeadlinePolicy, loadWorkingDayCalendar } from '@/lib/reference/deadline-rules';
import { withProvisionalYears } from '@/lib/cases/rules/provisional-calendar';
import { supervisorNotices } from '@/lib/notifications/queue';

export async function requestSecondReview(
  actor: Actor,
  input: z.output<typeof requestSecondReviewSchema>,
  now = new Date(),
) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'REQUEST_SECOND_REVIEW', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      enforce(secondReviewRequestRefusal(current.secondReviewDeadlineAt, now));
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
    now,
  );
}
