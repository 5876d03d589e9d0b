// The first-level decision by the reviewer holding the case (SPEC §5), and the plan a group finding reuses (§16). A
// DOWNGRADED/REVOKED outcome writes a correction order to the outbox; interim relief in force is made permanent or
// reverted (§15).
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase, requireAssignee, type CaseChange, type CaseChangeContext } from '@/lib/cases/engine/case-change';
import { queueCorrectionOrder } from '@/lib/cases/engine/correction-order';
import { endOpenRelief } from '@/lib/cases/engine/interim-relief';
import { endCauseOfDecision } from '@/lib/cases/rules/interim-relief';
import type { NotificationDraft } from '@/lib/notifications/queue';
import { enforce, replyWindowRefusal } from '@/lib/cases/rules/case-guards';
import { resumedDeadlineFields } from '@/lib/cases/rules/clock-fields';
import { CORRECTING, checkDecisionRule } from '@/lib/cases/rules/decision-rules';
import { secondReviewWindowEnd } from '@/lib/cases/rules/legal-periods';
import { loadWorkingDayCalendar } from '@/lib/reference/deadline-rules';
import { decideSchema } from '@/lib/cases/forms/schemas';
import { isWithinDeadline } from '@/lib/cases/rules/within-deadline';
import { replyWindowClosedAt } from '@/lib/cases/use-cases/resume-closed-reply-windows';

/** What a first-level decision records: the outcome, the catalogue rule it rests on, the written reasons. */
export type DecisionFinding = Pick<z.output<typeof decideSchema>, 'outcome' | 'ruleCode' | 'reasons'>;

/**
 * The change a first-level decision makes to one case (the decision row, the correction order, interim relief, the
 * audit summary and the citizen's SMS): the one plan behind a reviewer's decision and each case of a group finding on
 * a mass incident (lib/incidents/decide-incident.ts), which names its incident on the decision row and in the audit
 * event.
 */
export function planFirstDecision(
  actor: Actor,
  input: DecisionFinding,
  incident: { id: string } | null = null,
): (context: CaseChangeContext) => Promise<CaseChange<undefined>> {
  return async ({ tx, current, now }) => {
    let deadlineFields: Partial<ReturnType<typeof resumedDeadlineFields>> = {};
    if (current.state === 'AWAITING_CITIZEN') {
      // Deciding on the record is allowed only once the citizen's time to answer has run out (SPEC §7).
      const open = await tx.informationRequest.findFirst({
        where: { caseId: current.id, repliedAt: null },
        orderBy: { requestedAt: 'desc' },
      });
      enforce(replyWindowRefusal(current, now, open?.replyDueAt ?? null));
      // The clock runs again from the moment the window closed, not from this decision (§7).
      deadlineFields = resumedDeadlineFields(current, open ? replyWindowClosedAt(current, open.replyDueAt) : now);
    }
    await checkDecisionRule(tx, current, input);
    // 15 days counted as the letter prints them (Civil Code periods), not 15×24 hours.
    const secondReviewDeadlineAt = secondReviewWindowEnd(await loadWorkingDayCalendar(tx), now).endsAt;
    const correcting = CORRECTING.includes(input.outcome);
    let reliefNotifications: NotificationDraft[] = [];
    return {
      data: { ...deadlineFields, decidedAt: now, secondReviewDeadlineAt },
      afterUpdate: async (innerTx, updated) => {
        const decision = await innerTx.decision.create({
          data: {
            caseId: current.id,
            provinceCode: current.provinceCode,
            level: 'FIRST',
            outcome: input.outcome,
            ruleCode: input.ruleCode,
            reasons: input.reasons,
            decidedById: actor.id!,
            decidedAt: now,
            deadlineAt: updated.dueAt,
            incidentId: incident?.id ?? null,
          },
        });
        if (correcting) await queueCorrectionOrder(innerTx, current, decision.id, input.outcome, now);
        // The decision makes interim relief in force permanent or reverts it (SPEC §15).
        reliefNotifications = await endOpenRelief(
          innerTx,
          actor,
          current,
          endCauseOfDecision(input.outcome),
          now,
          decision.id,
        );
      },
      audit: {
        after: {
          outcome: input.outcome,
          ruleCode: input.ruleCode,
          correctionOrdered: correcting,
          // The same comparison as the decision row (decidedAt against deadlineAt, the deadline in force).
          withinDeadline: isWithinDeadline(now, deadlineFields.dueAt ?? current.dueAt),
          ...(incident ? { incidentId: incident.id } : {}),
        },
      },
      notifications: async () => [
        ...(current.mobile
          ? [
              {
                channel: 'SMS' as const,
                recipientMobile: current.mobile,
                template: 'CASE_DECIDED' as const,
                params: { reference: current.reference },
              },
            ]
          : []),
        ...reliefNotifications,
      ],
    };
  };
}

export async function decideCase(actor: Actor, input: z.output<typeof decideSchema>, now = new Date()) {
  const plan = planFirstDecision(actor, input);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'DECIDE', expectedVersion: input.expectedVersion },
    (context) => {
      requireAssignee(context.current, actor);
      return plan(context);
    },
    now,
  );
}
