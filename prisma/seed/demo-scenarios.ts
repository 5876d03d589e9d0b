// What each demo case is about: scenarios (ground, stated reason, colour, wording), the outcomes a reviewer and a
// supervisor would plausibly reach, and the rule each decision rests on.
import {
  AppealGround,
  CaseState,
  CaseType,
  CodeColour,
  DecisionOutcome,
  ReasonValidity,
} from '@/lib/db/generated/enums';
import { z } from 'zod';
import {
  HOUSEHOLDS,
  ISSUING_UNITS,
  RECOGNITION_ORIGINS,
  type DecisionReasonKey,
  type DemoHousehold,
  type DemoPerson,
  type IssuingUnit,
} from './demo-content';
import type { Random } from './random';
import scenarios from './data/scenarios.json';
import { FIRST_DECISION_STATES, SECOND_REVIEW_PATH_STATES } from '@/lib/cases/rules/transitions';
import { REASONS_V1, type CatalogueReason } from './reference-data';

// ───────────────────────────── catalogue

const COLOUR_RANK: Record<CodeColour, number> = { GREEN: 0, YELLOW: 1, RED: 2 };
export const COLOUR_ZH: Record<CodeColour, string> = { GREEN: '绿', YELLOW: '黄', RED: '红' };

export function findReason(code: string | null): CatalogueReason | undefined {
  return code === null ? undefined : REASONS_V1.find((r) => r.code === code);
}

// ───────────────────────────── scenarios

export interface Scenario {
  type: CaseType;
  grounds: AppealGround;
  weight: number;
  codes: readonly { reason: string | null; colour: CodeColour }[];
  templates: readonly number[];
  /** Only for cases routed to these provinces / issued by these units. */
  provinces?: readonly string[];
  units?: readonly string[];
  excludeMobiles?: readonly string[];
}

const { RED, YELLOW } = CodeColour;

/**
 * The scenarios (data/scenarios.json), weighted. The depositor scenario is Zhengzhou, June 2022: rural-bank depositors
 * given red codes on arrival (the story of SPEC §1).
 */
const SCENARIOS: readonly Scenario[] = z
  .array(
    z.object({
      type: z.enum(CaseType),
      grounds: z.enum(AppealGround),
      weight: z.number(),
      codes: z.array(z.object({ reason: z.string().nullable(), colour: z.enum(CodeColour) })),
      templates: z.array(z.number()),
      provinces: z.array(z.string()).optional(),
      units: z.array(z.string()).optional(),
      excludeMobiles: z.array(z.string()).optional(),
    }),
  )
  .parse(scenarios);

// ───────────────────────────── outcomes

function firstOutcomeOptions(
  colour: CodeColour,
  reasonCode: string | null,
): { item: DecisionOutcome; weight: number }[] {
  const reason = findReason(reasonCode);
  if (!reason?.maxColour || reason.validity !== ReasonValidity.VALID)
    return [{ item: DecisionOutcome.REVOKED, weight: 1 }];
  if (COLOUR_RANK[colour] > COLOUR_RANK[reason.maxColour]) {
    return colour === RED && reason.maxColour === YELLOW
      ? [
          { item: DecisionOutcome.DOWNGRADED, weight: 7 },
          { item: DecisionOutcome.REVOKED, weight: 3 },
        ]
      : [{ item: DecisionOutcome.REVOKED, weight: 1 }];
  }
  return [
    { item: DecisionOutcome.UPHELD, weight: 9 },
    { item: DecisionOutcome.REVOKED, weight: 11 },
    ...(colour === RED ? [{ item: DecisionOutcome.DOWNGRADED, weight: 2 }] : []),
  ];
}

function secondOutcomeOptions(first: DecisionOutcome, colour: CodeColour): { item: DecisionOutcome; weight: number }[] {
  if (first === DecisionOutcome.DOWNGRADED) {
    return [
      { item: DecisionOutcome.DOWNGRADED, weight: 6 },
      { item: DecisionOutcome.REVOKED, weight: 4 },
    ];
  }
  return [
    { item: DecisionOutcome.UPHELD, weight: 5 },
    { item: DecisionOutcome.REVOKED, weight: 3.5 },
    ...(colour === RED ? [{ item: DecisionOutcome.DOWNGRADED, weight: 1.5 }] : []),
  ];
}

export function ruleCodeFor(outcome: DecisionOutcome, reasonCode: string | null): string {
  if (outcome === DecisionOutcome.UPHELD) return reasonCode ?? 'NO_REASON_STATED';
  if (outcome === DecisionOutcome.DOWNGRADED)
    return findReason(reasonCode)?.maxColour === YELLOW && reasonCode ? reasonCode : 'SECONDARY_CLOSE_CONTACT';
  return reasonCode ?? 'NO_REASON_STATED';
}

export function firstReasonKey(
  outcome: DecisionOutcome,
  scenario: Scenario,
  reasonCode: string | null,
): DecisionReasonKey {
  const recognition = scenario.type === CaseType.RECOGNITION_COMPLAINT;
  if (outcome === DecisionOutcome.UPHELD) return recognition ? 'UPHELD_RECOGNITION' : 'UPHELD';
  if (outcome === DecisionOutcome.DOWNGRADED) return 'DOWNGRADED';
  if (recognition) return 'REVOKED_RECOGNITION';
  const reason = findReason(reasonCode);
  if (!reason || reason.validity === ReasonValidity.NO_REASON) return 'REVOKED_NO_REASON';
  if (reason.validity === ReasonValidity.NON_EPIDEMIC) return 'REVOKED_NON_EPIDEMIC';
  switch (scenario.grounds) {
    case AppealGround.NEVER_AT_PLACE:
      return 'REVOKED_NEVER_AT_PLACE';
    case AppealGround.IDENTITY_MIX_UP:
      return 'REVOKED_IDENTITY';
    case AppealGround.NEGATIVE_TEST_NOT_SYNCED:
      return 'REVOKED_TEST_SYNC';
    case AppealGround.ISOLATION_COMPLETED:
      return 'REVOKED_ISOLATION';
    default:
      return reason.maxColour === CodeColour.GREEN ? 'REVOKED_ABOVE_STANDARD' : 'REVOKED_OTHER';
  }
}

// ───────────────────────────── one case's draft

/** A case before its times are known: state, province, scenario, outcomes, issuing unit and who files it. */
export interface Draft {
  index: number;
  state: CaseState;
  provinceCode: string;
  scenario: Scenario;
  reasonCode: string | null;
  colour: CodeColour;
  firstOutcome: DecisionOutcome | null;
  secondOutcome: DecisionOutcome | null;
  issuingProvinceCode: string;
  unit: IssuingUnit;
  place: string;
  household: DemoHousehold;
  person: DemoPerson;
  templateIndex: number;
}

function scenarioFits(scenario: Scenario, provinceCode: string): boolean {
  return !scenario.provinces || scenario.provinces.includes(provinceCode);
}

export function draftCase(index: number, state: CaseState, provinceCode: string, rng: Random): Draft {
  const candidates = SCENARIOS.filter((s) => scenarioFits(s, provinceCode));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const scenario = rng.pickWeighted(candidates.map((s) => ({ item: s, weight: s.weight })));
    const code = rng.pick(scenario.codes);
    let firstOutcome: DecisionOutcome | null = null;
    let secondOutcome: DecisionOutcome | null = null;
    if (FIRST_DECISION_STATES.includes(state)) {
      // A decided recognition complaint is upheld here: the correction order of a revoked one goes to the refusing
      // province's system (lib/cases/engine/correction-order.ts), and the demo's orders all go to issuing provinces.
      const options = firstOutcomeOptions(code.colour, code.reason).filter(
        (o) =>
          (!SECOND_REVIEW_PATH_STATES.includes(state) || o.item !== DecisionOutcome.REVOKED) &&
          (scenario.type !== CaseType.RECOGNITION_COMPLAINT || o.item === DecisionOutcome.UPHELD),
      );
      if (options.length === 0) continue;
      firstOutcome = rng.pickWeighted(options);
      if (state === CaseState.FINAL) secondOutcome = rng.pickWeighted(secondOutcomeOptions(firstOutcome, code.colour));
    }
    const recognition = scenario.type === CaseType.RECOGNITION_COMPLAINT;
    const issuingProvinceCode = recognition ? rng.pick(RECOGNITION_ORIGINS[provinceCode] ?? ['11']) : provinceCode;
    const units = (ISSUING_UNITS[issuingProvinceCode] ?? []).filter(
      (u) => !scenario.units || scenario.units.includes(u.code),
    );
    const unit = rng.pick(units);
    // A traveller refused on arrival names a station, airport or border crossing of the refusing province;
    // an appellant names a place of the issuing unit.
    const arrivals = (ISSUING_UNITS[provinceCode] ?? [])
      .flatMap((u) => u.places)
      .filter((p) => /(?<!地铁)站$|机场$|口岸$/.test(p));
    const place = rng.pick(recognition ? arrivals : unit.places);
    const households = HOUSEHOLDS.filter((h) => !scenario.excludeMobiles?.includes(h.mobile));
    const household = rng.pick(households);
    const person = rng.chance(0.7) ? (household.people[0] as DemoPerson) : rng.pick(household.people.slice(1));
    return {
      index,
      state,
      provinceCode,
      scenario,
      reasonCode: code.reason,
      colour: code.colour,
      firstOutcome,
      secondOutcome,
      issuingProvinceCode,
      unit,
      place,
      household,
      person,
      templateIndex: rng.pick(scenario.templates),
    };
  }
  throw new Error(`no demo scenario fits state ${state} in province ${provinceCode}`);
}
