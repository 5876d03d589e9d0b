// The decision letter (决定书) of a citizen's case (SPEC §5): deciding authority and unit, applicant (masked as the
// pages show them), case, facts, rule, outcome, reasons, and the routes with their last dates computed by the Civil
// Code period rules. Read through the caller's scope: another person's case, or one not decided yet, is null (404).
import 'server-only';
import { caseScopeWhere, type Actor } from '@/lib/auth/scope';
import { prisma } from '@/lib/db/client';
import type { CodeColour } from '@/lib/db/generated/enums';
import { colourAfter } from '@/lib/cases/rules/decision-outcome';
import { decisionRoutes, secondReviewWindowEnd, type LegalPeriod } from '@/lib/cases/rules/legal-periods';
import { divisionNames } from '@/lib/reference/divisions';
import { loadWorkingDayCalendar } from '@/lib/reference/deadline-rules';
import {
  getCitizenCase,
  getCitizenDecisions,
  type CitizenDecisionsView,
  type DecisionView,
  type CitizenCaseView,
} from './citizen-queries';

const FACT_FIELDS = [
  'codeAssignedAt',
  'issuingProvinceName',
  'issuingUnitName',
  'refusingProvinceName',
  'statedReason',
  'grounds',
  'statement',
  'requestedOutcome',
] as const;

export interface LetterDecision extends DecisionView {
  /** The city or county unit of the person who decided (null for a national or province-level decider). */
  decidingUnitName: string | null;
  /** The code's colour once this decision is carried out. */
  colourAfter: CodeColour;
}

/** A period printed on the letter: its last day (24:00 of it ends the period) and whether it may still move. */
export interface LetterPeriod {
  endsAt: Date;
  provisional: boolean;
}

export interface DecisionLetterView extends Omit<CitizenDecisionsView, 'decisions'> {
  decisions: LetterDecision[];
  /** The province whose authority decides the case (and whose people's government hears reconsideration). */
  provinceName: string;
  applicant: { name: string | null; idNumberMasked: string | null };
  /** The code in dispute and what the applicant said and asked for, as the case page shows them. */
  facts: Pick<CitizenCaseView, (typeof FACT_FIELDS)[number]>;
  routes: {
    /** Only while the first-level decision is the one in force. */
    secondReview: LetterPeriod | null;
    reconsideration: LetterPeriod;
    litigation: LetterPeriod;
  };
}

const period = (value: LegalPeriod): LetterPeriod => ({ endsAt: value.endsAt, provisional: value.provisional });

export async function getDecisionLetter(
  user: Actor,
  caseId: string,
  now = new Date(),
): Promise<DecisionLetterView | null> {
  const [decided, filed] = await Promise.all([
    getCitizenDecisions(user, caseId, now),
    getCitizenCase(user, caseId, now),
  ]);
  if (!decided || !filed) return null;
  const row = await prisma.case.findFirst({
    where: { AND: [{ id: decided.caseId }, caseScopeWhere(user)] },
    select: {
      provinceCode: true,
      decisions: { select: { level: true, decidedBy: { select: { unitCode: true } } } },
    },
  });
  if (!row) return null;
  const provinceCode = row.provinceCode.trim();
  const unitOf = new Map(row.decisions.map((decision) => [decision.level, decision.decidedBy.unitCode]));
  const [names, calendar] = await Promise.all([
    divisionNames([provinceCode, ...[...unitOf.values()].filter((code): code is string => code !== null)]),
    loadWorkingDayCalendar(prisma),
  ]);
  const name = (code: string) => names.get(code) ?? code;
  const decisions = decided.decisions.map((decision) => {
    const unitCode = unitOf.get(decision.level) ?? null;
    return {
      ...decision,
      decidingUnitName: unitCode ? name(unitCode) : null,
      colourAfter: colourAfter(decision.outcome, decided.colour),
    };
  });
  const inForce = decisions[decisions.length - 1] as LetterDecision;
  const routes = decisionRoutes(calendar, inForce.decidedAt);
  return {
    ...decided,
    decisions,
    provinceName: name(provinceCode),
    applicant: { name: filed.applicantName, idNumberMasked: filed.idNumberMasked },
    facts: Object.fromEntries(FACT_FIELDS.map((field) => [field, filed[field]])) as DecisionLetterView['facts'],
    routes: {
      secondReview:
        inForce.level === 'FIRST' && decided.secondReviewDeadlineAt
          ? {
              // The stored end is the one the request is checked against; the flag follows the calendar as published now.
              endsAt: decided.secondReviewDeadlineAt,
              provisional: secondReviewWindowEnd(calendar, inForce.decidedAt).provisional,
            }
          : null,
      reconsideration: period(routes.reconsideration),
      litigation: period(routes.litigation),
    },
  };
}
