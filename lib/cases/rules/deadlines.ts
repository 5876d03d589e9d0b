// Deadline arithmetic (SPEC §7): clock-hour and working-day deadlines with the inputs they rest on and a bilingual
// explanation, the national/provincial policy rules, pause/resume while awaiting the citizen, and deadline status.
import type { Prisma } from '@/lib/db/client';
import { z } from 'zod';
import { formatDateTime } from '@/lib/i18n/format-date';
import {
  assertValidInstant,
  countWorkingDaysAfter,
  DEADLINE_TIME_ZONE,
  DeadlineError,
  type CalendarYearVersion,
  type IsoDate,
  type WorkingDayCalendar,
} from '@/lib/cases/rules/working-days';

export { DeadlineError, type DeadlineErrorCode } from './working-days';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

// ───────────────────────────── policy

export type DeadlinePolicyValues = {
  redHours: number;
  yellowHours: number;
  recognitionHours: number;
  secondReviewWorkingDays: number;
  citizenReplyHours: number;
};

export type DeadlineRule = keyof DeadlinePolicyValues;

/** Identifies one published policy version; provinceCode null is the national policy. */
export type PolicyRef = { id: number; version: number; provinceCode: string | null };

export type DeadlinePolicyRecord = PolicyRef & DeadlinePolicyValues;

/** The values that apply in one province, and which published policy each value comes from. */
export type EffectiveDeadlinePolicy = DeadlinePolicyValues & {
  national: PolicyRef;
  provincial: PolicyRef | null;
  sources: Record<DeadlineRule, PolicyRef>;
};

const RULES: readonly DeadlineRule[] = [
  'redHours',
  'yellowHours',
  'recognitionHours',
  'secondReviewWorkingDays',
  'citizenReplyHours',
];

/** Decision deadlines are national maxima (a province may only shorten them, §7). */
const MAXIMUM_RULES: readonly DeadlineRule[] = [
  'redHours',
  'yellowHours',
  'recognitionHours',
  'secondReviewWorkingDays',
];

const RULE_LABELS: Record<DeadlineRule, { name: string; unit: string }> = {
  redHours: { name: 'red-code first decision', unit: 'h' },
  yellowHours: { name: 'yellow-code first decision', unit: 'h' },
  recognitionHours: { name: 'recognition complaint first decision', unit: 'h' },
  secondReviewWorkingDays: { name: 'second-level review', unit: 'working days' },
  citizenReplyHours: { name: 'citizen reply', unit: 'h' },
};

function describePolicy(policy: PolicyRef): string {
  return policy.provinceCode === null
    ? `national deadline policy v${policy.version}`
    : `deadline policy of province ${policy.provinceCode} v${policy.version}`;
}

function assertPolicyValues(policy: DeadlinePolicyRecord): void {
  for (const rule of RULES) {
    const value = policy[rule];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new DeadlineError(
        'INVALID_POLICY',
        `${describePolicy(policy)}: ${RULE_LABELS[rule].name} must be a whole number of at least 1 (got ${value})`,
      );
    }
  }
}

function toRef(policy: PolicyRef): PolicyRef {
  return { id: policy.id, version: policy.version, provinceCode: policy.provinceCode };
}

/**
 * Refuses a provincial policy that is longer than the national maximum for any decision deadline. The citizen's reply
 * time is the other way round: a province may give citizens more than the national time, never less.
 */
export function validateProvincialPolicy(national: DeadlinePolicyRecord, provincial: DeadlinePolicyRecord): void {
  if (national.provinceCode !== null) {
    throw new DeadlineError('INVALID_POLICY', `Expected the national deadline policy, got ${describePolicy(national)}`);
  }
  if (provincial.provinceCode === null) {
    throw new DeadlineError('INVALID_POLICY', 'Expected a provincial deadline policy, got a national one');
  }
  assertPolicyValues(national);
  assertPolicyValues(provincial);
  const tooLong = MAXIMUM_RULES.filter((rule) => provincial[rule] > national[rule]).map(
    (rule) =>
      `${RULE_LABELS[rule].name} ${provincial[rule]} ${RULE_LABELS[rule].unit} > ${national[rule]} ${RULE_LABELS[rule].unit}`,
  );
  if (tooLong.length > 0) {
    throw new DeadlineError(
      'PROVINCIAL_POLICY_TOO_LONG',
      `The ${describePolicy(provincial)} is longer than the national maximum (v${national.version}): ${tooLong.join('; ')}. A province may set shorter deadlines, never longer.`,
    );
  }
  if (provincial.citizenReplyHours < national.citizenReplyHours) {
    throw new DeadlineError(
      'PROVINCIAL_POLICY_TOO_SHORT',
      `The ${describePolicy(provincial)} gives citizens ${provincial.citizenReplyHours} h to reply, less than the national ${national.citizenReplyHours} h.`,
    );
  }
}

/**
 * The policy in force for a province: provincial values are honoured when shorter or equal (citizen reply: longer or
 * equal); anything else falls back to the national value, so a national policy tightened after a province published
 * still applies. Never returns a decision deadline longer than the national one. Use validateProvincialPolicy to
 * refuse an out-of-bounds provincial policy when it is published.
 */
export function effectivePolicy(
  national: DeadlinePolicyRecord,
  provincial: DeadlinePolicyRecord | null,
): EffectiveDeadlinePolicy {
  if (national.provinceCode !== null) {
    throw new DeadlineError('INVALID_POLICY', `Expected the national deadline policy, got ${describePolicy(national)}`);
  }
  assertPolicyValues(national);
  if (provincial) {
    if (provincial.provinceCode === null)
      throw new DeadlineError('INVALID_POLICY', 'Expected a provincial deadline policy, got a national one');
    assertPolicyValues(provincial);
  }
  const values = {} as DeadlinePolicyValues;
  const sources = {} as Record<DeadlineRule, PolicyRef>;
  for (const rule of RULES) {
    const honoured =
      provincial !== null &&
      (MAXIMUM_RULES.includes(rule) ? provincial[rule] <= national[rule] : provincial[rule] >= national[rule]);
    const source = honoured && provincial ? provincial : national;
    values[rule] = source[rule];
    sources[rule] = toRef(source);
  }
  return { ...values, national: toRef(national), provincial: provincial ? toRef(provincial) : null, sources };
}

export type CaseKind = { type: 'CODE_APPEAL' | 'RECOGNITION_COMPLAINT'; colour: 'RED' | 'YELLOW' | 'GREEN' };

/** Which rule sets the first-decision deadline: red/yellow appeal, or recognition complaint (any colour). */
export function firstDecisionRule({ type, colour }: CaseKind): 'redHours' | 'yellowHours' | 'recognitionHours' {
  if (type === 'RECOGNITION_COMPLAINT') return 'recognitionHours';
  if (colour === 'RED') return 'redHours';
  if (colour === 'YELLOW') return 'yellowHours';
  throw new DeadlineError(
    'INVALID_INPUT',
    'A code appeal contests a red or yellow code; a green code has no first-decision deadline',
  );
}

export function firstDecisionHours(policy: DeadlinePolicyValues, kind: CaseKind): number {
  return policy[firstDecisionRule(kind)];
}

// ───────────────────────────── deadlines and their inputs

/** What started the clock; it only changes the wording of the explanation. */
export type DeadlineStartEvent = 'FILED' | 'REVIEW_REQUESTED' | 'INFORMATION_REQUESTED';

type DeadlineInputsBase = {
  /** ISO instant the clock started. */
  startAt: string;
  startEvent: DeadlineStartEvent;
  /** Total paused time added to the deadline (whole milliseconds). */
  pausedMs: number;
  timeZone: typeof DEADLINE_TIME_ZONE;
  /** The published policy the duration comes from. */
  policy: PolicyRef;
  /** The policy rule applied, when the deadline was derived from a policy. */
  rule: DeadlineRule | null;
};

export type ClockDeadlineInputs = DeadlineInputsBase & { basis: 'CLOCK_HOURS'; hours: number };

export type WorkingDayDeadlineInputs = DeadlineInputsBase & {
  basis: 'WORKING_DAYS';
  workingDays: number;
  /** Calendar versions of every year the count passed through. */
  calendars: CalendarYearVersion[];
  /** The working days counted (Asia/Shanghai dates); the start day is never one of them. */
  countedDays: IsoDate[];
};

/** JSON-able record stored with a case (Case.deadlineInputs), enough to show anyone why it is due when it is. */
export type DeadlineInputs = ClockDeadlineInputs | WorkingDayDeadlineInputs;

/** Both languages, so the UI can show either (or re-render from the stored inputs with explainDeadline). */
export type DeadlineExplanation = { zh: string; en: string };

export type ComputedDeadline<Inputs extends DeadlineInputs = DeadlineInputs> = {
  /** The time allowed before pauses: hours × 1 h, or start → end of the N-th working day. */
  allowedMs: number;
  pausedMs: number;
  dueAt: Date;
  atRiskAt: Date;
  inputs: Inputs;
  explanation: DeadlineExplanation;
};

function assertDuration(value: number, name: string, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new DeadlineError('INVALID_INPUT', `${name} must be a whole number of at least ${minimum} (got ${value})`);
  }
}

/** At risk from 75% of the allowed time (§7); pauses push both instants back by the time paused. */
export function scheduleDeadline(startAt: Date, allowedMs: number, pausedMs = 0): { dueAt: Date; atRiskAt: Date } {
  const start = startAt.getTime();
  return {
    dueAt: new Date(start + allowedMs + pausedMs),
    atRiskAt: new Date(start + Math.floor((allowedMs * 3) / 4) + pausedMs),
  };
}

/**
 * A deadline of `allowedMs` from the request's start, pushed back by its pauses, with the inputs it records (those
 * common to every basis, and the basis's own) and its explanation.
 */
function recordDeadline<Inputs extends DeadlineInputs>(
  request: DeadlineRequestBase,
  defaultStartEvent: DeadlineStartEvent,
  allowedMs: number,
  basisInputs: Omit<Inputs, keyof DeadlineInputsBase>,
): ComputedDeadline<Inputs> {
  const { startAt, pausedMs = 0 } = request;
  const { dueAt, atRiskAt } = scheduleDeadline(startAt, allowedMs, pausedMs);
  const base: DeadlineInputsBase = {
    startAt: startAt.toISOString(),
    startEvent: request.startEvent ?? defaultStartEvent,
    pausedMs,
    timeZone: DEADLINE_TIME_ZONE,
    policy: toRef(request.policy),
    rule: request.rule ?? null,
  };
  const inputs = { ...base, ...basisInputs } as Inputs;
  return { allowedMs, pausedMs, dueAt, atRiskAt, inputs, explanation: explainDeadline(inputs, dueAt) };
}

/** What every deadline starts from: when, the pauses so far, the policy (and rule) it follows, what started it. */
type DeadlineRequestBase = {
  startAt: Date;
  pausedMs?: number;
  policy: PolicyRef;
  rule?: DeadlineRule | null;
  startEvent?: DeadlineStartEvent;
};

export type ClockDeadlineRequest = DeadlineRequestBase & { hours: number };

/** dueAt = startAt + hours + pausedMs; atRiskAt = startAt + 75% of the hours + pausedMs. */
export function computeClockDeadline(request: ClockDeadlineRequest): ComputedDeadline<ClockDeadlineInputs> {
  const { startAt, hours, pausedMs = 0 } = request;
  assertValidInstant(startAt, 'startAt');
  assertDuration(hours, 'hours', 1);
  assertDuration(pausedMs, 'pausedMs', 0);
  return recordDeadline<ClockDeadlineInputs>(request, 'FILED', hours * HOUR_MS, { basis: 'CLOCK_HOURS', hours });
}

export type WorkingDayDeadlineRequest = DeadlineRequestBase & { workingDays: number; calendar: WorkingDayCalendar };

/**
 * Due at the end (23:59:59.999 Asia/Shanghai) of the N-th working day after the start day, which is not counted;
 * at risk at 75% of the time from start to that instant. Throws when the calendar lacks a year it needs.
 */
export function computeWorkingDayDeadline(
  request: WorkingDayDeadlineRequest,
): ComputedDeadline<WorkingDayDeadlineInputs> {
  const { startAt, workingDays, calendar, pausedMs = 0 } = request;
  assertValidInstant(startAt, 'startAt');
  assertDuration(pausedMs, 'pausedMs', 0);
  const span = countWorkingDaysAfter(calendar, startAt, workingDays);
  return recordDeadline<WorkingDayDeadlineInputs>(
    request,
    'REVIEW_REQUESTED',
    span.dueAt.getTime() - startAt.getTime(),
    {
      basis: 'WORKING_DAYS',
      workingDays,
      calendars: span.versionsUsed,
      countedDays: span.countedDays,
    },
  );
}

/** The first-decision deadline of a newly filed case under the policy in force (§7). */
export function computeFirstDecisionDeadline(
  policy: EffectiveDeadlinePolicy,
  request: CaseKind & { filedAt: Date; pausedMs?: number },
): ComputedDeadline<ClockDeadlineInputs> {
  const rule = firstDecisionRule(request);
  return computeClockDeadline({
    startAt: request.filedAt,
    hours: policy[rule],
    pausedMs: request.pausedMs,
    policy: policy.sources[rule],
    rule,
  });
}

/** The second-level review deadline: N working days after the request day. */
export function computeSecondReviewDeadline(
  policy: EffectiveDeadlinePolicy,
  calendar: WorkingDayCalendar,
  requestedAt: Date,
): ComputedDeadline<WorkingDayDeadlineInputs> {
  const rule = 'secondReviewWorkingDays';
  return computeWorkingDayDeadline({
    startAt: requestedAt,
    workingDays: policy[rule],
    calendar,
    policy: policy.sources[rule],
    rule,
  });
}

/** When the citizen's answer to an information request is due (the reviewer then decides on the record). */
export function computeCitizenReplyDeadline(
  policy: EffectiveDeadlinePolicy,
  askedAt: Date,
): ComputedDeadline<ClockDeadlineInputs> {
  const rule = 'citizenReplyHours';
  return computeClockDeadline({
    startAt: askedAt,
    hours: policy[rule],
    policy: policy.sources[rule],
    rule,
    startEvent: 'INFORMATION_REQUESTED',
  });
}

// ───────────────────────────── explanation

const START_EVENT_WORDS: Record<DeadlineStartEvent, { en: string; zh: string }> = {
  FILED: { en: 'filed', zh: '提交' },
  REVIEW_REQUESTED: { en: 'requested', zh: '申请复核' },
  INFORMATION_REQUESTED: { en: 'asked', zh: '要求补充材料' },
};

function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** Which published policy a deadline comes from (SPEC §7: each deadline shows its policy version). */
function describePolicyBothLanguages(policy: PolicyRef): { en: string; zh: string } {
  return {
    en: describePolicy(policy),
    zh:
      policy.provinceCode === null
        ? `全国期限规定第 ${policy.version} 版`
        : `省份 ${policy.provinceCode} 期限规定第 ${policy.version} 版`,
  };
}

/** Whole minutes (rounded down, like the times shown): `3 h 12 min` / `3 小时 12 分`. */
function formatPause(ms: number): { en: string; zh: string } {
  const minutes = Math.floor(ms / MINUTE_MS);
  if (minutes === 0) return { en: '< 1 min', zh: '不足 1 分' };
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const en = [hours > 0 ? `${hours} h` : '', rest > 0 ? `${rest} min` : ''].filter(Boolean).join(' ');
  const zh = [hours > 0 ? `${hours} 小时` : '', rest > 0 ? `${rest} 分` : ''].filter(Boolean).join(' ');
  return { en, zh };
}

/**
 * E.g. en `filed 27 Nov 2026, 09:00 + 24 h + paused 3 h 12 min → due 28 Nov 2026, 12:12`,
 * zh `2026年11月27日 09:00 提交 + 24 小时 + 暂停 3 小时 12 分 → 2026年11月28日 12:12 到期` (the one date format of
 * lib/i18n/format-date.ts, Asia/Shanghai; no pause part when none).
 */
export function explainDeadline(inputs: DeadlineInputs, dueAt: Date): DeadlineExplanation {
  const start = { en: formatDateTime(inputs.startAt, 'en'), zh: formatDateTime(inputs.startAt, 'zh-CN') };
  const due = { en: formatDateTime(dueAt, 'en'), zh: formatDateTime(dueAt, 'zh-CN') };
  const words = START_EVENT_WORDS[inputs.startEvent];
  // The pause as the shown times imply it (due minute − the minute it would be due without the pause), so start +
  // duration + pause always adds up to the due time shown, whatever the seconds.
  const pause =
    inputs.pausedMs > 0
      ? formatPause(floorToMinute(dueAt.getTime()) - floorToMinute(dueAt.getTime() - inputs.pausedMs))
      : null;
  const policy = describePolicyBothLanguages(inputs.policy);
  const enPause = pause ? ` + paused ${pause.en}` : '';
  const zhPause = pause ? ` + 暂停 ${pause.zh}` : '';
  if (inputs.basis === 'CLOCK_HOURS') {
    return {
      en: `${words.en} ${start.en} + ${inputs.hours} h${enPause} → due ${due.en} (${policy.en})`,
      zh: `${start.zh} ${words.zh} + ${inputs.hours} 小时${zhPause} → ${due.zh} 到期（${policy.zh}）`,
    };
  }
  const enCalendars = inputs.calendars
    .map((entry) =>
      entry.provisional
        ? `${entry.year} provisional: not yet published, weekends only`
        : `${entry.year} v${entry.version}`,
    )
    .join(', ');
  const zhCalendars = inputs.calendars
    .map((entry) =>
      entry.provisional ? `${entry.year} 暂定：尚未发布，仅按周末计算` : `${entry.year} 第 ${entry.version} 版`,
    )
    .join('、');
  const enDays = `${inputs.workingDays} working day${inputs.workingDays === 1 ? '' : 's'}`;
  return {
    en: `${words.en} ${start.en} + ${enDays} (calendar${inputs.calendars.length === 1 ? '' : 's'} ${enCalendars})${enPause} → due ${due.en} (${policy.en})`,
    zh: `${start.zh} ${words.zh} + ${inputs.workingDays} 个工作日（日历 ${zhCalendars}）${zhPause} → ${due.zh} 到期（${policy.zh}）`,
  };
}

const policyRefSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  provinceCode: z.string().nullable(),
});
const inputsBaseSchema = {
  startAt: z.iso.datetime(),
  startEvent: z.enum(['FILED', 'REVIEW_REQUESTED', 'INFORMATION_REQUESTED']),
  pausedMs: z.number().int().nonnegative(),
  timeZone: z.literal(DEADLINE_TIME_ZONE),
  policy: policyRefSchema,
  rule: z.enum(RULES as [DeadlineRule, ...DeadlineRule[]]).nullable(),
};
const deadlineInputsSchema = z.discriminatedUnion('basis', [
  z.object({ ...inputsBaseSchema, basis: z.literal('CLOCK_HOURS'), hours: z.number().int().positive() }),
  z.object({
    ...inputsBaseSchema,
    basis: z.literal('WORKING_DAYS'),
    workingDays: z.number().int().positive(),
    calendars: z.array(
      z.object({
        year: z.number().int(),
        version: z.number().int(),
        calendarVersionId: z.number().int(),
        provisional: z.literal(true).optional(),
      }),
    ),
    countedDays: z.array(z.iso.date()),
  }),
]);

/** Reads Case.deadlineInputs back from the database (e.g. to render the explanation in the reader's language). */
export function readDeadlineInputs(value: unknown): DeadlineInputs {
  const parsed = deadlineInputsSchema.safeParse(value);
  if (!parsed.success)
    throw new DeadlineError('INVALID_INPUT', `Stored deadline inputs are malformed: ${parsed.error.message}`);
  return parsed.data;
}

// ───────────────────────────── pause / resume (AWAITING_CITIZEN, §7)

export type ClockState = { startAt: Date; allowedMs: number; pausedMs: number; pausedSince: Date | null };

export type ClockUpdate = { pausedMs: number; pausedSince: Date | null; dueAt: Date; atRiskAt: Date };

function assertClockState(state: ClockState): void {
  assertValidInstant(state.startAt, 'startAt');
  assertDuration(state.allowedMs, 'allowedMs', 1);
  assertDuration(state.pausedMs, 'pausedMs', 0);
  if (state.pausedSince) assertValidInstant(state.pausedSince, 'pausedSince');
}

/** Stops the clock at `at`. The stored dueAt does not move until the clock resumes. */
export function pauseClock(state: ClockState, at: Date): ClockUpdate {
  assertClockState(state);
  assertValidInstant(at, 'pause time');
  if (state.pausedSince) {
    throw new DeadlineError('ALREADY_PAUSED', `The clock is already paused (since ${state.pausedSince.toISOString()})`);
  }
  if (at.getTime() < state.startAt.getTime()) {
    throw new DeadlineError('INVALID_INPUT', 'The clock cannot be paused before it started');
  }
  return {
    pausedMs: state.pausedMs,
    pausedSince: at,
    ...scheduleDeadline(state.startAt, state.allowedMs, state.pausedMs),
  };
}

/** Restarts the clock at `at`; the paused span is added to pausedMs, so dueAt and atRiskAt move back by exactly that span. */
export function resumeClock(state: ClockState, at: Date): ClockUpdate {
  assertClockState(state);
  assertValidInstant(at, 'resume time');
  if (!state.pausedSince) throw new DeadlineError('NOT_PAUSED', 'The clock is not paused, so it cannot be resumed');
  const spanMs = at.getTime() - state.pausedSince.getTime();
  if (spanMs < 0) throw new DeadlineError('INVALID_INPUT', 'The clock cannot resume before it was paused');
  const pausedMs = state.pausedMs + spanMs;
  return { pausedMs, pausedSince: null, ...scheduleDeadline(state.startAt, state.allowedMs, pausedMs) };
}

// ───────────────────────────── status

export type DeadlineStatus = 'PAUSED' | 'ON_TRACK' | 'AT_RISK' | 'OVERDUE';

/**
 * While paused the time left is frozen at what remained when the clock stopped. A clock paused after its deadline had
 * already passed stays OVERDUE: asking the citizen a question does not cure a missed deadline.
 */
export function deadlineStatus(
  deadline: { dueAt: Date; atRiskAt: Date; pausedSince: Date | null },
  now: Date,
): { status: DeadlineStatus; timeLeftMs: number } {
  assertValidInstant(deadline.dueAt, 'dueAt');
  assertValidInstant(deadline.atRiskAt, 'atRiskAt');
  assertValidInstant(now, 'now');
  const due = deadline.dueAt.getTime();
  if (deadline.pausedSince) {
    assertValidInstant(deadline.pausedSince, 'pausedSince');
    const timeLeftMs = due - deadline.pausedSince.getTime();
    return { status: timeLeftMs < 0 ? 'OVERDUE' : 'PAUSED', timeLeftMs };
  }
  const timeLeftMs = due - now.getTime();
  if (timeLeftMs < 0) return { status: 'OVERDUE', timeLeftMs };
  return { status: now.getTime() >= deadline.atRiskAt.getTime() ? 'AT_RISK' : 'ON_TRACK', timeLeftMs };
}

/** Deadline inputs as the JSON column stores them. */
export function storedDeadlineInputs(inputs: DeadlineInputs): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(inputs)) as Prisma.InputJsonObject;
}

/** A case's deadline explanation in both languages, re-rendered from its stored inputs; the stored text if they cannot be read. */
export function explainStoredDeadline(row: {
  deadlineInputs: unknown;
  dueAt: Date;
  deadlineExplanation: string;
}): DeadlineExplanation {
  try {
    return explainDeadline(readDeadlineInputs(row.deadlineInputs), row.dueAt);
  } catch {
    return { zh: row.deadlineExplanation, en: row.deadlineExplanation };
  }
}
