// Decisions (SPEC §5): the first-level decision by the reviewer holding the case, and the second-level review by a
// supervisor who did not make the first decision. A decided case is never edited: a second-level decision is a new
// row that supersedes the first. A DOWNGRADED/REVOKED outcome writes a correction order to the outbox.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { Case, CodeColour, DecisionOutcome } from '@/lib/db/generated/client';
import type { Actor } from './actor';
import { changeCase, requireAssignee } from './case-change';
import {
  allowedSecondReviewOutcomes,
  colourAfter,
  decisionRuleRefusal,
  secondReviewChangesColour,
} from './decision-outcome';
import { RuleViolationError } from './errors';
import { parseInput } from './parse-input';
import { replyWindowClosedAt } from './resume-closed-reply-windows';
import { isWithinDeadline } from './within-deadline';
import { resumedDeadlineFields } from './review-case';
import { caseActionSchema, decideSchema } from './schemas';
import type { z } from 'zod';

/** Days after a first decision in which the citizen may ask for a second-level review. */
export const SECOND_REVIEW_WINDOW_DAYS = 15;

export type DecisionInput = z.output<typeof decideSchema>;

const CORRECTING: readonly DecisionOutcome[] = ['DOWNGRADED', 'REVOKED'];

async function checkDecisionRule(tx: TransactionClient, current: Case, input: DecisionInput): Promise<void> {
  const rule = await tx.reason.findUnique({
    where: { catalogueVersionId_code: { catalogueVersionId: current.catalogueVersionId, code: input.ruleCode } },
    select: { maxColour: true, validity: true },
  });
  if (!rule) throw new RuleViolationError('errors.ruleNotInCatalogue');
  const refusal = decisionRuleRefusal(rule, input.outcome, current.colour);
  if (refusal) throw new RuleViolationError(refusal);
}

/** The order the issuing province's health-code system must carry out (delivered by the integration worker). */
async function queueCorrectionOrder(
  tx: TransactionClient,
  current: Case,
  decisionId: string,
  outcome: DecisionOutcome,
  now: Date,
  fromColour: CodeColour = current.colour,
) {
  // A new order (after a second-level review) restarts effectuation: sent and confirmed refer to this order.
  await tx.case.update({
    where: { provinceCode_id: { provinceCode: current.provinceCode, id: current.id } },
    data: { correctionSentAt: null, correctionConfirmedAt: null },
  });
  await tx.outboxEvent.create({
    data: {
      // A code appeal is corrected where the code was issued; a recognition complaint where it was refused.
      provinceCode:
        current.type === 'RECOGNITION_COMPLAINT'
          ? (current.refusingProvinceCode ?? current.provinceCode)
          : current.issuingProvinceCode,
      kind: 'CORRECTION_ORDER',
      caseId: current.id,
      payload: {
        reference: current.reference,
        decisionId,
        issuingUnitCode: current.issuingUnitCode,
        fromColour,
        toColour: colourAfter(outcome, current.colour),
        codeAssignedAt: current.codeAssignedAt.toISOString(),
        orderedAt: now.toISOString(),
      },
    },
  });
}

export async function decideCase(actor: Actor, raw: unknown) {
  const input = parseInput(decideSchema, raw);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'DECIDE', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      requireAssignee(current, actor);
      let deadlineFields: Partial<ReturnType<typeof resumedDeadlineFields>> = {};
      if (current.state === 'AWAITING_CITIZEN') {
        // Deciding on the record is allowed only once the citizen's time to answer has run out (SPEC §7).
        const open = await tx.informationRequest.findFirst({
          where: { caseId: current.id, repliedAt: null },
          orderBy: { requestedAt: 'desc' },
        });
        if (open && isWithinDeadline(now, open.replyDueAt)) throw new RuleViolationError('errors.replyWindowOpen');
        // The clock runs again from the moment the window closed, not from this decision (§7).
        deadlineFields = resumedDeadlineFields(current, open ? replyWindowClosedAt(current, open.replyDueAt) : now);
      }
      await checkDecisionRule(tx, current, input);
      const secondReviewDeadlineAt = new Date(now.getTime() + SECOND_REVIEW_WINDOW_DAYS * 24 * 3600 * 1000);
      const correcting = CORRECTING.includes(input.outcome);
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
            },
          });
          if (correcting) await queueCorrectionOrder(innerTx, current, decision.id, input.outcome, now);
        },
        audit: {
          after: {
            outcome: input.outcome,
            ruleCode: input.ruleCode,
            correctionOrdered: correcting,
            // The same comparison as the decision row (decidedAt against deadlineAt, the deadline in force).
            withinDeadline: isWithinDeadline(now, deadlineFields.dueAt ?? current.dueAt),
          },
        },
        notifications: current.mobile
          ? [
              {
                channel: 'SMS',
                recipientMobile: current.mobile,
                template: 'CASE_DECIDED',
                params: { reference: current.reference },
              },
            ]
          : [],
      };
    },
  );
}

async function requireOtherThanFirstDecider(tx: TransactionClient, current: Case, actor: Actor): Promise<string> {
  const first = await tx.decision.findUnique({
    where: { provinceCode_caseId_level: { provinceCode: current.provinceCode, caseId: current.id, level: 'FIRST' } },
  });
  if (!first) throw new RuleViolationError('errors.illegalTransition');
  if (first.decidedById === actor.id) throw new RuleViolationError('errors.sameDecider');
  return first.id;
}

/** A supervisor of the case's province (or a national one) takes up a requested second-level review. */
export async function startSecondReview(actor: Actor, raw: unknown) {
  const input = parseInput(caseActionSchema, raw);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'START_SECOND_REVIEW', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      await requireOtherThanFirstDecider(tx, current, actor);
      return { data: { assigneeId: actor.id, assignedAt: now }, audit: { after: { assigneeId: actor.id } } };
    },
  );
}

export async function decideSecondReview(actor: Actor, raw: unknown) {
  const input = parseInput(decideSchema, raw);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'DECIDE_SECOND_REVIEW', expectedVersion: input.expectedVersion },
    async ({ tx, current, now }) => {
      const firstId = await requireOtherThanFirstDecider(tx, current, actor);
      if (current.assigneeId !== actor.id) throw new RuleViolationError('errors.notAssignee');
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
  );
}
