// The second-level decision (SPEC §5). A decided case is never edited: the second-level decision is a new row that
// supersedes the first; a changed DOWNGRADED/REVOKED outcome writes a new correction order.
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { queueCorrectionOrder } from '@/lib/cases/engine/correction-order';
import { RuleViolationError } from '@/lib/core/errors';
import { assigneeRefusal, enforce } from '@/lib/cases/rules/case-guards';
import { checkDecisionRule, requireOtherThanFirstDecider } from '@/lib/cases/rules/decision-rules';
import {
  allowedSecondReviewOutcomes,
  colourAfter,
  secondReviewChangesColour,
} from '@/lib/cases/rules/decision-outcome';
import { decideSchema } from '@/lib/cases/forms/schemas';

export async function decideSecondReview(actor: Actor, input: z.output<typeof decideSchema>, now = new Date()) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'DECIDE_SECOND_REVIEW', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      const firstId = await requireOtherThanFirstDecider(tx, current, actor);
      enforce(assigneeRefusal(current, actor));
      const first = await tx.decision.findUniqueOrThrow({
        where: { provinceCode_id: { provinceCode: current.provinceCode, id: firstId } },
      });
      // The citizen asked for this review: it keeps the first decision or improves on it, never worsens it (§5).
      if (!allowedSecondReviewOutcomes(first.outcome, current.colour).includes(input.outcome))
        throw new RuleViolationError('errors.secondReviewWorsens');
      await checkDecisionRule(tx, current, input);
      // A new order only when the colour in force changes, and from the colour the first decision left in force.
      const correcting = secondReviewChangesColour(first.outcome, input.outcome, current.colour);
      const colourInForce = colourAfter(first.outcome, current.colour);
      return {
        data: { closedAt: now },
        afterUpdate: async (innerTx) => {
          const decision = await innerTx.decision.create({
            data: {
              caseId: current.id,
              provinceCode: current.provinceCode,
              level: 'SECOND',
              outcome: input.outcome,
              ruleCode: input.ruleCode,
              reasons: input.reasons,
              decidedById: actor.id!,
              decidedAt: now,
              deadlineAt: current.dueAt,
              supersedesId: firstId,
            },
          });
          if (correcting) await queueCorrectionOrder(innerTx, current, decision.id, input.outcome, now, colourInForce);
        },
        audit: {
          before: { firstOutcome: first.outcome },
          after: { outcome: input.outcome, ruleCode: input.ruleCode, correctionOrdered: correcting },
        },
        notifications: current.mobile
          ? [
              {
                channel: 'SMS',
                recipientMobile: current.mobile,
                template: 'SECOND_REVIEW_DECIDED',
                params: { reference: current.reference },
              },
            ]
          : [],
      };
    },
    now,
  );
}
