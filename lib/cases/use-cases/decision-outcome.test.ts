// SPEC §3, §5 on a real PostgreSQL: decisions are checked against the reason catalogue, and a second-level review the
// citizen asked for keeps the first decision or improves it, with correction orders that match the decision in force.
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import type { DecisionOutcome } from '@/lib/db/generated/enums';
import { freshCitizenAndReviewer, createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { requestSecondReview } from '@/lib/cases/use-cases/request-second-review';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { decideSecondReview } from '@/lib/cases/use-cases/decide-second-review';
import { startSecondReview } from '@/lib/cases/use-cases/start-second-review';
import { allowedSecondReviewOutcomes, colourAfter, decisionRuleRefusal } from '@/lib/cases/rules/decision-outcome';
import { RuleViolationError } from '@/lib/core/errors';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';

const db = () => getPrisma();
const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';

let citizen: TestUser;
let reviewer: TestUser;
let supervisor: TestUser;

async function inReview(colour: 'RED' | 'YELLOW' = 'RED') {
  const { case: filed } = await submitAppeal(citizen, validFiling({ colour }));
  return (await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version })).case;
}

async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RuleViolationError);
  return (error as RuleViolationError).messageKey;
}

async function snapshot(caseId: string) {
  const [row, decisions, outbox, events] = await Promise.all([
    db().case.findFirstOrThrow({ where: { id: caseId } }),
    db().decision.count({ where: { caseId } }),
    db().outboxEvent.count({ where: { caseId } }),
    db().auditEvent.count({ where: { caseId } }),
  ]);
  return { state: row.state, version: row.version, decisions, outbox, events };
}

/** Red code, first decision `first`, second-level review requested and taken up by the supervisor. */
async function inSecondReview(first: DecisionOutcome, ruleCode: string) {
  const started = await inReview('RED');
  const { case: decided } = await decideCase(reviewer, {
    caseId: started.id,
    expectedVersion: started.version,
    outcome: first,
    ruleCode,
    reasons: REASONS,
  });
  const { case: requested } = await requestSecondReview(citizen, {
    caseId: decided.id,
    reason: '我要求撤销赋码，请求复核。',
  });
  return (await startSecondReview(supervisor, { caseId: requested.id, expectedVersion: requested.version })).case;
}

function decideSecond(started: { id: string; version: number }, outcome: DecisionOutcome, ruleCode: string) {
  return decideSecondReview(supervisor, {
    caseId: started.id,
    expectedVersion: started.version,
    outcome,
    ruleCode,
    reasons: REASONS,
  });
}

async function correctionOrders(caseId: string) {
  const rows = await db().outboxEvent.findMany({
    where: { caseId, kind: 'CORRECTION_ORDER' },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => {
    const payload = row.payload as { fromColour: string; toColour: string };
    return `${payload.fromColour}→${payload.toColour}`;
  });
}

beforeEach(async () => {
  ({ citizen, reviewer } = await freshCitizenAndReviewer());
  supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
});

describe('decisions follow the reason catalogue (point 2)', () => {
  it.each([
    ['UPHELD', 'SPATIOTEMPORAL_COMPANION', 'errors.colourAboveRuleMaximum'],
    ['UPHELD', 'NON_EPIDEMIC', 'errors.ruleNotValidBasis'],
    ['UPHELD', 'NO_REASON_STATED', 'errors.ruleNotValidBasis'],
    ['DOWNGRADED', 'NON_EPIDEMIC', 'errors.ruleNotValidBasis'],
    ['DOWNGRADED', 'TEST_OVERDUE', 'errors.colourAboveRuleMaximum'],
  ] as const)('refuses %s of a red code on %s, changing nothing', async (outcome, ruleCode, messageKey) => {
    const started = await inReview('RED');
    const before = await snapshot(started.id);
    expect(
      await refusalOf(
        decideCase(reviewer, {
          caseId: started.id,
          expectedVersion: started.version,
          outcome,
          ruleCode,
          reasons: REASONS,
        }),
      ),
    ).toBe(messageKey);
    expect(await snapshot(started.id)).toEqual(before);
  });

  it.each([
    ['UPHELD', 'CLOSE_CONTACT'],
    ['DOWNGRADED', 'SPATIOTEMPORAL_COMPANION'],
    ['REVOKED', 'NON_EPIDEMIC'],
    ['REVOKED', 'NO_REASON_STATED'],
  ] as const)('accepts %s of a red code on %s', async (outcome, ruleCode) => {
    const started = await inReview('RED');
    const { case: decided } = await decideCase(reviewer, {
      caseId: started.id,
      expectedVersion: started.version,
      outcome,
      ruleCode,
      reasons: REASONS,
    });
    expect(decided.state).toBe('DECIDED');
  });

  it('applies to the second-level decision too', async () => {
    const started = await inSecondReview('UPHELD', 'CLOSE_CONTACT');
    expect(await refusalOf(decideSecond(started, 'UPHELD', 'MEDIUM_RISK_AREA'))).toBe('errors.colourAboveRuleMaximum');
  });
});

describe('a second-level review never worsens the first decision (point 1)', () => {
  it('after red → yellow, refuses "uphold red", and the yellow correction stands', async () => {
    const started = await inSecondReview('DOWNGRADED', 'SPATIOTEMPORAL_COMPANION');
    expect(await correctionOrders(started.id)).toEqual(['RED→YELLOW']);
    const before = await snapshot(started.id);
    expect(await refusalOf(decideSecond(started, 'UPHELD', 'CLOSE_CONTACT'))).toBe('errors.secondReviewWorsens');
    expect(await snapshot(started.id)).toEqual(before);
  });

  it('keeping the first decision (yellow) orders nothing new', async () => {
    const started = await inSecondReview('DOWNGRADED', 'SPATIOTEMPORAL_COMPANION');
    const { case: final } = await decideSecond(started, 'DOWNGRADED', 'SPATIOTEMPORAL_COMPANION');
    expect(final.state).toBe('FINAL');
    expect(await correctionOrders(started.id)).toEqual(['RED→YELLOW']);
  });

  it('improving yellow to green orders yellow → green (from the colour in force)', async () => {
    const started = await inSecondReview('DOWNGRADED', 'SPATIOTEMPORAL_COMPANION');
    await decideSecond(started, 'REVOKED', 'SPATIOTEMPORAL_COMPANION');
    expect(await correctionOrders(started.id)).toEqual(['RED→YELLOW', 'YELLOW→GREEN']);
  });

  it('after an upheld red code, a downgrade orders red → yellow', async () => {
    const started = await inSecondReview('UPHELD', 'CLOSE_CONTACT');
    await decideSecond(started, 'DOWNGRADED', 'CLOSE_CONTACT');
    expect(await correctionOrders(started.id)).toEqual(['RED→YELLOW']);
  });
});

describe('the rules themselves', () => {
  it('offers only the first decision or better', () => {
    expect(allowedSecondReviewOutcomes('UPHELD', 'RED')).toEqual(['UPHELD', 'DOWNGRADED', 'REVOKED']);
    expect(allowedSecondReviewOutcomes('DOWNGRADED', 'RED')).toEqual(['DOWNGRADED', 'REVOKED']);
    expect(allowedSecondReviewOutcomes('REVOKED', 'RED')).toEqual(['REVOKED']);
    expect(allowedSecondReviewOutcomes('UPHELD', 'YELLOW')).toEqual(['UPHELD', 'REVOKED']);
    expect(allowedSecondReviewOutcomes('REVOKED', 'YELLOW')).toEqual(['REVOKED']);
  });

  it('judges the colour a decision leaves against the rule', () => {
    expect(colourAfter('UPHELD', 'YELLOW')).toBe('YELLOW');
    expect(decisionRuleRefusal({ maxColour: 'YELLOW', validity: 'VALID' }, 'UPHELD', 'YELLOW')).toBeNull();
    expect(decisionRuleRefusal({ maxColour: 'YELLOW', validity: 'VALID' }, 'DOWNGRADED', 'YELLOW')).toBe(
      'errors.downgradeNeedsRed',
    );
    expect(decisionRuleRefusal({ maxColour: null, validity: 'NON_EPIDEMIC' }, 'REVOKED', 'RED')).toBeNull();
  });
});
