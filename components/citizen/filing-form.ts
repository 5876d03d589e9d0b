// The filing wizard's form values and steps: which fields each step asks, in order, so validation, error
// summaries and "change" links agree. The filing answers are exactly the keys of filingSchema (which is strict); the
// interim-relief answers (SPEC §15) travel beside them as their own form fields.
import { z } from 'zod';
import type { AppealGround, CaseType, RequestedOutcome } from '@/lib/db/generated/enums';
import { filingSchema } from '@/lib/cases/forms/schemas';
import { ID_DOCUMENT_TYPES, type IdDocumentType } from '@/lib/cases/rules/passport-number';

import {
  MAX_DETAIL_LENGTH as RELIEF_DETAIL_MAX,
  RELIEF_REASONS,
  type ReliefReason,
} from '@/lib/cases/rules/interim-relief';

/** Why the citizen asks for interim relief before the decision (SPEC §15): the rule's own values and limit. */
export { RELIEF_DETAIL_MAX, RELIEF_REASONS };

export interface FilingAnswers {
  type?: CaseType;
  colour?: 'RED' | 'YELLOW';
  /** `yyyy-MM-ddTHH:mm` as typed, read in Asia/Shanghai by the schema. */
  codeAssignedAt: string;
  issuingProvinceCode: string;
  issuingUnitCode: string;
  /** '' for a code appeal. */
  refusingProvinceCode: string;
  /** undefined while unanswered, '' for "no reason was given". */
  statedReasonCode?: string;
  grounds?: AppealGround;
  statement: string;
  requestedOutcome?: RequestedOutcome;
  applicantName: string;
  /** undefined while unanswered (the wizard asks; the schema alone would take a resident ID). */
  idDocumentType?: IdDocumentType;
  idNumber: string;
  mobile: string;
  privacyNoticeAccepted: boolean;
  privacyNoticeVersion: string;
  idempotencyKey: string;
}

export interface FilingFormValues extends FilingAnswers {
  /** undefined while unanswered, 'NONE' when no relief is asked for. */
  reliefNeed?: ReliefReason | 'NONE';
  reliefDetail: string;
}

export type FilingField = keyof FilingFormValues;

/** The relief question: answered (a reason or none), with a short optional detail. Values are message keys. */
export const reliefSchema = z.object({
  reliefNeed: z.enum([...RELIEF_REASONS, 'NONE'], { error: 'citizenFiling.relief.errors.needRequired' }),
  reliefDetail: z.string().trim().max(RELIEF_DETAIL_MAX, { error: 'citizenFiling.relief.errors.detailTooLong' }),
});

/** The document question must be answered in the wizard, although the filing schema defaults it (API filers). */
export const documentSchema = z.object({
  idDocumentType: z.enum(ID_DOCUMENT_TYPES, { error: 'filing.errors.idDocumentTypeInvalid' }),
});

export function splitFilingValues(values: FilingFormValues): {
  filing: FilingAnswers;
  relief: Pick<FilingFormValues, 'reliefNeed' | 'reliefDetail'>;
} {
  const { reliefNeed, reliefDetail, ...filing } = values;
  return { filing, relief: { reliefNeed, reliefDetail } };
}

/** The form data the filing action receives: the filing as JSON, the relief fields (only when asked for), the files. */
export function filingFormData(values: FilingFormValues, files: File[]): FormData {
  const { filing, relief } = splitFilingValues(values);
  const body = new FormData();
  body.set('filing', JSON.stringify(filing));
  if (relief.reliefNeed && relief.reliefNeed !== 'NONE') {
    body.set('reliefReason', relief.reliefNeed);
    body.set('reliefDetail', relief.reliefDetail.trim());
  }
  for (const file of files) body.append('evidence', file, file.name);
  return body;
}

/** Every step of the wizard; each asks one question. */
export const FILING_STEPS = [
  'type',
  'colour',
  'assignedAt',
  'issuer',
  'refusing',
  'reason',
  'grounds',
  'statement',
  'outcome',
  'relief',
  'evidence',
  'document',
  'identity',
  'contact',
  'privacy',
  'check',
] as const;
export type FilingStep = (typeof FILING_STEPS)[number];

export const STEP_FIELDS: Record<FilingStep, FilingField[]> = {
  type: ['type'],
  colour: ['colour'],
  assignedAt: ['codeAssignedAt'],
  issuer: ['issuingProvinceCode', 'issuingUnitCode'],
  refusing: ['refusingProvinceCode'],
  reason: ['statedReasonCode'],
  grounds: ['grounds'],
  statement: ['statement'],
  outcome: ['requestedOutcome'],
  relief: ['reliefNeed', 'reliefDetail'],
  evidence: [],
  document: ['idDocumentType'],
  identity: ['applicantName', 'idNumber'],
  contact: ['mobile'],
  privacy: ['privacyNoticeAccepted', 'privacyNoticeVersion'],
  check: ['idempotencyKey'],
};

export function isFilingStep(value: unknown): value is FilingStep {
  return typeof value === 'string' && (FILING_STEPS as readonly string[]).includes(value);
}

/** The steps this filing asks, in order: only a recognition complaint names the refusing province, and its outcome
 * is fixed (recognise the code), so it skips that question. */
export function stepsFor(type: CaseType | undefined): FilingStep[] {
  return FILING_STEPS.filter((step) => (type === 'RECOGNITION_COMPLAINT' ? step !== 'outcome' : step !== 'refusing'));
}

/** The element each field's error links to. */
export function fieldIdOf(field: FilingField): string {
  return `filing-${field}`;
}

export function stepOfField(field: string): FilingStep | null {
  if (field === 'evidence' || field.startsWith('evidence.')) return 'evidence';
  if (field === 'reliefReason') return 'relief';
  return FILING_STEPS.find((step) => (STEP_FIELDS[step] as string[]).includes(field)) ?? null;
}

/** The steps whose answers are missing or wrong, in order (checked silently, e.g. to resume a stored draft). */
export function unansweredSteps(values: FilingFormValues): FilingStep[] {
  const { filing, relief } = splitFilingValues(values);
  const fields = [
    ...(filingSchema.safeParse(filing).error?.issues ?? []),
    ...(reliefSchema.safeParse(relief).error?.issues ?? []),
    ...(documentSchema.safeParse(filing).error?.issues ?? []),
  ].map((issue) => String(issue.path[0] ?? ''));
  return stepsFor(values.type).filter((step) => fields.some((field) => stepOfField(field) === step));
}
