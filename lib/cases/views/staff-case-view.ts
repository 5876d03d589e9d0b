// The case screen's read for staff (SPEC §5–§8, §10): one case through the caller's scope, as a plain object with
// what a reviewer needs to decide (statement, evidence, the province's code record, deadline with its explanation,
// questions and answers, decisions, the audit history) and the ID number only in its masked form.
import 'server-only';
import { z } from 'zod';
import { maskMobile } from '@/lib/auth/mobile';
import type { Actor } from '@/lib/auth/actor';
import type { AuditAction } from '@/lib/audit/actions';
import { prisma } from '@/lib/db/client';
import type { CaseState, CodeColour, DecisionLevel, DecisionOutcome, EvidenceKind } from '@/lib/db/generated/enums';
import {
  deadlineStatus,
  explainStoredDeadline,
  type DeadlineExplanation,
  type DeadlineStatus,
} from '@/lib/cases/rules/deadlines';
import {
  canClaim,
  canDecide,
  canRelease,
  canRequestInformation,
  canRevealIdentity,
  canStartReview,
  canTransfer,
} from '@/lib/cases/rules/case-guards';
import { isExcluded } from '@/lib/cases/rules/reviewer-eligibility';
import { listProvinces } from '@/lib/reference/divisions';
import {
  caseAppeal,
  caseIdentity,
  loadCaseRecord,
  recordDivisionNames,
  ruleOf,
  type CaseAppeal,
  type CaseIdentity,
  type CatalogueRule,
} from './case-record';
import { storedDeadlineIsProvisional } from '@/lib/cases/rules/provisional-calendar';
import { isWithinDeadline } from '@/lib/cases/rules/within-deadline';

export interface NamedCode {
  code: string;
  name: string | null;
}

export type { CatalogueRule };

export interface HistoryEntry {
  at: Date;
  action: AuditAction;
  actorRole: string;
  actorName: string | null;
  fromState: CaseState | null;
  toState: CaseState | null;
  /** Written reason (transfer, release); never personal data (SPEC §8). */
  reason: string | null;
  outcome: DecisionOutcome | null;
  fromProvince: string | null;
  toProvince: string | null;
  assigneeName: string | null;
}

/** What the viewer may do now: the transitions table for their role, plus "only the reviewer holding the case". */
export interface CaseActionsAvailable {
  claim: boolean;
  startReview: boolean;
  requestInformation: boolean;
  decide: boolean;
  transfer: boolean;
  release: boolean;
  revealIdentity: boolean;
  /** Awaiting the citizen: deciding on the record opens when the reply window closes. */
  decideOpensAt: Date | null;
}

export interface StaffCaseView extends CaseIdentity, CaseAppeal {
  provinceCode: string;
  applicantName: string | null;
  idNumberMasked: string | null;
  mobileMasked: string | null;
  codeAssignedAt: Date;
  issuingProvince: NamedCode;
  issuingUnit: NamedCode;
  refusingProvince: NamedCode | null;
  statedReason: CatalogueRule | null;
  catalogueVersion: number;
  overreach: boolean;
  overreachReason: string | null;
  filedAt: Date;
  assignee: { id: string; name: string } | null;
  assignedToViewer: boolean;
  deadline: {
    dueAt: Date;
    atRiskAt: Date;
    pausedSince: Date | null;
    status: DeadlineStatus;
    timeLeftMs: number;
    explanation: DeadlineExplanation;
    /** Counted through a year with no published working-day calendar (SPEC §18). */
    provisional: boolean;
  };
  codeAssignment: {
    recordId: string;
    colour: CodeColour;
    reasonCode: string;
    reason: CatalogueRule | null;
    assignedAt: Date;
    issuingUnit: NamedCode;
    receivedAt: Date;
  } | null;
  evidence: {
    id: string;
    kind: EvidenceKind;
    fileName: string;
    mimeType: string;
    sizeBytes: number;
    createdAt: Date;
  }[];
  informationRequests: {
    id: string;
    message: string;
    requestedAt: Date;
    requestedBy: string | null;
    replyDueAt: Date;
    replyText: string | null;
    repliedAt: Date | null;
  }[];
  decisions: {
    id: string;
    level: DecisionLevel;
    outcome: DecisionOutcome;
    rule: CatalogueRule | { code: string; nameZh: null; nameEn: null };
    reasons: string;
    decidedBy: string;
    decidedAt: Date;
    withinDeadline: boolean;
  }[];
  correction: { sentAt: Date | null; confirmedAt: Date | null };
  /** The rules a decision may rest on: the catalogue version of this case (old cases keep theirs). */
  rules: CatalogueRule[];
  /** Where a misrouted case may be transferred (empty unless the viewer may transfer it). */
  transferProvinces: NamedCode[];
  history: HistoryEntry[];
  actions: CaseActionsAvailable;
}

const STAFF_ROLES = new Set(['REVIEWER', 'SUPERVISOR']);

const auditSummary = z
  .object({
    state: z.string().optional(),
    outcome: z.string().optional(),
    provinceCode: z.string().optional(),
    assigneeId: z.string().nullable().optional(),
  })
  .catch({});

/** The case as the caller may see it, or null when it does not exist or lies outside their scope (the page says 404). */
export async function getStaffCaseView(user: Actor, caseId: string, now = new Date()): Promise<StaffCaseView | null> {
  if (!STAFF_ROLES.has(user.role)) return null;
  const record = await loadCaseRecord(user, { id: caseId }, { history: true });
  if (!record) return null;
  const { case: found, codeAssignment, events, rules } = record;

  const summaries = events.map((event) => ({
    before: auditSummary.parse(event.before ?? {}),
    after: auditSummary.parse(event.after ?? {}),
  }));
  // Names of the people the history and the questions name besides the actors (the history's loader names those).
  const peopleIds = new Set<string>();
  for (const { after } of summaries) if (after.assigneeId) peopleIds.add(after.assigneeId);
  for (const request of found.informationRequests) peopleIds.add(request.requestedById);
  const [people, divisions] = await Promise.all([
    prisma.user
      .findMany({ where: { id: { in: [...peopleIds] } }, select: { id: true, displayName: true, role: true } })
      .then(
        (rows) =>
          // Citizens appear by role only: their names stay on the case, out of the history.
          new Map(rows.map((person) => [person.id, person.role === 'CITIZEN' ? null : person.displayName])),
      ),
    recordDivisionNames(record),
  ]);
  const named = (code: string): NamedCode => ({ code, name: divisions.get(code) ?? null });
  const province = (code: string | undefined): string | null => (code ? (divisions.get(code) ?? code) : null);

  const rule = (code: string | null) => ruleOf(record, code);
  const status = deadlineStatus(found, now);
  const openRequest = found.informationRequests.find((request) => request.repliedAt === null) ?? null;
  const mine = found.assigneeId !== null && found.assigneeId === user.id;
  const openReplyDueAt = openRequest?.replyDueAt ?? null;
  const excluded = canClaim(found, user, false) && (await isExcluded(prisma, found, user.id!));
  const mayTransfer = canTransfer(found, user);
  const transferProvinces = mayTransfer
    ? (await listProvinces()).filter((province) => province.code !== found.provinceCode)
    : [];

  return {
    ...caseIdentity(found),
    provinceCode: found.provinceCode,
    applicantName: found.applicantName,
    idNumberMasked: found.idNumberMasked,
    mobileMasked: found.mobile ? maskMobile(found.mobile) : null,
    codeAssignedAt: found.codeAssignedAt,
    issuingProvince: named(`${found.issuingProvinceCode}0000`),
    issuingUnit: named(found.issuingUnitCode),
    refusingProvince: found.refusingProvinceCode ? named(`${found.refusingProvinceCode}0000`) : null,
    statedReason: rule(found.statedReasonCode),
    catalogueVersion: found.catalogueVersion.version,
    ...caseAppeal(found),
    overreach: found.primaFacieOverreach,
    overreachReason: found.overreachReason,
    filedAt: found.filedAt,
    assignee: found.assignee ? { id: found.assignee.id, name: found.assignee.displayName } : null,
    assignedToViewer: mine,
    deadline: {
      dueAt: found.dueAt,
      atRiskAt: found.atRiskAt,
      pausedSince: found.pausedSince,
      status: status.status,
      timeLeftMs: status.timeLeftMs,
      explanation: explainStoredDeadline(found),
      provisional: storedDeadlineIsProvisional(found.deadlineInputs),
    },
    codeAssignment: codeAssignment
      ? {
          ...codeAssignment,
          reason: rule(codeAssignment.reasonCode),
          issuingUnit: named(codeAssignment.issuingUnitCode),
        }
      : null,
    evidence: found.evidence,
    informationRequests: found.informationRequests.map((request) => ({
      id: request.id,
      message: request.message,
      requestedAt: request.requestedAt,
      requestedBy: people.get(request.requestedById) ?? null,
      replyDueAt: request.replyDueAt,
      replyText: request.replyText,
      repliedAt: request.repliedAt,
    })),
    decisions: found.decisions.map((decision) => ({
      id: decision.id,
      level: decision.level,
      outcome: decision.outcome,
      rule: rule(decision.ruleCode) ?? { code: decision.ruleCode, nameZh: null, nameEn: null },
      reasons: decision.reasons,
      decidedBy: decision.decidedBy.displayName,
      decidedAt: decision.decidedAt,
      withinDeadline: isWithinDeadline(decision.decidedAt, decision.deadlineAt),
    })),
    correction: { sentAt: found.correctionSentAt, confirmedAt: found.correctionConfirmedAt },
    rules,
    transferProvinces: transferProvinces.map((division) => ({ code: division.code.slice(0, 2), name: division.name })),
    history: events.map((event, index) => {
      const { before, after } = summaries[index]!;
      return {
        at: event.occurredAt,
        action: event.action as AuditAction,
        actorRole: event.actorRole,
        actorName: event.actorName,
        fromState: (before.state as CaseState | undefined) ?? null,
        toState: after.state && after.state !== before.state ? (after.state as CaseState) : null,
        reason: event.reason,
        outcome: (after.outcome as DecisionOutcome | undefined) ?? null,
        fromProvince: after.provinceCode ? province(before.provinceCode) : null,
        toProvince: after.provinceCode ? province(after.provinceCode) : null,
        assigneeName: after.assigneeId ? (people.get(after.assigneeId) ?? null) : null,
      };
    }),
    actions: {
      claim: canClaim(found, user, excluded),
      startReview: canStartReview(found, user),
      requestInformation: canRequestInformation(found, user),
      decide: canDecide(found, user, now, openReplyDueAt),
      transfer: mayTransfer,
      release: mine && canRelease(found, user),
      revealIdentity: found.idNumberCipher !== null && canRevealIdentity(found, user),
      // Deciding waits only on the citizen's reply window: it opens when the window closes.
      decideOpensAt:
        !canDecide(found, user, now, openReplyDueAt) && canDecide(found, user, now, null) ? openReplyDueAt : null,
    },
  };
}
