// Reads for the citizen's pages (SPEC §4, §5, §13): the filing choices, the citizen's own cases, one case with its
// timeline, evidence and questions, and its decisions. Every case read starts from caseScopeWhere, so another person's
// case is simply not found; results are small plain objects with no staff names and no internal fields.
import 'server-only';
import { z } from 'zod';
import { caseScopeWhere, type Actor } from '@/lib/auth/actor';
import { maskMobile } from '@/lib/auth/mobile';
import { prisma } from '@/lib/db/client';
import type {
  CaseState,
  CaseType,
  CodeColour,
  DecisionLevel,
  DecisionOutcome,
  EvidenceKind,
} from '@/lib/db/generated/enums';
import {
  deadlineStatus,
  explainDeadline,
  readDeadlineInputs,
  type DeadlineExplanation,
  type DeadlineStatus,
} from '@/lib/cases/rules/deadlines';
import { OPEN_STATES } from '@/lib/cases/rules/transitions';
import { canRequestSecondReview, canWithdraw } from '@/lib/cases/rules/case-guards';
import { listProvinces, listUnits, provinceName } from '@/lib/reference/divisions';
import {
  caseAppeal,
  caseIdentity,
  caseOrigin,
  loadCaseRecord,
  recordDivisionNames,
  ruleOf,
  type CaseAppeal,
  type CaseIdentity,
  type CaseOrigin,
} from './case-record';
import { isProvisionalDeadline } from '@/lib/cases/rules/provisional-calendar';

/** The privacy notice the filing form shows; its version is recorded on every case filed with it. */
export const PRIVACY_NOTICE_VERSION = '2026-01';

const provinceCode = z.string().regex(/^\d{2}$/);

export interface Choice {
  code: string;
  name: string;
}

export interface ReasonChoice {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface FilingChoices {
  provinces: Choice[];
  /** Reasons of the catalogue in force that can be named as a basis ("no reason stated" is its own answer). */
  reasons: ReasonChoice[];
  privacyNoticeVersion: string;
}

export async function getFilingChoices(): Promise<FilingChoices> {
  const [provinces, catalogue] = await Promise.all([
    listProvinces(),
    prisma.reasonCatalogueVersion.findFirst({
      orderBy: { version: 'desc' },
      select: {
        reasons: {
          where: { validity: { not: 'NO_REASON' } },
          orderBy: { sortOrder: 'asc' },
          select: { code: true, nameZh: true, nameEn: true },
        },
      },
    }),
  ]);
  return {
    provinces,
    reasons: catalogue?.reasons ?? [],
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
  };
}

export interface CityChoice extends Choice {
  counties: Choice[];
}

/** A province's prefecture-level cities, each with its counties and districts (the possible issuing units). */
export async function listIssuingUnits(province: string): Promise<CityChoice[]> {
  if (!provinceCode.safeParse(province).success) return [];
  const rows = await listUnits(province, 'code');
  const provinceRow = { name: await provinceName(province) };
  const cities = rows
    .filter((row) => row.level === 'CITY')
    // Municipalities list their districts under a placeholder city ("市辖区"/"县"): name it after the municipality.
    .map((row) => ({
      code: row.code,
      name: /^(市辖区|县|省直辖县级行政区划)$/.test(row.name) ? (provinceRow?.name ?? row.name) : row.name,
      counties: [] as Choice[],
    }));
  const byCode = new Map(cities.map((city) => [city.code, city]));
  for (const row of rows) {
    if (row.level === 'COUNTY' && row.parentCode)
      byCode.get(row.parentCode)?.counties.push({ code: row.code, name: row.name });
  }
  return cities;
}

/** The mobile number the citizen signed in with (the filing form's default contact number). */
export async function getCitizenMobile(user: Actor): Promise<string | null> {
  if (user.role !== 'CITIZEN' || !user.id) return null;
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { mobile: true } });
  return row?.mobile ?? null;
}

export interface CitizenCaseListRow {
  id: string;
  reference: string;
  type: CaseType;
  state: CaseState;
  filedAt: Date;
  dueAt: Date;
  /** A question from the reviewer waits for the citizen's answer. */
  needsReply: boolean;
}

export async function listCitizenCases(user: Actor): Promise<CitizenCaseListRow[]> {
  const rows = await prisma.case.findMany({
    where: caseScopeWhere(user),
    orderBy: { filedAt: 'desc' },
    take: 100,
    select: { id: true, reference: true, type: true, state: true, filedAt: true, dueAt: true },
  });
  return rows.map((row) => ({ ...row, needsReply: row.state === 'AWAITING_CITIZEN' }));
}

/** What the citizen reads in the timeline: audit actions in plain words, never who did them or internal detail. */
export const TIMELINE_KINDS = [
  'FILED',
  'ASSIGNED',
  'RETURNED_TO_POOL',
  'TRANSFERRED',
  'REVIEW_STARTED',
  'INFORMATION_REQUESTED',
  'CITIZEN_REPLIED',
  'OVERDUE',
  'DECIDED',
  'CORRECTION_SENT',
  'CORRECTION_CONFIRMED',
  'WITHDRAWN',
  'SECOND_REVIEW_REQUESTED',
  'SECOND_REVIEW_STARTED',
  'SECOND_REVIEW_DECIDED',
  'CLOSED',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const TIMELINE_OF_ACTION: Readonly<Record<string, TimelineKind>> = {
  CASE_FILED: 'FILED',
  CASE_ASSIGNED: 'ASSIGNED',
  CASE_CLAIMED: 'ASSIGNED',
  CASE_REASSIGNED: 'ASSIGNED',
  CASE_RELEASED: 'RETURNED_TO_POOL',
  CASE_TRANSFERRED: 'TRANSFERRED',
  REVIEW_STARTED: 'REVIEW_STARTED',
  INFORMATION_REQUESTED: 'INFORMATION_REQUESTED',
  CITIZEN_REPLIED: 'CITIZEN_REPLIED',
  DEADLINE_OVERDUE: 'OVERDUE',
  CASE_DECIDED: 'DECIDED',
  CORRECTION_ORDERED: 'CORRECTION_SENT',
  CORRECTION_CONFIRMED: 'CORRECTION_CONFIRMED',
  CASE_WITHDRAWN: 'WITHDRAWN',
  SECOND_REVIEW_REQUESTED: 'SECOND_REVIEW_REQUESTED',
  SECOND_REVIEW_STARTED: 'SECOND_REVIEW_STARTED',
  SECOND_REVIEW_DECIDED: 'SECOND_REVIEW_DECIDED',
  CASE_CLOSED: 'CLOSED',
};

export interface TimelineEntry {
  kind: TimelineKind;
  at: Date;
}

export interface CaseDeadlineView {
  dueAt: Date;
  status: DeadlineStatus;
  paused: boolean;
  /** Time left before the deadline: frozen where the clock stopped while paused; negative once overdue. */
  timeLeftMs: number;
  /** Why it is due when it is, in both languages (from the stored inputs). */
  explanation: DeadlineExplanation;
  /** The stage the deadline belongs to. */
  stage: 'FIRST_DECISION' | 'SECOND_REVIEW';
  /** Counted through a year with no published working-day calendar: may still move (SPEC §18). */
  provisional: boolean;
}

export interface EvidenceView {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  kind: EvidenceKind;
  addedAt: Date;
}

export interface InformationRequestView {
  id: string;
  message: string;
  requestedAt: Date;
  replyDueAt: Date;
  replyText: string | null;
  repliedAt: Date | null;
}

export interface CitizenCaseView extends CaseIdentity, CaseOrigin, CaseAppeal {
  filedAt: Date;
  codeAssignedAt: Date;
  statedReason: ReasonChoice | null;
  applicantName: string | null;
  idNumberMasked: string | null;
  mobileMasked: string | null;
  /** Null once the case no longer waits on anyone (decided, closed, withdrawn). */
  deadline: CaseDeadlineView | null;
  timeline: TimelineEntry[];
  evidence: EvidenceView[];
  requests: InformationRequestView[];
  /** The open question the citizen may answer now, if any. */
  openRequestId: string | null;
  decided: boolean;
  correctionSentAt: Date | null;
  correctionConfirmedAt: Date | null;
  canWithdraw: boolean;
  canRequestSecondReview: boolean;
  secondReviewDeadlineAt: Date | null;
}

function deadlineView(
  row: { state: CaseState; dueAt: Date; atRiskAt: Date; pausedSince: Date | null; deadlineInputs: unknown },
  now: Date,
): CaseDeadlineView | null {
  if (!OPEN_STATES.includes(row.state)) return null;
  const inputs = readDeadlineInputs(row.deadlineInputs);
  const { status, timeLeftMs } = deadlineStatus(row, now);
  return {
    dueAt: row.dueAt,
    status,
    paused: row.pausedSince !== null,
    timeLeftMs,
    explanation: explainDeadline(inputs, row.dueAt),
    stage:
      row.state === 'SECOND_REVIEW_REQUESTED' || row.state === 'IN_SECOND_REVIEW' ? 'SECOND_REVIEW' : 'FIRST_DECISION',
    provisional: isProvisionalDeadline(inputs),
  };
}

/** One of the citizen's own cases, or null (another person's case, or no such case: the page answers 404). */
export async function getCitizenCase(user: Actor, caseId: string, now = new Date()): Promise<CitizenCaseView | null> {
  const record = await loadCaseRecord(user, { id: caseId }, { history: true });
  if (!record) return null;
  const row = record.case;
  const names = await recordDivisionNames(record);
  const openRequest =
    row.state === 'AWAITING_CITIZEN'
      ? [...row.informationRequests].reverse().find((request) => request.repliedAt === null)
      : undefined;
  return {
    ...caseIdentity(row),
    filedAt: row.filedAt,
    codeAssignedAt: row.codeAssignedAt,
    ...caseOrigin(record, names),
    statedReason: ruleOf(record, row.statedReasonCode),
    ...caseAppeal(row),
    applicantName: row.applicantName,
    idNumberMasked: row.idNumberMasked,
    mobileMasked: row.mobile ? maskMobile(row.mobile) : null,
    deadline: deadlineView(row, now),
    timeline: record.events.flatMap((event) => {
      const kind = TIMELINE_OF_ACTION[event.action];
      return kind ? [{ kind, at: event.occurredAt }] : [];
    }),
    evidence: row.evidence.map((file) => ({ ...file, addedAt: file.createdAt })),
    // No staff ids: the question, its window and the citizen's answer.
    requests: row.informationRequests.map(({ id, message, requestedAt, replyDueAt, replyText, repliedAt }) => ({
      id,
      message,
      requestedAt,
      replyDueAt,
      replyText,
      repliedAt,
    })),
    openRequestId: openRequest?.id ?? null,
    decided: row.decidedAt !== null,
    correctionSentAt: row.correctionSentAt,
    correctionConfirmedAt: row.correctionConfirmedAt,
    canWithdraw: canWithdraw(row, user),
    canRequestSecondReview: canRequestSecondReview(row, user, row.secondReviewDeadlineAt, now),
    secondReviewDeadlineAt: row.secondReviewDeadlineAt,
  };
}

export interface DecisionView {
  level: DecisionLevel;
  outcome: DecisionOutcome;
  rule: ReasonChoice;
  reasons: string;
  decidedAt: Date;
}

export interface CitizenDecisionsView {
  caseId: string;
  reference: string;
  version: number;
  type: CaseType;
  state: CaseState;
  colour: CodeColour;
  filedAt: Date;
  /** First-level decision first, then the second-level one that supersedes it (when there is one). */
  decisions: DecisionView[];
  secondReviewDeadlineAt: Date | null;
  canRequestSecondReview: boolean;
  secondReviewRequestedAt: Date | null;
  /** Deadline of a second-level review under way. */
  secondReviewDueAt: Date | null;
}

/** The decision page of one of the citizen's own cases; null when the case is not theirs or has no decision yet. */
export async function getCitizenDecisions(
  user: Actor,
  caseId: string,
  now = new Date(),
): Promise<CitizenDecisionsView | null> {
  const record = await loadCaseRecord(user, { id: caseId }, { history: true });
  if (!record || record.case.decisions.length === 0) return null;
  const row = record.case;
  const request = record.events.findLast((event) => event.action === 'SECOND_REVIEW_REQUESTED');
  const underReview = row.state === 'SECOND_REVIEW_REQUESTED' || row.state === 'IN_SECOND_REVIEW';
  return {
    caseId: row.id,
    reference: row.reference,
    version: row.version,
    type: row.type,
    state: row.state,
    colour: row.colour,
    filedAt: row.filedAt,
    decisions: row.decisions.map((decision) => ({
      level: decision.level,
      outcome: decision.outcome,
      rule: ruleOf(record, decision.ruleCode) ?? {
        code: decision.ruleCode,
        nameZh: decision.ruleCode,
        nameEn: decision.ruleCode,
      },
      reasons: decision.reasons,
      decidedAt: decision.decidedAt,
    })),
    secondReviewDeadlineAt: row.secondReviewDeadlineAt,
    canRequestSecondReview: canRequestSecondReview(row, user, row.secondReviewDeadlineAt, now),
    secondReviewRequestedAt: request?.occurredAt ?? null,
    secondReviewDueAt: underReview ? row.dueAt : null,
  };
}
