// What a decision does to the code (SPEC §3, §5): the colour each outcome leaves in force, the check of a decision
// against the reason catalogue, and the no-worsening rule of a second-level review the citizen asked for.
import type { CodeColour, DecisionOutcome, ReasonValidity } from '@/lib/db/generated/enums';

const RANK: Record<CodeColour, number> = { GREEN: 0, YELLOW: 1, RED: 2 };

/** The colour in force after a decision on a code of `codeColour`: kept, lowered to yellow, or green. */
export function colourAfter(outcome: DecisionOutcome, codeColour: CodeColour): CodeColour {
  if (outcome === 'REVOKED') return 'GREEN';
  if (outcome === 'DOWNGRADED') return 'YELLOW';
  return codeColour;
}

export interface CatalogueRule {
  maxColour: CodeColour | null;
  validity: ReasonValidity;
}

/**
 * Why a decision may not rest on this rule, or null when it may: a downgrade needs a red code; a decision that leaves
 * any colour but green needs a valid reason ("no reason stated" and non-epidemic reasons never are) and may not
 * leave a colour above the rule's maximum. Revoking (green) may cite any rule, including the invalid ones.
 */
export function decisionRuleRefusal(
  rule: CatalogueRule,
  outcome: DecisionOutcome,
  codeColour: CodeColour,
): string | null {
  if (outcome === 'DOWNGRADED' && codeColour !== 'RED') return 'errors.downgradeNeedsRed';
  const after = colourAfter(outcome, codeColour);
  if (after === 'GREEN') return null;
  if (rule.validity !== 'VALID' || rule.maxColour === null) return 'errors.ruleNotValidBasis';
  if (RANK[after] > RANK[rule.maxColour]) return 'errors.colourAboveRuleMaximum';
  return null;
}

/**
 * The outcomes a second-level review may choose (no reformatio in peius): keep the first decision's colour or a more
 * favourable one. Outcomes name the colour relative to the original code, so after a downgrade to yellow "keep the
 * first decision" is DOWNGRADED again, never UPHELD (which would restore red).
 */
export function allowedSecondReviewOutcomes(first: DecisionOutcome, codeColour: CodeColour): DecisionOutcome[] {
  const ceiling = RANK[colourAfter(first, codeColour)];
  const candidates: DecisionOutcome[] =
    codeColour === 'RED' ? ['UPHELD', 'DOWNGRADED', 'REVOKED'] : ['UPHELD', 'REVOKED'];
  return candidates.filter((outcome) => RANK[colourAfter(outcome, codeColour)] <= ceiling);
}

/** Whether a second-level outcome changes the colour the first decision left in force (then a new order is due). */
export function secondReviewChangesColour(
  first: DecisionOutcome,
  second: DecisionOutcome,
  codeColour: CodeColour,
): boolean {
  return colourAfter(first, codeColour) !== colourAfter(second, codeColour);
}
