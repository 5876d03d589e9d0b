// One case as a supervisor sees it (SPEC §8, §12): what it is, where its deadline stands, who holds it, its
// decisions and correction, and its complete audit history. No personal data: no name, ID number or mobile.
import 'server-only';
import { explainStoredDeadline, type DeadlineExplanation } from '@/lib/cases/rules/deadlines';
import { CaseNotFoundError } from '@/lib/core/errors';
import { prisma } from '@/lib/db/client';
import type { DecisionLevel, DecisionOutcome } from '@/lib/db/generated/enums';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { canReassign } from '@/lib/cases/rules/case-guards';
import type { Actor } from '@/lib/auth/actor';
import { withAuditSubjects } from './audit-log';
import {
  caseIdentity,
  caseOrigin,
  type CaseIdentity,
  type CaseOrigin,
  loadCaseRecord,
  recordDivisionNames,
  ruleNameOf,
  type RuleName,
} from '@/lib/cases/views/case-record';
import type { AuditEventView } from './audit-sentence';

export interface ReviewerOption {
  id: string;
  name: string;
  unitCode: string | null;
  open: number;
  capacity: number;
}

export interface CaseDecisionSummary {
  level: DecisionLevel;
  outcome: DecisionOutcome;
  ruleCode: string;
  ruleName: RuleName | null;
  reasons: string;
  decidedAt: Date;
  deadlineAt: Date;
  decidedById: string;
  decidedByName: string;
}

export type CaseHistoryEvent = AuditEventView;

export interface SupervisedCase extends CaseIdentity, CaseOrigin {
  provinceCode: string;
  provinceName: string;
  statedReason: RuleName | null;
  primaFacieOverreach: boolean;
  filedAt: Date;
  dueAt: Date;
  pausedSince: Date | null;
  deadline: DeadlineExplanation | null;
  assigneeId: string | null;
  assigneeName: string | null;
  decisions: CaseDecisionSummary[];
  correctionSentAt: Date | null;
  correctionConfirmedAt: Date | null;
  /** The supervisor may move the case to another reviewer now. */
  canReassign: boolean;
  reviewerOptions: ReviewerOption[];
  history: CaseHistoryEvent[];
}

/** Active reviewers of a province who may hold this case (not excluded from it), least loaded first. */
export async function listReviewerOptions(provinceCode: string, caseId: string | null): Promise<ReviewerOption[]> {
  // The case's excluded reviewers first, on the case's shard: a subquery from app_user (a reference table) into case
  // data is refused by Citus (docs/scaling.md).
  const excluded = caseId
    ? (await prisma.caseExclusion.findMany({ where: { provinceCode, caseId }, select: { reviewerId: true } })).map(
        (exclusion) => exclusion.reviewerId,
      )
    : [];
  const reviewers = await prisma.user.findMany({
    where: { role: 'REVIEWER', active: true, provinceCode, id: { notIn: excluded } },
    select: { id: true, displayName: true, unitCode: true, capacity: true },
    orderBy: { displayName: 'asc' },
  });
  const load = await prisma.case.groupBy({
    by: ['assigneeId'],
    where: {
      assigneeId: { in: reviewers.map((r) => r.id) },
      state: { in: [...REVIEWER_LOAD_STATES] },
    },
    _count: { _all: true },
  });
  const openBy = new Map(load.map((row) => [row.assigneeId, row._count._all]));
  return reviewers
    .map((r) => ({
      id: r.id,
      name: r.displayName,
      unitCode: r.unitCode,
      open: openBy.get(r.id) ?? 0,
      capacity: r.capacity,
    }))
    .sort((a, b) => a.open - b.open || a.name.localeCompare(b.name));
}

/** A case in scope by its reference; any other reference is "not found". */
export async function getSupervisedCase(scope: Actor, reference: string): Promise<SupervisedCase> {
  const record = await loadCaseRecord(scope, { reference }, { history: true });
  if (!record) throw new CaseNotFoundError();
  const found = record.case;
  const mayReassign = canReassign(found, scope);
  const [names, reviewerOptions, history] = await Promise.all([
    recordDivisionNames(record),
    mayReassign ? listReviewerOptions(found.provinceCode, found.id) : Promise.resolve([]),
    // The history names people, never their ids.
    withAuditSubjects(
      record.events.map(({ chain, seq, occurredAt, action, actorRole, actorName, before, after, reason }) => ({
        chain,
        seq,
        occurredAt,
        action,
        actorRole,
        actorName,
        before,
        after,
        reason,
      })),
    ),
  ]);
  const deadline: DeadlineExplanation = explainStoredDeadline(found);
  return {
    ...caseIdentity(found),
    provinceCode: found.provinceCode,
    provinceName: names.get(found.provinceCode) ?? found.provinceCode,
    ...caseOrigin(record, names),
    statedReason: ruleNameOf(record, found.statedReasonCode),
    primaFacieOverreach: found.primaFacieOverreach,
    filedAt: found.filedAt,
    dueAt: found.dueAt,
    pausedSince: found.pausedSince,
    deadline,
    assigneeId: found.assigneeId,
    assigneeName: found.assignee?.displayName ?? null,
    decisions: found.decisions.map((d) => ({
      level: d.level,
      outcome: d.outcome,
      ruleCode: d.ruleCode,
      ruleName: ruleNameOf(record, d.ruleCode),
      reasons: d.reasons,
      decidedAt: d.decidedAt,
      deadlineAt: d.deadlineAt,
      decidedById: d.decidedById,
      decidedByName: d.decidedBy.displayName,
    })),
    correctionSentAt: found.correctionSentAt,
    correctionConfirmedAt: found.correctionConfirmedAt,
    canReassign: mayReassign,
    reviewerOptions,
    history,
  };
}
