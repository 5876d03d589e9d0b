// What a decision must respect (SPEC §3, §5): a rule of the case's catalogue version that allows the outcome, a
// second-level review by someone other than the first decider, and the window for asking for one.
import type { TransactionClient } from '@/lib/db/client';
import type { Case, DecisionOutcome } from '@/lib/db/generated/client';
import type { Actor } from '@/lib/auth/actor';
import { RuleViolationError } from '@/lib/core/errors';
import { enforce, secondReviewerRefusal } from './case-guards';
import { decisionRuleRefusal } from '@/lib/cases/rules/decision-outcome';
import type { decideSchema } from '@/lib/cases/forms/schemas';
import type { z } from 'zod';

export type DecisionInput = z.output<typeof decideSchema>;

export const CORRECTING: readonly DecisionOutcome[] = ['DOWNGRADED', 'REVOKED'];

export async function checkDecisionRule(
  tx: TransactionClient,
  current: Case,
  input: Pick<DecisionInput, 'outcome' | 'ruleCode'>,
): Promise<void> {
  const rule = await tx.reason.findUnique({
    where: { catalogueVersionId_code: { catalogueVersionId: current.catalogueVersionId, code: input.ruleCode } },
    select: { maxColour: true, validity: true },
  });
  if (!rule) throw new RuleViolationError('errors.ruleNotInCatalogue');
  const refusal = decisionRuleRefusal(rule, input.outcome, current.colour);
  if (refusal) throw new RuleViolationError(refusal);
}

export async function requireOtherThanFirstDecider(
  tx: TransactionClient,
  current: Case,
  actor: Actor,
): Promise<string> {
  const first = await tx.decision.findUnique({
    where: { provinceCode_caseId_level: { provinceCode: current.provinceCode, caseId: current.id, level: 'FIRST' } },
  });
  enforce(secondReviewerRefusal(actor, first?.decidedById ?? null));
  return first!.id;
}
