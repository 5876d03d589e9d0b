// About 200 demo cases in every state, spread over the last ~10 days (closed ones a little longer ago). Planning is
// pure (seeded PRNG + "now"): each case becomes a script — its filing and the steps of its life, each with its actor
// and its instant. The scripts are then replayed through the real use cases (demo-replay.ts), so routing, deadlines,
// audit payloads, correction orders and sweep marks are exactly what the application itself writes.
import type { PrismaClient } from '@/lib/db/client';
import {
  AppealGround,
  CaseState,
  CaseType,
  CodeColour,
  ReasonValidity,
  RequestedOutcome,
} from '@/lib/db/generated/enums';
import type { Actor } from '@/lib/auth/actor';
import type { DecisionFinding } from '@/lib/cases/use-cases/decide-case';
import { firstDecisionHours, type EffectiveDeadlinePolicy } from '@/lib/cases/rules/deadlines';
import { secondReviewChangesColour } from '@/lib/cases/rules/decision-outcome';
import { SECOND_REVIEW_PATH_STATES } from '@/lib/cases/rules/transitions';
import { loadDeadlinePolicy } from '@/lib/reference/deadline-rules';
import { CURRENT_PRIVACY_NOTICE } from '@/lib/privacy/notice';
import { DEMO_PROVINCES, DEMO_STAFF } from './demo-accounts';
import {
  DECISION_REASONS,
  FAMILY_NOTE,
  fillText,
  HOUSEHOLDS,
  INFORMATION_REQUESTS,
  ISSUING_UNITS,
  PROVINCE_NAMES,
  REASON_PHRASE,
  RELEASE_REASONS,
  REPLIES,
  SECOND_REVIEW_REASONS,
  STATEMENTS,
  WITHDRAWAL_REASONS,
  type DecisionReasonKey,
  type DemoPerson,
} from './demo-content';
import { COLOUR_ZH, draftCase, findReason, firstReasonKey, ruleCodeFor, type Draft } from './demo-scenarios';
import { DAY, HOUR, MINUTE, planTimeline, SECOND, seconds } from './demo-timeline';
import { replayDemoCases } from './demo-replay';
import { buildIdNumber } from './id-numbers';
import { createRandom, type Random } from './random';

/** Seed of the PRNG: the same demo on every run, apart from "now". */
const SEED = 20_261_127;

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

/** Who the cases point at, loaded from the database before planning. */
export interface SeedDirectory {
  supervisorByProvince: Map<string, Actor>;
  nationalSupervisor: Actor;
  citizenIdByMobile: Map<string, string>;
  policyByProvince: Map<string, EffectiveDeadlinePolicy>;
}

// ───────────────────────────── time in Asia/Shanghai

const shanghaiFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(date: Date): { month: string; day: string; hour: string; minute: string } {
  const parts = Object.fromEntries(shanghaiFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return { month: parts.month ?? '', day: parts.day ?? '', hour: parts.hour ?? '', minute: parts.minute ?? '' };
}

/** `11月27日` */
function chineseDate(date: Date): string {
  const p = shanghaiParts(date);
  return `${Number(p.month)}月${Number(p.day)}日`;
}

// ───────────────────────────── planning

/** One step of a case's life after its filing, done by the real use case of that name. */
export type DemoStep =
  | { kind: 'release'; reason: string }
  | { kind: 'startReview' }
  | { kind: 'requestInformation'; message: string }
  | { kind: 'reply'; replyText: string }
  | { kind: 'withdraw'; reason: string }
  | { kind: 'decide'; finding: DecisionFinding }
  /** The issuing (or refusing) province's system confirms the latest correction order (the integration API). */
  | { kind: 'confirmCorrection' }
  | { kind: 'requestSecondReview'; reason: string }
  | { kind: 'startSecondReview'; supervisor: Actor }
  | { kind: 'decideSecondReview'; supervisor: Actor; finding: DecisionFinding };

/** A demo case as the citizen files it and as it then goes on. */
export interface DemoCaseScript {
  index: number;
  provinceCode: string;
  citizen: Actor;
  filedAt: Date;
  /** The filing form's answers, as submitAppeal takes them. */
  filing: Record<string, unknown>;
  steps: { at: Date; step: DemoStep }[];
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

/** Plans every demo case: pure (seeded PRNG and "now"). */
export function planDemoCases(directory: SeedDirectory, now: Date): DemoCaseScript[] {
  const rng = createRandom(SEED);
  const states = (Object.entries(DEMO_STATE_COUNTS) as [CaseState, number][]).flatMap(([state, count]) =>
    Array<CaseState>(count).fill(state),
  );
  const drafts = states.map((state, index) =>
    draftCase(index, state, DEMO_PROVINCES[index % DEMO_PROVINCES.length]?.code ?? '34', rng),
  );
  return drafts.map((draft) => planOneCase(draft, directory, now, rng));
}

function planOneCase(draft: Draft, directory: SeedDirectory, now: Date, rng: Random): DemoCaseScript {
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

  const citizenId = directory.citizenIdByMobile.get(household.mobile);
  if (!citizenId) throw new Error(`demo citizen ${household.mobile} is missing`);
  const secondDecider = rng.chance(0.7)
    ? directory.supervisorByProvince.get(provinceCode)
    : directory.nationalSupervisor;
  if (!secondDecider) throw new Error(`province ${provinceCode} has no demo supervisor`);

  // The filing.
  const reason = findReason(reasonCode);
  const reasonName = reason && reason.validity === ReasonValidity.VALID ? reason.nameZh : null;
  const assigned = shanghaiParts(codeAssignedAt);
  const statementContext = {
    date: chineseDate(codeAssignedAt),
    time: `${assigned.hour}:${assigned.minute}`,
    testDate: chineseDate(new Date(codeAssignedAt.getTime() - rng.int(1, 2) * DAY)),
    place: draft.place,
    unitName: unit.name,
    issuingProvince: PROVINCE_NAMES[draft.issuingProvinceCode] ?? '外省',
    refusingProvince: PROVINCE_NAMES[provinceCode] ?? '',
    colour: COLOUR_ZH[colour],
    reasonName,
    reasonPhrase: reasonName ? fillText(REASON_PHRASE.stated, { reasonName }) : REASON_PHRASE.none,
    homeCity: household.homeCity,
  };
  const template = STATEMENTS[scenario.grounds][draft.templateIndex] ?? STATEMENTS[scenario.grounds][0];
  if (!template) throw new Error(`no statement for ${scenario.grounds}`);
  const familyNote = person.relation ? fillText(FAMILY_NOTE, { holder: household.people[0]?.name ?? '' }) : '';
  const statement = `${fillText(template, statementContext)}${familyNote}`;
  const filing = {
    type: scenario.type,
    applicantName: person.name,
    idNumber: idNumberOf(person),
    mobile: household.mobile,
    colour,
    codeAssignedAt: codeAssignedAt.toISOString(),
    issuingProvinceCode: draft.issuingProvinceCode,
    issuingUnitCode: unit.code,
    refusingProvinceCode: recognition ? provinceCode : null,
    statedReasonCode: reasonCode,
    grounds: scenario.grounds,
    statement,
    requestedOutcome: recognition
      ? RequestedOutcome.RECOGNISE
      : scenario.grounds === AppealGround.STRICTER_THAN_STANDARD && colour === CodeColour.RED
        ? RequestedOutcome.DOWNGRADE
        : RequestedOutcome.REVOKE,
    privacyNoticeAccepted: true,
    privacyNoticeVersion: CURRENT_PRIVACY_NOTICE.version,
    idempotencyKey: rng.uuid(),
  };

  // The steps after the filing, in the order of the timeline.
  const steps: { at: Date; step: DemoStep }[] = [];
  const add = (offset: number | null, step: DemoStep): void => {
    if (offset !== null) steps.push({ at: at(offset), step });
  };
  add(t.released, { kind: 'release', reason: rng.pick(RELEASE_REASONS) });
  add(t.started, { kind: 'startReview' });
  add(t.infoRequested, { kind: 'requestInformation', message: INFORMATION_REQUESTS[scenario.grounds] });
  add(t.replied, { kind: 'reply', replyText: rng.pick(REPLIES) });
  add(t.withdrawn, { kind: 'withdraw', reason: rng.pick(WITHDRAWAL_REASONS) });

  // Decisions, and the confirmation of the correction order a DOWNGRADED/REVOKED outcome sends.
  const decisionContext = (ruleCode: string) => ({
    date: statementContext.date,
    testDate: statementContext.testDate,
    place: draft.place,
    colour: COLOUR_ZH[colour],
    reasonName: reason?.nameZh ?? '未说明原因',
    ruleName: findReason(ruleCode)?.nameZh ?? ruleCode,
    issuingProvince: statementContext.issuingProvince,
  });
  const finding = (outcome: DecisionFinding['outcome'], key: DecisionReasonKey): DecisionFinding => {
    const ruleCode = ruleCodeFor(outcome, reasonCode);
    return { outcome, ruleCode, reasons: fillText(DECISION_REASONS[key], decisionContext(ruleCode)) };
  };
  const confirmLater = (orderedAt: number, mustConfirm: boolean): void => {
    const confirmedAt =
      orderedAt + seconds(rng.between(2 * SECOND, 90 * SECOND) + rng.between(5 * MINUTE, 110 * MINUTE));
    if ((mustConfirm || rng.chance(0.7)) && at(confirmedAt) <= now) add(confirmedAt, { kind: 'confirmCorrection' });
  };
  const firstOutcome = draft.firstOutcome;
  if (t.decided !== null && firstOutcome) {
    add(t.decided, {
      kind: 'decide',
      finding: finding(firstOutcome, firstReasonKey(firstOutcome, scenario, reasonCode)),
    });
    if (firstOutcome !== 'UPHELD') confirmLater(t.decided, SECOND_REVIEW_PATH_STATES.includes(state));
  }
  if (t.secondRequested !== null) {
    const reasons = SECOND_REVIEW_REASONS[firstOutcome === 'DOWNGRADED' ? 'DOWNGRADED' : 'UPHELD'];
    add(t.secondRequested, { kind: 'requestSecondReview', reason: rng.pick(reasons) });
  }
  add(t.secondStarted, { kind: 'startSecondReview', supervisor: secondDecider });
  const secondOutcome = draft.secondOutcome;
  if (t.secondDecided !== null && firstOutcome && secondOutcome) {
    const key: DecisionReasonKey =
      secondOutcome === firstOutcome
        ? 'SECOND_UPHELD'
        : secondOutcome === 'DOWNGRADED'
          ? 'SECOND_DOWNGRADED'
          : 'SECOND_REVOKED';
    add(t.secondDecided, {
      kind: 'decideSecondReview',
      supervisor: secondDecider,
      finding: finding(secondOutcome, key),
    });
    if (secondReviewChangesColour(firstOutcome, secondOutcome, colour)) confirmLater(t.secondDecided, false);
  }
  // A CLOSED case is closed by the deadline sweep once its window for a second review has passed.
  const last = steps.at(-1)?.at ?? filedAt;
  if (last > now || (t.closed !== null && at(t.closed) > now))
    throw new Error(`demo case ${draft.index} was planned into the future`);
  return {
    index: draft.index,
    provinceCode,
    citizen: { id: citizenId, role: 'CITIZEN', provinceCode: null },
    filedAt,
    filing,
    steps,
  };
}

async function loadSeedDirectory(prisma: PrismaClient, now: Date): Promise<SeedDirectory> {
  const [staff, citizens] = await Promise.all([
    prisma.user.findMany({
      where: { username: { in: DEMO_STAFF.map((s) => s.username) }, role: 'SUPERVISOR' },
      select: { id: true, username: true, provinceCode: true },
    }),
    prisma.user.findMany({
      where: { mobile: { in: HOUSEHOLDS.map((h) => h.mobile) } },
      select: { id: true, mobile: true },
    }),
  ]);
  const policyByProvince = new Map<string, EffectiveDeadlinePolicy>();
  for (const province of DEMO_PROVINCES)
    policyByProvince.set(province.code, await loadDeadlinePolicy(prisma, province.code, now));
  const supervisorByProvince = new Map<string, Actor>();
  let nationalSupervisor: Actor | undefined;
  for (const member of staff) {
    const actor: Actor = { id: member.id, role: 'SUPERVISOR', provinceCode: member.provinceCode };
    if (member.provinceCode) supervisorByProvince.set(member.provinceCode, actor);
    else if (member.username === 'supervisor-national') nationalSupervisor = actor;
  }
  if (!nationalSupervisor) throw new Error('demo account supervisor-national is missing');
  return {
    supervisorByProvince,
    nationalSupervisor,
    citizenIdByMobile: new Map(citizens.flatMap((c) => (c.mobile ? [[c.mobile, c.id] as const] : []))),
    policyByProvince,
  };
}

/**
 * Files and replays the demo cases when the database holds no case and no case history yet; otherwise does nothing
 * (back-dated events appended to a live chain would break its time order). `after` runs for one province once its
 * replay is done (see replayDemoCases). Returns the counts written.
 */
export async function seedDemoCases(
  prisma: PrismaClient,
  now: Date,
  log: (line: string) => void,
  after: { provinceCode: string; run: () => Promise<unknown> } | null = null,
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
  const scripts = planDemoCases(await loadSeedDirectory(prisma, now), now);
  const events = await replayDemoCases(prisma, scripts, now, after);
  for (const provinceCode of provinceCodes) {
    const cases = scripts.filter((s) => s.provinceCode === provinceCode).length;
    log(`  ${provinceCode} ${PROVINCE_NAMES[provinceCode] ?? ''}: ${cases} 件案件 / cases`);
  }
  return { cases: scripts.length, events };
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
