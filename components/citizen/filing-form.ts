// The filing wizard's form values and steps: which fields each step asks, in order, so validation, error
// summaries and "change" links agree. The values are exactly the keys of filingSchema (which is strict).
import type { AppealGround, CaseType, RequestedOutcome } from '@/lib/db/generated/enums';

export interface FilingFormValues {
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
  idNumber: string;
  mobile: string;
  privacyNoticeAccepted: boolean;
  privacyNoticeVersion: string;
  idempotencyKey: string;
}

export type FilingField = keyof FilingFormValues;

export const FILING_STEPS = ['code', 'where', 'grounds', 'evidence', 'identity', 'privacy', 'check'] as const;
export type FilingStep = (typeof FILING_STEPS)[number];

export const STEP_FIELDS: Record<FilingStep, FilingField[]> = {
  code: ['type', 'colour'],
  where: ['codeAssignedAt', 'issuingProvinceCode', 'issuingUnitCode', 'refusingProvinceCode', 'statedReasonCode'],
  grounds: ['grounds', 'statement', 'requestedOutcome'],
  evidence: [],
  identity: ['applicantName', 'idNumber', 'mobile'],
  privacy: ['privacyNoticeAccepted', 'privacyNoticeVersion'],
  check: ['idempotencyKey'],
};

/** The element each field's error links to. */
export function fieldIdOf(field: FilingField): string {
  return `filing-${field}`;
}

export function stepOfField(field: string): FilingStep | null {
  if (field === 'evidence' || field.startsWith('evidence.')) return 'evidence';
  return FILING_STEPS.find((step) => (STEP_FIELDS[step] as string[]).includes(field)) ?? null;
}
