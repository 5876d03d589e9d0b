// Chinese wording of the demo cases: the households behind the demo citizen accounts, issuing units and places,
// statements by appeal ground, information requests and replies, and decision reasons: data (data/*.json), checked
// on load.
import { z } from 'zod';
import { AppealGround } from '@/lib/db/generated/enums';
import households from './data/households.json';
import placesData from './data/places.json';
import textsData from './data/texts.json';

export interface DemoPerson {
  name: string;
  /** Relation to the account holder; null for the holder. */
  relation: string | null;
  male: boolean;
  birthDate: string;
  /** County code of the ID number's place of registration. */
  areaCode: string;
  idSequence: number;
}

export interface DemoHousehold {
  mobile: string;
  homeCity: string;
  people: readonly DemoPerson[];
}

/** Each demo citizen account files for its holder and, now and then, for a parent or spouse (代为申诉). */
export const HOUSEHOLDS: readonly DemoHousehold[] = z
  .array(
    z.object({
      mobile: z.string(),
      homeCity: z.string(),
      people: z.array(
        z.object({
          name: z.string(),
          relation: z.string().nullable(),
          male: z.boolean(),
          birthDate: z.string(),
          areaCode: z.string(),
          idSequence: z.number(),
        }),
      ),
    }),
  )
  .parse(households);

export interface IssuingUnit {
  code: string;
  name: string;
  places: readonly string[];
}

const places = z
  .object({
    provinceNames: z.record(z.string(), z.string()),
    /** Health-code issuing units per province: city codes, or district codes in the municipalities. */
    issuingUnits: z.record(
      z.string(),
      z.array(z.object({ code: z.string(), name: z.string(), places: z.array(z.string()) })),
    ),
    /** Where travellers whose codes are refused come from, per refusing province. */
    recognitionOrigins: z.record(z.string(), z.array(z.string())),
  })
  .parse(placesData);

export const PROVINCE_NAMES: Record<string, string> = places.provinceNames;
export const ISSUING_UNITS: Record<string, readonly IssuingUnit[]> = places.issuingUnits;
export const RECOGNITION_ORIGINS: Record<string, readonly string[]> = places.recognitionOrigins;

/** The first-level and second-level decision reasons the demo writes, by kind. */
const DECISION_REASON_KEYS = [
  'REVOKED_NO_REASON',
  'REVOKED_NON_EPIDEMIC',
  'REVOKED_NEVER_AT_PLACE',
  'REVOKED_IDENTITY',
  'REVOKED_TEST_SYNC',
  'REVOKED_ISOLATION',
  'REVOKED_ABOVE_STANDARD',
  'REVOKED_RECOGNITION',
  'REVOKED_OTHER',
  'DOWNGRADED',
  'UPHELD',
  'UPHELD_RECOGNITION',
  'SECOND_UPHELD',
  'SECOND_DOWNGRADED',
  'SECOND_REVOKED',
] as const;
export type DecisionReasonKey = (typeof DECISION_REASON_KEYS)[number];

/**
 * The Chinese wording (data/texts.json): statements by ground, information requests and replies, release,
 * second-review and withdrawal reasons, decision reasons. `{name}` stands for a value, `{name|fallback}` for a value
 * that may be missing (fillText).
 */
const texts = z
  .object({
    reasonPhrase: z.object({ stated: z.string(), none: z.string() }),
    statements: z.record(z.enum(AppealGround), z.array(z.string()).min(1)),
    familyNote: z.string(),
    informationRequests: z.record(z.enum(AppealGround), z.string()),
    replies: z.array(z.string()),
    /** Why a reviewer handed a case back to the pool (staff wording; recorded as the audit reason). */
    releaseReasons: z.array(z.string()),
    /** The citizen's words when asking for a second-level review, by the first decision's outcome. */
    secondReviewReasons: z.object({ UPHELD: z.array(z.string()), DOWNGRADED: z.array(z.string()) }),
    withdrawalReasons: z.array(z.string()),
    decisionReasons: z.record(z.enum(DECISION_REASON_KEYS), z.string()),
  })
  .parse(textsData);

export const {
  reasonPhrase: REASON_PHRASE,
  statements: STATEMENTS,
  familyNote: FAMILY_NOTE,
  informationRequests: INFORMATION_REQUESTS,
  replies: REPLIES,
  releaseReasons: RELEASE_REASONS,
  secondReviewReasons: SECOND_REVIEW_REASONS,
  withdrawalReasons: WITHDRAWAL_REASONS,
  decisionReasons: DECISION_REASONS,
} = texts;

/** Fills each `{name}` of a text from `values`, or with its `{name|fallback}` where the value is null. */
export function fillText(text: string, values: Record<string, string | null>): string {
  return text.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_, key: string, fallback?: string) => values[key] ?? fallback ?? '');
}
