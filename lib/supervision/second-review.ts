// The second-level review queue and decision screen (SPEC §5): requested and started reviews in scope, never
// shown to the supervisor who made the first decision (the engine refuses them as well).
import 'server-only';
import { SECOND_REVIEW_STATES } from '@/lib/cases/rules/transitions';
import { canDecideSecondReview, canStartSecondReview } from '@/lib/cases/rules/case-guards';
import { explainStoredDeadline, type DeadlineExplanation } from '@/lib/cases/rules/deadlines';
import { CaseNotFoundError } from '@/lib/core/errors';
import { storedDeadlineIsProvisional } from '@/lib/cases/rules/provisional-calendar';
import { prisma, type Prisma } from '@/lib/db/client';
import type { CaseState, CaseType, CodeColour, DecisionOutcome, EvidenceKind } from '@/lib/db/generated/enums';
import {
  caseAppeal,
  caseIdentity,
  caseOrigin,
  type CaseAppeal,
  type CaseIdentity,
  type CaseOrigin,
  loadCaseRecord,
  recordDivisionNames,
  ruleNameOf,
  type CatalogueRule,
  type RuleName,
} from '@/lib/cases/views/case-record';
import { type Actor, caseScopeWhere } from '@/lib/auth/actor';

/** Cases whose first decision this supervisor made are not theirs to review. */
function notFirstDecider(scope: Actor): Prisma.CaseWhereInput {
  return { decisions: { none: { level: 'FIRST', decidedById: scope.id! } } };
}

export interface SecondReviewQueueRow {
  reference: string;
  state: CaseState;
  provinceCode: string;
  type: CaseType;
  colour: CodeColour;
  firstOutcome: DecisionOutcome | null;
  dueAt: Date;
  /** Counted through a year with no published working-day calendar (SPEC §18). */
  provisional: boolean;
  assigneeName: string | null;
  assignedToMe: boolean;
}

export async function listSecondReviewQueue(scope: Actor): Promise<SecondReviewQueueRow[]> {
  const rows = await prisma.case.findMany({
    where: { AND: [caseScopeWhere(scope), { state: { in: [...SECOND_REVIEW_STATES] } }, notFirstDecider(scope)] },
    orderBy: [{ dueAt: 'asc' }, { reference: 'asc' }],
    take: 500,
    select: {
      reference: true,
      state: true,
      provinceCode: true,
      type: true,
      colour: true,
      dueAt: true,
      deadlineInputs: true,
      assigneeId: true,
      assignee: { select: { displayName: true } },
      decisions: { where: { level: 'FIRST' }, select: { outcome: true } },
    },
  });
  return rows.map((row) => ({
    reference: row.reference,
    state: row.state,
    provinceCode: row.provinceCode,
    type: row.type,
    colour: row.colour,
    firstOutcome: row.decisions[0]?.outcome ?? null,
    dueAt: row.dueAt,
    provisional: storedDeadlineIsProvisional(row.deadlineInputs),
    assigneeName: row.assignee?.displayName ?? null,
    assignedToMe: row.assigneeId === scope.id,
  }));
}

export interface SecondReviewCase extends CaseIdentity, CaseOrigin, CaseAppeal {
  statedReason: RuleName | null;
  primaFacieOverreach: boolean;
  /** The citizen's reason for asking for a second-level review. */
  requestReason: string | null;
  firstDecision: {
    outcome: DecisionOutcome;
    ruleName: RuleName | null;
    ruleCode: string;
    reasons: string;
    decidedAt: Date;
    decidedByName: string;
  };
  secondDecision: { outcome: DecisionOutcome; reasons: string; decidedAt: Date } | null;
  evidence: { id: string; fileName: string; mimeType: string; sizeBytes: number; kind: EvidenceKind }[];
  dueAt: Date;
  deadline: DeadlineExplanation | null;
  assigneeName: string | null;
  assignedToMe: boolean;
  /** What the viewer may do now: the guards the use cases enforce (lib/cases/rules/case-guards.ts). */
  actions: { start: boolean; decide: boolean };
  /** Catalogue reasons the decision may rest on (the case's catalogue version). */
  rules: CatalogueRule[];
}

/** A case of the queue (or one decided already) by reference; outside scope, or for its first decider: not found. */
export async function getSecondReviewCase(scope: Actor, reference: string): Promise<SecondReviewCase> {
  const record = await loadCaseRecord(
    scope,
    { reference },
    { where: { AND: [{ state: { in: [...SECOND_REVIEW_STATES, 'FINAL'] } }, notFirstDecider(scope)] } },
  );
  const first = record?.first;
  if (!record || !first) throw new CaseNotFoundError();
  const { case: found, second } = record;
  const names = await recordDivisionNames(record);
  const deadline: DeadlineExplanation = explainStoredDeadline(found);
  return {
    ...caseIdentity(found),
    ...caseOrigin(record, names),
    statedReason: ruleNameOf(record, found.statedReasonCode),
    primaFacieOverreach: found.primaFacieOverreach,
    ...caseAppeal(found),
    requestReason: found.secondReviewReason,
    firstDecision: {
      outcome: first.outcome,
      ruleCode: first.ruleCode,
      ruleName: ruleNameOf(record, first.ruleCode),
      reasons: first.reasons,
      decidedAt: first.decidedAt,
      decidedByName: first.decidedBy.displayName,
    },
    secondDecision: second ? { outcome: second.outcome, reasons: second.reasons, decidedAt: second.decidedAt } : null,
    evidence: found.evidence.map(({ id, fileName, mimeType, sizeBytes, kind }) => ({
      id,
      fileName,
      mimeType,
      sizeBytes,
      kind,
    })),
    dueAt: found.dueAt,
    deadline,
    assigneeName: found.assignee?.displayName ?? null,
    assignedToMe: found.assigneeId === scope.id,
    actions: {
      start: canStartSecondReview(found, scope, first.decidedById),
      decide: canDecideSecondReview(found, scope, first.decidedById),
    },
    rules: record.rules,
  };
}
