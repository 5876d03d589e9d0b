// About 200 demo cases in every state, spread over the last ~10 days (closed ones a little longer ago), with their
// decisions, information requests, correction orders and audit history. Deadlines, overreach and reference numbers come
// from the case rules in lib/cases. Planning is pure (seeded PRNG + "now"); writing is one transaction per province.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient, TransactionClient } from '@/lib/db/client';
import {
  AppealGround,
  CaseState,
  CaseType,
  CodeColour,
  DecisionLevel,
  DecisionOutcome,
  DeliveryStatus,
  OutboxKind,
  ReasonValidity,
  RequestedOutcome,
  Role,
} from '@/lib/db/generated/enums';
import { appendAuditEvent, type AuditInput } from '@/lib/audit/append';
import { canonicalJson } from '@/lib/audit/canonical';
import {
  computeCitizenReplyDeadline,
  computeFirstDecisionDeadline,
  computeSecondReviewDeadline,
  firstDecisionHours,
  type ComputedDeadline,
  type EffectiveDeadlinePolicy,
  storedDeadlineInputs,
} from '@/lib/cases/rules/deadlines';
import { loadDeadlinePolicy, loadWorkingDayCalendar } from '@/lib/reference/deadline-rules';
import { assessOverreach } from '@/lib/cases/rules/overreach';
import { formatReference, formatShanghaiDay } from '@/lib/cases/rules/reference';
import type { WorkingDayCalendar } from '@/lib/cases/rules/working-days';
import { withProvisionalYears } from '@/lib/cases/rules/provisional-calendar';
import { SECOND_REVIEW_PATH_STATES } from '@/lib/cases/rules/transitions';
import { sealIdNumber } from '@/lib/pii/id-number';
import { DEMO_PROVINCES, DEMO_STAFF } from './demo-accounts';
import {
  DECISION_REASONS,
  FAMILY_NOTE,
  HOUSEHOLDS,
  INFORMATION_REQUESTS,
  ISSUING_UNITS,
  PROVINCE_NAMES,
  RELEASE_REASONS,
  REPLIES,
  SECOND_REVIEW_REASONS,
  STATEMENTS,
  WITHDRAWAL_REASONS,
  type DecisionReasonKey,
  type DemoPerson,
} from './demo-content';
import {
  COLOUR_ZH,
  draftCase,
  findReason,
  firstReasonKey,
  ruleCodeFor,
  TARGET_COLOUR,
  type Draft,
} from './demo-scenarios';
import {
  DAY,
  HOUR,
  MINUTE,
  planTimeline,
  SECOND,
  SECOND_REVIEW_WINDOW_MS,
  seconds,
  sweepMarks,
  type SweepMarks,
} from './demo-timeline';
import { buildIdNumber } from './id-numbers';
import { createRandom, type Random } from './random';
import { CATALOGUE_VERSION, REASONS_V1 } from './reference-data';

/** Seed of the PRNG: the same demo on every run, apart from "now". */
const SEED = 20_261_127;
const PRIVACY_NOTICE_VERSION = '2026-01';

/** How many demo cases of each state (200 in all). */
export const DEMO_STATE_COUNTS: Record<CaseState, number> = {
  SUBMITTED: 24,
  ASSIGNED: 18,
  IN_REVIEW: 26,
  AWAITING_CITIZEN: 16,
  DECIDED: 30,
  SECOND_REVIEW_REQUESTED: 12,
  IN_SECOND_REVIEW: 10,
  FINAL: 18,
  CLOSED: 30,
  WITHDRAWN: 16,
};

/** Who and what the cases point at, loaded from the database before planning. */
export interface SeedDirectory {
  reviewersByProvince: Map<string, { id: string; unitCode: string | null }[]>;
  supervisorByProvince: Map<string, string>;
  nationalSupervisorId: string;
  citizenIdByMobile: Map<string, string>;
  policyByProvince: Map<string, EffectiveDeadlinePolicy>;
  calendar: WorkingDayCalendar;
  catalogueVersionId: number;
}

// ───────────────────────────── time in Asia/Shanghai

const shanghaiFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(date: Date): { year: string; month: string; day: string; hour: string; minute: string } {
  const parts = Object.fromEntries(shanghaiFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** `11-27 09:00` */
function shortTime(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `11月27日` */
function chineseDate(date: Date): string {
  const p = shanghaiParts(date);
  return `${Number(p.month)}月${Number(p.day)}日`;
}

// ───────────────────────────── planning

export interface PlannedEvent extends AuditInput {
  occurredAt: Date;
  /** Tie-break for events at the same instant: the order of steps within the case. */
  step: number;
}

export interface PlannedCase {
  provinceCode: string;
  data: Prisma.CaseCreateManyInput;
  informationRequests: Prisma.InformationRequestCreateManyInput[];
  firstDecision: Prisma.DecisionCreateManyInput | null;
  secondDecision: Prisma.DecisionCreateManyInput | null;
  outbox: Prisma.OutboxEventCreateManyInput[];
  events: PlannedEvent[];
}

export interface DemoPlan {
  cases: PlannedCase[];
  counters: { provinceCode: string; day: string; lastValue: number }[];
  lastAssignedAt: Map<string, Date>;
}

function idNumberOf(person: DemoPerson): string {
  return buildIdNumber({
    areaCode: person.areaCode,
    birthDate: person.birthDate,
    sequence: person.idSequence,
    male: person.male,
  });
}

/** Every raw ID number the demo uses (tests prove none of them is stored or audited in the clear). */
export function listDemoIdNumbers(): string[] {
  return HOUSEHOLDS.flatMap((h) => h.people.map(idNumberOf));
}

function payloadHashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** Plans every demo case; pure apart from encrypting ID numbers (random IVs). */
export function planDemoCases(directory: SeedDirectory, now: Date): DemoPlan {
  const rng = createRandom(SEED);
  const states = (Object.entries(DEMO_STATE_COUNTS) as [CaseState, number][]).flatMap(([state, count]) =>
    Array<CaseState>(count).fill(state),
  );
  const drafts = states.map((state, index) =>
    draftCase(index, state, DEMO_PROVINCES[index % DEMO_PROVINCES.length]?.code ?? '34', rng),
  );

  const assignmentCounts = new Map<string, number>();
  const planned = drafts.map((draft) => planOneCase(draft, directory, now, rng, assignmentCounts));

  // Reference numbers follow filing order per province and Shanghai day.
  planned.sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime());
  const counters = new Map<string, number>();
  for (const item of planned) {
    const day = formatShanghaiDay(item.filedAt);
    const key = `${item.plannedCase.provinceCode}-${day}`;
    const sequence = (counters.get(key) ?? 0) + 1;
    counters.set(key, sequence);
    const reference = formatReference(item.plannedCase.provinceCode, item.filedAt, sequence);
    item.plannedCase.data.reference = reference;
    for (const event of item.plannedCase.events) {
      if (event.before && 'reference' in event.before) event.before.reference = reference;
      if (event.after && 'reference' in event.after) event.after.reference = reference;
    }
    for (const outbox of item.plannedCase.outbox) (outbox.payload as { reference: string }).reference = reference;
  }

  // Routing breaks ties by the time since a reviewer's last automatic assignment.
  const lastAssignedAt = new Map<string, Date>();
  for (const e of planned.flatMap((p) => p.plannedCase.events)) {
    const assigneeId = e.action === 'CASE_ASSIGNED' ? e.after?.assigneeId : undefined;
    if (typeof assigneeId !== 'string') continue;
    const previous = lastAssignedAt.get(assigneeId);
    if (!previous || previous < e.occurredAt) lastAssignedAt.set(assigneeId, e.occurredAt);
  }

  return {
    cases: planned.map((p) => p.plannedCase),
    counters: [...counters.entries()].map(([key, lastValue]) => {
      const [provinceCode = '', day = ''] = key.split('-');
      return { provinceCode, day, lastValue };
    }),
    lastAssignedAt,
  };
}

function planOneCase(
  draft: Draft,
  directory: SeedDirectory,
  now: Date,
  rng: Random,
  assignmentCounts: Map<string, number>,
): { filedAt: Date; plannedCase: PlannedCase } {
  const { state, provinceCode, scenario, colour, reasonCode, unit, household, person } = draft;
  const recognition = scenario.type === CaseType.RECOGNITION_COMPLAINT;
  const policy = directory.policyByProvince.get(provinceCode);
  if (!policy) throw new Error(`no deadline policy loaded for province ${provinceCode}`);
  const t = planTimeline(state, firstDecisionHours(policy, { type: scenario.type, colour }) * HOUR, rng);

  const back =
    t.nowOffset ??
    (t.span < 10 * DAY - 30 * MINUTE
      ? rng.between(t.span + 15 * MINUTE, 10 * DAY)
      : t.span + rng.between(15 * MINUTE, 2 * DAY));
  const filedAt = new Date(Math.floor((now.getTime() - back - SECOND) / SECOND) * SECOND);
  const at = (offset: number): Date => new Date(filedAt.getTime() + offset);
  const codeAssignedAt = new Date(filedAt.getTime() - seconds(rng.between(2 * HOUR, 4 * DAY)));

  const caseId = rng.uuid();
  const citizenId = directory.citizenIdByMobile.get(household.mobile);
  if (!citizenId) throw new Error(`demo citizen ${household.mobile} is missing`);

  // Assignment: a reviewer of the province from another unit than the issuing one (conflict of interest), fewest cases first.
  const reviewers = directory.reviewersByProvince.get(provinceCode) ?? [];
  const eligible = reviewers.filter((r) => r.unitCode !== unit.code);
  const pool = eligible.length > 0 ? eligible : reviewers;
  const assignee =
    t.assigned === null
      ? null
      : [...pool].sort((a, b) => (assignmentCounts.get(a.id) ?? 0) - (assignmentCounts.get(b.id) ?? 0))[0];
  if (t.assigned !== null && !assignee) throw new Error(`province ${provinceCode} has no demo reviewer`);
  if (assignee) assignmentCounts.set(assignee.id, (assignmentCounts.get(assignee.id) ?? 0) + 1);
  const secondDecider = rng.chance(0.7)
    ? directory.supervisorByProvince.get(provinceCode)
    : directory.nationalSupervisorId;
  if (!secondDecider) throw new Error(`province ${provinceCode} has no demo supervisor`);

  // The filing.
  const idNumber = idNumberOf(person);
  const sealed = sealIdNumber(idNumber);
  const reason = findReason(reasonCode);
  const statementContext = {
    date: chineseDate(codeAssignedAt),
    time: shortTime(codeAssignedAt).slice(6),
    testDate: chineseDate(new Date(codeAssignedAt.getTime() - rng.int(1, 2) * DAY)),
    place: draft.place,
    unitName: unit.name,
    issuingProvince: PROVINCE_NAMES[draft.issuingProvinceCode] ?? '外省',
    refusingProvince: PROVINCE_NAMES[provinceCode] ?? '',
    colour: COLOUR_ZH[colour],
    reasonName: reason && reason.validity === ReasonValidity.VALID ? reason.nameZh : null,
    homeCity: household.homeCity,
  };
  const template = STATEMENTS[scenario.grounds][draft.templateIndex] ?? STATEMENTS[scenario.grounds][0];
  if (!template) throw new Error(`no statement for ${scenario.grounds}`);
  const statement = `${template(statementContext)}${person.relation ? FAMILY_NOTE(household.people[0]?.name ?? '') : ''}`;
  const requestedOutcome = recognition
    ? RequestedOutcome.RECOGNISE
    : scenario.grounds === AppealGround.STRICTER_THAN_STANDARD && colour === CodeColour.RED
      ? RequestedOutcome.DOWNGRADE
      : RequestedOutcome.REVOKE;
  const overreach = assessOverreach({ colour, statedReasonCode: reasonCode }, REASONS_V1);

  // Deadlines of the first decision and, once requested, of the second-level review; the case keeps the current one.
  const pausedSince = state === CaseState.AWAITING_CITIZEN && t.infoRequested !== null ? at(t.infoRequested) : null;
  const firstDeadline = computeFirstDecisionDeadline(policy, {
    type: scenario.type,
    colour,
    filedAt,
    pausedMs: t.pausedMs,
  });
  const dueAtFiling = new Date(firstDeadline.dueAt.getTime() - t.pausedMs);
  const firstMarks = sweepMarks(
    firstDeadline,
    pausedSince ?? (t.decided !== null ? at(t.decided) : t.withdrawn !== null ? at(t.withdrawn) : now),
  );
  const secondDeadline =
    t.secondRequested === null
      ? null
      : computeSecondReviewDeadline(
          policy,
          withProvisionalYears(directory.calendar, at(t.secondRequested)),
          at(t.secondRequested),
        );
  const secondMarks = secondDeadline
    ? sweepMarks(secondDeadline, t.secondDecided !== null ? at(t.secondDecided) : now)
    : null;
  const deadline = secondDeadline ?? firstDeadline;
  const { atRiskMarkedAt, overdueMarkedAt } = secondMarks ?? firstMarks;

  // The history: transitions carry state and version like the case engine's; sweep and integration events do not.
  const events: PlannedEvent[] = [];
  let step = 0;
  let version = 1;
  const event = (occurredAt: Date, input: Omit<AuditInput, 'chain' | 'caseId' | 'occurredAt'>): void => {
    events.push({ ...input, chain: provinceCode, caseId, occurredAt, step: (step += 1) });
  };
  const transition = (
    occurredAt: Date,
    actor: { actorId: string | null; actorRole: string },
    action: AuditInput['action'],
    from: CaseState,
    to: CaseState,
    extra: { before?: Record<string, unknown>; after?: Record<string, unknown>; reason?: string } = {},
  ): void => {
    event(occurredAt, {
      ...actor,
      action,
      before: { reference: '', state: from, version, ...extra.before },
      after: { state: to, version: version + 1, ...extra.after },
      reason: extra.reason ?? null,
    });
    version += 1;
  };
  const citizenActor = { actorId: citizenId, actorRole: 'CITIZEN' };
  const reviewerActor = { actorId: assignee?.id ?? null, actorRole: 'REVIEWER' };
  const supervisorActor = { actorId: secondDecider, actorRole: 'SUPERVISOR' };
  const system = { actorId: null, actorRole: 'SYSTEM' };
  const {
    SUBMITTED,
    ASSIGNED,
    IN_REVIEW,
    AWAITING_CITIZEN,
    DECIDED,
    SECOND_REVIEW_REQUESTED,
    IN_SECOND_REVIEW,
    FINAL,
    CLOSED,
    WITHDRAWN,
  } = CaseState;

  event(filedAt, {
    ...citizenActor,
    action: 'CASE_FILED',
    after: {
      reference: '',
      state: SUBMITTED,
      type: scenario.type,
      primaFacieOverreach: overreach.primaFacie,
      evidenceFiles: 0,
      dueAt: dueAtFiling.toISOString(),
    },
  });
  if (t.assigned !== null && assignee) {
    transition(at(t.assigned), system, 'CASE_ASSIGNED', SUBMITTED, ASSIGNED, { after: { assigneeId: assignee.id } });
  }
  if (t.released !== null && assignee) {
    transition(at(t.released), reviewerActor, 'CASE_RELEASED', ASSIGNED, SUBMITTED, {
      before: { assigneeId: assignee.id },
      after: { assigneeId: null },
      reason: rng.pick(RELEASE_REASONS),
    });
  }
  if (t.started !== null) transition(at(t.started), reviewerActor, 'REVIEW_STARTED', ASSIGNED, IN_REVIEW);

  const informationRequests: Prisma.InformationRequestCreateManyInput[] = [];
  if (t.infoRequested !== null && assignee) {
    const requestedAt = at(t.infoRequested);
    const replyDueAt = computeCitizenReplyDeadline(policy, requestedAt).dueAt;
    informationRequests.push({
      id: rng.uuid(),
      caseId,
      provinceCode,
      message: INFORMATION_REQUESTS[scenario.grounds],
      requestedById: assignee.id,
      requestedAt,
      replyDueAt,
      replyText: t.replied !== null ? rng.pick(REPLIES) : null,
      repliedAt: t.replied !== null ? at(t.replied) : null,
    });
    transition(requestedAt, reviewerActor, 'INFORMATION_REQUESTED', IN_REVIEW, AWAITING_CITIZEN, {
      after: { replyDueAt: replyDueAt.toISOString(), clock: 'PAUSED' },
    });
    if (t.replied !== null)
      transition(at(t.replied), citizenActor, 'CITIZEN_REPLIED', AWAITING_CITIZEN, IN_REVIEW, {
        after: { clock: 'RUNNING' },
      });
  }
  const markEvents = (stageDeadline: ComputedDeadline, marks: SweepMarks): void => {
    if (marks.atRiskMarkedAt)
      event(marks.atRiskMarkedAt, {
        ...system,
        action: 'DEADLINE_AT_RISK',
        after: { reference: '', dueAt: stageDeadline.dueAt.toISOString() },
      });
    if (marks.overdueMarkedAt)
      event(marks.overdueMarkedAt, {
        ...system,
        action: 'DEADLINE_OVERDUE',
        after: { reference: '', dueAt: stageDeadline.dueAt.toISOString() },
      });
  };
  markEvents(firstDeadline, firstMarks);

  let withdrawalReason: string | null = null;
  if (t.withdrawn !== null && t.withdrawnFrom) {
    // The citizen's own words stay with the case (erasable), never in the audit history.
    withdrawalReason = rng.pick(WITHDRAWAL_REASONS);
    transition(at(t.withdrawn), citizenActor, 'CASE_WITHDRAWN', t.withdrawnFrom, WITHDRAWN);
  }

  // Decisions, and the correction orders a DOWNGRADED/REVOKED outcome sends to the issuing province's system.
  const decisionContext = (ruleCode: string) => ({
    date: statementContext.date,
    testDate: statementContext.testDate,
    place: draft.place,
    colour: COLOUR_ZH[colour],
    reasonName: reason?.nameZh ?? '未说明原因',
    ruleName: findReason(ruleCode)?.nameZh ?? ruleCode,
    issuingProvince: statementContext.issuingProvince,
  });
  const outbox: Prisma.OutboxEventCreateManyInput[] = [];
  let correctionSentAt: Date | null = null;
  let correctionConfirmedAt: Date | null = null;
  const orderCorrection = (
    decisionId: string,
    outcome: DecisionOutcome,
    orderedAt: Date,
    mustConfirm: boolean,
  ): void => {
    const outboxId = rng.uuid();
    const sentAt = new Date(orderedAt.getTime() + seconds(rng.between(2 * SECOND, 90 * SECOND)));
    const sent = (mustConfirm || rng.chance(0.92)) && sentAt <= now;
    const confirmedAt = new Date(sentAt.getTime() + seconds(rng.between(5 * MINUTE, 110 * MINUTE)));
    const confirmed = sent && (mustConfirm || rng.chance(0.75)) && confirmedAt <= now;
    outbox.push({
      id: outboxId,
      provinceCode: draft.issuingProvinceCode,
      kind: OutboxKind.CORRECTION_ORDER,
      caseId,
      payload: {
        reference: '',
        decisionId,
        issuingUnitCode: unit.code,
        fromColour: colour,
        toColour: TARGET_COLOUR[outcome],
        codeAssignedAt: codeAssignedAt.toISOString(),
        orderedAt: orderedAt.toISOString(),
      },
      status: sent ? DeliveryStatus.SENT : DeliveryStatus.PENDING,
      attempts: sent ? 1 : 4,
      nextAttemptAt: sent ? orderedAt : new Date(now.getTime() + 10 * MINUTE),
      deliveredAt: sent ? sentAt : null,
      confirmedAt: confirmed ? confirmedAt : null,
      lastError: sent ? null : 'connect ECONNREFUSED (provincial health-code system unreachable)',
      createdAt: orderedAt,
    });
    correctionSentAt = sent ? sentAt : null;
    correctionConfirmedAt = confirmed ? confirmedAt : null;
    if (confirmed) {
      event(confirmedAt, {
        actorId: null,
        actorRole: 'HEALTH_CODE_SYSTEM',
        action: 'CORRECTION_CONFIRMED',
        after: { reference: '', outboxEventId: outboxId },
      });
    }
  };

  let firstDecision: Prisma.DecisionCreateManyInput | null = null;
  let secondDecision: Prisma.DecisionCreateManyInput | null = null;
  if (t.decided !== null && draft.firstOutcome && assignee) {
    const decidedAt = at(t.decided);
    const ruleCode = ruleCodeFor(draft.firstOutcome, reasonCode);
    const correcting = draft.firstOutcome !== DecisionOutcome.UPHELD;
    const decision = {
      id: rng.uuid(),
      caseId,
      provinceCode,
      level: DecisionLevel.FIRST,
      outcome: draft.firstOutcome,
      ruleCode,
      reasons: DECISION_REASONS[firstReasonKey(draft.firstOutcome, scenario, reasonCode)](decisionContext(ruleCode)),
      decidedById: assignee.id,
      decidedAt,
      deadlineAt: firstDeadline.dueAt,
    };
    firstDecision = decision;
    transition(decidedAt, reviewerActor, 'CASE_DECIDED', IN_REVIEW, DECIDED, {
      after: {
        outcome: decision.outcome,
        ruleCode,
        correctionOrdered: correcting,
        withinDeadline: decidedAt <= firstDeadline.dueAt,
      },
    });
    if (correcting)
      orderCorrection(decision.id, decision.outcome, decidedAt, SECOND_REVIEW_PATH_STATES.includes(state));
  }
  let secondReviewReason: string | null = null;
  if (t.secondRequested !== null && secondDeadline) {
    secondReviewReason = rng.pick(
      SECOND_REVIEW_REASONS[firstDecision?.outcome === DecisionOutcome.DOWNGRADED ? 'DOWNGRADED' : 'UPHELD'],
    );
    transition(at(t.secondRequested), citizenActor, 'SECOND_REVIEW_REQUESTED', DECIDED, SECOND_REVIEW_REQUESTED, {
      after: { dueAt: secondDeadline.dueAt.toISOString() },
    });
  }
  if (t.secondStarted !== null) {
    transition(
      at(t.secondStarted),
      supervisorActor,
      'SECOND_REVIEW_STARTED',
      SECOND_REVIEW_REQUESTED,
      IN_SECOND_REVIEW,
      { after: { assigneeId: secondDecider } },
    );
  }
  if (secondDeadline && secondMarks) markEvents(secondDeadline, secondMarks);
  if (t.secondDecided !== null && draft.secondOutcome && firstDecision?.id && secondDeadline) {
    const decidedAt = at(t.secondDecided);
    const firstOutcome = firstDecision.outcome;
    const ruleCode = ruleCodeFor(draft.secondOutcome, reasonCode);
    const key: DecisionReasonKey =
      draft.secondOutcome === firstOutcome
        ? 'SECOND_UPHELD'
        : draft.secondOutcome === DecisionOutcome.DOWNGRADED
          ? 'SECOND_DOWNGRADED'
          : 'SECOND_REVOKED';
    const correcting = draft.secondOutcome !== DecisionOutcome.UPHELD && draft.secondOutcome !== firstOutcome;
    const decision = {
      id: rng.uuid(),
      caseId,
      provinceCode,
      level: DecisionLevel.SECOND,
      outcome: draft.secondOutcome,
      ruleCode,
      reasons: DECISION_REASONS[key](decisionContext(ruleCode)),
      decidedById: secondDecider,
      decidedAt,
      deadlineAt: secondDeadline.dueAt,
      supersedesId: firstDecision.id,
    };
    secondDecision = decision;
    transition(decidedAt, supervisorActor, 'SECOND_REVIEW_DECIDED', IN_SECOND_REVIEW, FINAL, {
      before: { firstOutcome },
      after: { outcome: decision.outcome, ruleCode, correctionOrdered: correcting },
    });
    if (correcting) orderCorrection(decision.id, decision.outcome, decidedAt, false);
  }
  if (t.closed !== null) transition(at(t.closed), system, 'CASE_CLOSED', DECIDED, CLOSED);

  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.step - b.step);
  const lastEvent = events[events.length - 1];
  if (!lastEvent || lastEvent.occurredAt > now) throw new Error(`demo case ${draft.index} was planned into the future`);

  // Who holds the case now: nobody in the pool or once a second review is requested, then the supervisor who took it up.
  const holderOf = (): { assigneeId: string | null; assignedAt: Date | null } => {
    if (t.secondStarted !== null) return { assigneeId: secondDecider, assignedAt: at(t.secondStarted) };
    if (t.secondRequested !== null || t.released !== null || t.assigned === null || !assignee)
      return { assigneeId: null, assignedAt: null };
    return { assigneeId: assignee.id, assignedAt: at(t.assigned) };
  };
  const closedAt =
    t.closed !== null
      ? at(t.closed)
      : t.secondDecided !== null
        ? at(t.secondDecided)
        : t.withdrawn !== null
          ? at(t.withdrawn)
          : null;
  const filing = {
    type: scenario.type,
    colour,
    codeAssignedAt: codeAssignedAt.toISOString(),
    issuingProvinceCode: draft.issuingProvinceCode,
    issuingUnitCode: unit.code,
    refusingProvinceCode: recognition ? provinceCode : null,
    statedReasonCode: reasonCode,
    grounds: scenario.grounds,
    statement,
    requestedOutcome,
    applicantName: person.name,
    idNumberHash: sealed.idNumberHash,
    mobile: household.mobile,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
  };
  const data: Prisma.CaseCreateManyInput = {
    id: caseId,
    provinceCode,
    reference: '',
    type: scenario.type,
    state,
    version,
    citizenId,
    applicantName: person.name,
    ...sealed,
    mobile: household.mobile,
    colour,
    codeAssignedAt,
    issuingProvinceCode: draft.issuingProvinceCode,
    issuingUnitCode: unit.code,
    refusingProvinceCode: recognition ? provinceCode : null,
    statedReasonCode: reasonCode,
    catalogueVersionId: directory.catalogueVersionId,
    grounds: scenario.grounds,
    statement,
    requestedOutcome,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    primaFacieOverreach: overreach.primaFacie,
    overreachReason: overreach.reason,
    ...holderOf(),
    filedAt,
    dueAt: deadline.dueAt,
    allowedMs: BigInt(deadline.allowedMs),
    pausedMs: BigInt(deadline.pausedMs),
    pausedSince,
    deadlineInputs: storedDeadlineInputs(deadline.inputs),
    deadlineExplanation: deadline.explanation.zh,
    atRiskAt: deadline.atRiskAt,
    atRiskMarkedAt,
    overdueMarkedAt,
    decidedAt: t.decided !== null ? at(t.decided) : null,
    secondReviewDeadlineAt: t.decided !== null ? at(t.decided + SECOND_REVIEW_WINDOW_MS) : null,
    closedAt,
    withdrawalReason,
    secondReviewReason,
    correctionSentAt,
    correctionConfirmedAt,
    idempotencyKey: `seed-${draft.index + 1}`,
    payloadHash: payloadHashOf(filing),
    createdAt: filedAt,
    updatedAt: lastEvent.occurredAt,
  };
  return {
    filedAt,
    plannedCase: { provinceCode, data, informationRequests, firstDecision, secondDecision, outbox, events },
  };
}

// ───────────────────────────── writing

async function writeProvince(
  tx: TransactionClient,
  cases: PlannedCase[],
  plan: DemoPlan,
  provinceCode: string,
): Promise<number> {
  await tx.case.createMany({ data: cases.map((c) => c.data) });
  // Every case's idempotency key is held globally, as a filing through submitAppeal holds it.
  await tx.filingIdempotencyKey.createMany({
    data: cases.map(({ data }) => ({
      key: data.idempotencyKey,
      citizenId: data.citizenId,
      payloadHash: data.payloadHash,
      caseId: data.id!,
      provinceCode: data.provinceCode,
      createdAt: data.createdAt,
    })),
  });
  const requests = cases.flatMap((c) => c.informationRequests);
  if (requests.length > 0) await tx.informationRequest.createMany({ data: requests });
  const firsts = cases.flatMap((c) => (c.firstDecision ? [c.firstDecision] : []));
  if (firsts.length > 0) await tx.decision.createMany({ data: firsts });
  const secondLevel = cases.flatMap((c) => (c.secondDecision ? [c.secondDecision] : []));
  if (secondLevel.length > 0) await tx.decision.createMany({ data: secondLevel });
  const outbox = cases.flatMap((c) => c.outbox);
  if (outbox.length > 0) await tx.outboxEvent.createMany({ data: outbox });
  for (const counter of plan.counters.filter((c) => c.provinceCode === provinceCode)) {
    await tx.$executeRaw`INSERT INTO reference_counter (province_code, day, last_value) VALUES (${counter.provinceCode}, ${counter.day}, ${counter.lastValue})
                         ON CONFLICT (province_code, day) DO UPDATE SET last_value = GREATEST(reference_counter.last_value, EXCLUDED.last_value)`;
  }
  for (const [reviewerId, lastAssignedAt] of plan.lastAssignedAt) {
    if (cases.some((c) => c.data.assigneeId === reviewerId))
      await tx.reviewerLoad.upsert({
        where: { provinceCode_userId: { provinceCode, userId: reviewerId } },
        create: { provinceCode, userId: reviewerId, lastAssignedAt },
        update: { lastAssignedAt },
      });
  }
  // The chain's sequence must follow time: append the province's events in time order across all its cases.
  const events = cases
    .flatMap((c, caseOrder) => c.events.map((e) => ({ e, caseOrder })))
    .sort(
      (a, b) => a.e.occurredAt.getTime() - b.e.occurredAt.getTime() || a.caseOrder - b.caseOrder || a.e.step - b.e.step,
    );
  for (const { e } of events) {
    await appendAuditEvent(tx, {
      chain: e.chain,
      actorId: e.actorId,
      actorRole: e.actorRole,
      caseId: e.caseId,
      action: e.action,
      before: e.before,
      after: e.after,
      reason: e.reason,
      occurredAt: e.occurredAt,
    });
  }
  return events.length;
}

export async function loadSeedDirectory(prisma: PrismaClient, now: Date): Promise<SeedDirectory> {
  const [staff, citizens, catalogue] = await Promise.all([
    prisma.user.findMany({
      where: { username: { in: DEMO_STAFF.map((s) => s.username) } },
      select: { id: true, username: true, role: true, provinceCode: true, unitCode: true },
    }),
    prisma.user.findMany({
      where: { mobile: { in: HOUSEHOLDS.map((h) => h.mobile) } },
      select: { id: true, mobile: true },
    }),
    prisma.reasonCatalogueVersion.findUnique({ where: { version: CATALOGUE_VERSION } }),
  ]);
  if (!catalogue) throw new Error('reference data missing: seed the reference data first');
  const policyByProvince = new Map<string, EffectiveDeadlinePolicy>();
  for (const province of DEMO_PROVINCES)
    policyByProvince.set(province.code, await loadDeadlinePolicy(prisma, province.code, now));
  const reviewersByProvince = new Map<string, { id: string; unitCode: string | null }[]>();
  const supervisorByProvince = new Map<string, string>();
  let nationalSupervisorId: string | undefined;
  for (const member of staff) {
    if (member.role === Role.REVIEWER && member.provinceCode) {
      reviewersByProvince.set(member.provinceCode, [
        ...(reviewersByProvince.get(member.provinceCode) ?? []),
        { id: member.id, unitCode: member.unitCode },
      ]);
    } else if (member.role === Role.SUPERVISOR && member.provinceCode) {
      supervisorByProvince.set(member.provinceCode, member.id);
    } else if (member.role === Role.SUPERVISOR && member.username === 'supervisor-national') {
      nationalSupervisorId = member.id;
    }
  }
  for (const list of reviewersByProvince.values())
    list.sort((a, b) => (a.unitCode ?? '').localeCompare(b.unitCode ?? ''));
  if (!nationalSupervisorId) throw new Error('demo account supervisor-national is missing');
  return {
    reviewersByProvince,
    supervisorByProvince,
    nationalSupervisorId,
    citizenIdByMobile: new Map(citizens.flatMap((c) => (c.mobile ? [[c.mobile, c.id] as const] : []))),
    policyByProvince,
    calendar: await loadWorkingDayCalendar(prisma),
    catalogueVersionId: catalogue.id,
  };
}

/**
 * Writes the demo cases when the database holds no case and no case history yet; otherwise writes nothing
 * (appending back-dated events to a live chain would break its time order). Returns the counts written.
 */
export async function seedDemoCases(
  prisma: PrismaClient,
  now: Date,
  log: (line: string) => void,
): Promise<{ cases: number; events: number }> {
  const provinceCodes = DEMO_PROVINCES.map((p) => p.code);
  const [existingCases, existingEvents] = await Promise.all([
    prisma.case.count(),
    prisma.auditEvent.count({ where: { chain: { in: provinceCodes } } }),
  ]);
  if (existingCases > 0 || existingEvents > 0) {
    log('已有申诉案件或审计记录，跳过演示案件 / cases or case history already present: demo cases skipped');
    return { cases: 0, events: 0 };
  }
  await assertUnitsExist(prisma);
  const plan = planDemoCases(await loadSeedDirectory(prisma, now), now);
  let events = 0;
  for (const provinceCode of provinceCodes) {
    const cases = plan.cases
      .filter((c) => c.provinceCode === provinceCode)
      .sort((a, b) => (a.data.reference < b.data.reference ? -1 : 1));
    events += await prisma.$transaction((tx) => writeProvince(tx, cases, plan, provinceCode), {
      timeout: 120_000,
      maxWait: 20_000,
    });
    log(`  ${provinceCode} ${PROVINCE_NAMES[provinceCode] ?? ''}: ${cases.length} 件案件 / cases`);
  }
  return { cases: plan.cases.length, events };
}

/** The hand-picked unit codes must be real divisions of the seeded data. */
async function assertUnitsExist(prisma: PrismaClient): Promise<void> {
  const codes = Object.values(ISSUING_UNITS).flatMap((units) => units.map((u) => u.code));
  const areaCodes = HOUSEHOLDS.flatMap((h) => h.people.map((p) => p.areaCode));
  const wanted = [...new Set([...codes, ...areaCodes])];
  const found = await prisma.division.findMany({ where: { code: { in: wanted } }, select: { code: true } });
  const missing = wanted.filter((code) => !found.some((d) => d.code === code));
  if (missing.length > 0) throw new Error(`demo data names unknown division codes: ${missing.join(', ')}`);
}
