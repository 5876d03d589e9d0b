// The strict zod schemas of every case form and payload (SPEC §4–§5), shared by the browser forms (zodResolver) and
// the server. Messages are next-intl keys, so each user reads them in their own language (texts in lib/i18n/messages).
import { z } from 'zod';
import type coreMessages from '@/lib/i18n/messages/en/core.json';
import { MOBILE_PATTERN } from '@/lib/auth/mobile';
import { AppealGround, CaseType, CodeColour, DecisionOutcome, RequestedOutcome } from '@/lib/db/generated/enums';
import { findResidentIdProblem, normaliseResidentId, type ResidentIdProblem } from '@/lib/cases/rules/resident-id';
import { MAX_DETAIL_LENGTH, RELIEF_REASONS } from '@/lib/cases/rules/interim-relief';
import { ID_DOCUMENT_TYPES, isPassportNumber } from '@/lib/cases/rules/passport-number';

export { ALLOWED_EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '@/lib/cases/rules/evidence-limits';

// Message keys are typed from the English message file, where (with zh-CN) their texts live.
export type FilingErrorKey = `filing.errors.${keyof (typeof coreMessages)['filing']['errors']}`;

export type CaseActionErrorKey = `caseAction.errors.${keyof (typeof coreMessages)['caseAction']['errors']}`;

/** Codes cannot have been assigned before the health-code system existed: 2020-02-01 00:00 in Asia/Shanghai. */
export const EARLIEST_CODE_ASSIGNED_AT = new Date('2020-02-01T00:00:00+08:00');

export const FILING_COLOURS = [CodeColour.RED, CodeColour.YELLOW] as const;

const PROVINCE_CODE = /^\d{2}$/;
const UNIT_CODE = /^\d{6}$/;
const REASON_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const OFFSET_SUFFIX = /(Z|[+-]\d{2}:\d{2})$/i;

/** `{ error: key }`, with the key checked against the message map at compile time. */
function filingError(key: FilingErrorKey): { error: FilingErrorKey } {
  return { error: key };
}

function actionError(key: CaseActionErrorKey): { error: CaseActionErrorKey } {
  return { error: key };
}

const ID_PROBLEM_KEYS: Record<ResidentIdProblem, FilingErrorKey> = {
  format: 'filing.errors.idFormat',
  region: 'filing.errors.idRegion',
  birthDate: 'filing.errors.idBirthDate',
  birthDateFuture: 'filing.errors.idBirthDateFuture',
  checkDigit: 'filing.errors.idCheckDigit',
};

/** Checked with the document type it belongs to (filingSchema's identity check). */
const idNumber = z.string(filingError('filing.errors.idFormat')).transform(normaliseResidentId);

/** What is wrong with the number for the document named, or null: GB 11643 rules for ID numbers, a shape for passports. */
function identityProblem(type: (typeof ID_DOCUMENT_TYPES)[number], number: string): FilingErrorKey | null {
  if (type === 'PASSPORT') return isPassportNumber(number) ? null : 'filing.errors.passportFormat';
  const problem = findResidentIdProblem(number, new Date());
  return problem ? ID_PROBLEM_KEYS[problem] : null;
}

/**
 * An ISO date-time with an offset, a local date-time (as from `<input type="datetime-local">`, read in
 * Asia/Shanghai, which has kept +08:00 without daylight saving since 1991), or a Date.
 */
const codeAssignedAt = z
  .union(
    [
      z.iso.datetime({ offset: true, local: true, ...filingError('filing.errors.codeAssignedAtInvalid') }),
      z.date(filingError('filing.errors.codeAssignedAtInvalid')),
    ],
    filingError('filing.errors.codeAssignedAtInvalid'),
  )
  .transform((value) =>
    typeof value === 'string' ? new Date(OFFSET_SUFFIX.test(value) ? value : `${value}+08:00`) : value,
  )
  .refine((date) => date.getTime() <= Date.now(), filingError('filing.errors.codeAssignedAtFuture'))
  .refine(
    (date) => date.getTime() >= EARLIEST_CODE_ASSIGNED_AT.getTime(),
    filingError('filing.errors.codeAssignedAtTooEarly'),
  );

/** Lets a cross-field rule run once the fields it reads parsed cleanly, even while other fields still have errors. */
function whenValid(...fields: string[]): { when: (payload: z.core.ParsePayload) => boolean } {
  return {
    // A body that is not an object (null, [], 1, "x") has only a root issue: the cross-field rules must not run on it.
    when: (payload) =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      !Array.isArray(payload.value) &&
      !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
  };
}

export const filingSchema = z
  .strictObject(
    {
      type: z.enum(CaseType, filingError('filing.errors.typeInvalid')),
      applicantName: z
        .string(filingError('filing.errors.applicantNameRequired'))
        .trim()
        .min(1, filingError('filing.errors.applicantNameRequired'))
        .max(50, filingError('filing.errors.applicantNameTooLong')),
      /** The document `idNumber` comes from; a resident ID (or permit) unless a passport is named. */
      idDocumentType: z
        .enum(ID_DOCUMENT_TYPES, filingError('filing.errors.idDocumentTypeInvalid'))
        .default('RESIDENT_ID'),
      idNumber,
      mobile: z
        .string(filingError('filing.errors.mobileInvalid'))
        .trim()
        .regex(MOBILE_PATTERN, filingError('filing.errors.mobileInvalid')),
      colour: z.enum(FILING_COLOURS, filingError('filing.errors.colourInvalid')),
      codeAssignedAt,
      issuingProvinceCode: z
        .string(filingError('filing.errors.issuingProvinceInvalid'))
        .regex(PROVINCE_CODE, filingError('filing.errors.issuingProvinceInvalid')),
      issuingUnitCode: z
        .string(filingError('filing.errors.issuingUnitInvalid'))
        .regex(UNIT_CODE, filingError('filing.errors.issuingUnitInvalid')),
      /** Absent, null or '' for a code appeal. */
      refusingProvinceCode: z
        .string(filingError('filing.errors.refusingProvinceInvalid'))
        .regex(/^(\d{2})?$/, filingError('filing.errors.refusingProvinceInvalid'))
        .nullish()
        .transform((value) => value || null),
      /** null (or '') when no reason was stated. */
      statedReasonCode: z
        .string(filingError('filing.errors.statedReasonInvalid'))
        .trim()
        .refine((value) => value === '' || REASON_CODE.test(value), filingError('filing.errors.statedReasonInvalid'))
        .nullable()
        .transform((value) => value || null),
      grounds: z.enum(AppealGround, filingError('filing.errors.groundsInvalid')),
      statement: z
        .string(filingError('filing.errors.statementTooShort'))
        .trim()
        .min(10, filingError('filing.errors.statementTooShort'))
        .max(2000, filingError('filing.errors.statementTooLong')),
      requestedOutcome: z.enum(RequestedOutcome, filingError('filing.errors.requestedOutcomeInvalid')),
      privacyNoticeAccepted: z.literal(true, filingError('filing.errors.privacyNoticeRequired')),
      privacyNoticeVersion: z
        .string(filingError('filing.errors.privacyNoticeVersionInvalid'))
        .trim()
        .min(1, filingError('filing.errors.privacyNoticeVersionInvalid'))
        .max(32, filingError('filing.errors.privacyNoticeVersionInvalid')),
      idempotencyKey: z.uuid(filingError('filing.errors.idempotencyKeyInvalid')),
      /** Interim relief asked for at filing (SPEC §15): absent, null or '' asks for none. */
      reliefReason: z
        .preprocess(
          (value) => (value === '' ? null : value),
          z.enum(RELIEF_REASONS, filingError('filing.errors.reliefReasonInvalid')).nullish(),
        )
        .transform((value) => value ?? null),
      /** What the relief is needed for, ≤ 500 characters; '' is none. */
      reliefDetail: z
        .string(filingError('filing.errors.reliefDetailTooLong'))
        .trim()
        .max(MAX_DETAIL_LENGTH, filingError('filing.errors.reliefDetailTooLong'))
        .nullish()
        .transform((value) => value || null),
    },
    {
      error: (issue) =>
        (issue.code === 'unrecognized_keys'
          ? 'filing.errors.unknownField'
          : 'filing.errors.invalidForm') satisfies FilingErrorKey,
    },
  )
  .superRefine(
    (filing, ctx) => {
      const problem = identityProblem(filing.idDocumentType, filing.idNumber);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['idNumber'] });
    },
    whenValid('idDocumentType', 'idNumber'),
  )
  .refine((filing) => filing.issuingUnitCode.startsWith(filing.issuingProvinceCode), {
    ...filingError('filing.errors.issuingUnitOutsideProvince'),
    path: ['issuingUnitCode'],
    ...whenValid('issuingUnitCode', 'issuingProvinceCode'),
  })
  .refine((filing) => filing.type !== CaseType.RECOGNITION_COMPLAINT || filing.refusingProvinceCode !== null, {
    ...filingError('filing.errors.refusingProvinceRequired'),
    path: ['refusingProvinceCode'],
    ...whenValid('type', 'refusingProvinceCode'),
  })
  .refine((filing) => filing.type !== CaseType.CODE_APPEAL || filing.refusingProvinceCode === null, {
    ...filingError('filing.errors.refusingProvinceNotAllowed'),
    path: ['refusingProvinceCode'],
    ...whenValid('type', 'refusingProvinceCode'),
  })
  .refine(
    (filing) => filing.refusingProvinceCode === null || filing.refusingProvinceCode !== filing.issuingProvinceCode,
    {
      ...filingError('filing.errors.refusingProvinceSameAsIssuing'),
      path: ['refusingProvinceCode'],
      ...whenValid('refusingProvinceCode', 'issuingProvinceCode'),
    },
  )
  .refine(
    (filing) => filing.grounds !== AppealGround.NOT_RECOGNISED || filing.type === CaseType.RECOGNITION_COMPLAINT,
    {
      ...filingError('filing.errors.groundsNeedRecognitionComplaint'),
      path: ['grounds'],
      ...whenValid('type', 'grounds'),
    },
  )
  .refine(
    (filing) =>
      filing.requestedOutcome !== RequestedOutcome.RECOGNISE || filing.type === CaseType.RECOGNITION_COMPLAINT,
    {
      ...filingError('filing.errors.requestedOutcomeRecogniseOnlyForComplaint'),
      path: ['requestedOutcome'],
      ...whenValid('type', 'requestedOutcome'),
    },
  )
  .refine(
    (filing) =>
      filing.type !== CaseType.RECOGNITION_COMPLAINT || filing.requestedOutcome === RequestedOutcome.RECOGNISE,
    {
      ...filingError('filing.errors.requestedOutcomeMustBeRecognise'),
      path: ['requestedOutcome'],
      ...whenValid('type', 'requestedOutcome'),
    },
  )
  .refine((filing) => filing.requestedOutcome !== RequestedOutcome.DOWNGRADE || filing.colour === CodeColour.RED, {
    ...filingError('filing.errors.requestedOutcomeDowngradeOnlyRed'),
    path: ['requestedOutcome'],
    ...whenValid('colour', 'requestedOutcome'),
  })
  .refine((filing) => filing.reliefDetail === null || filing.reliefReason !== null, {
    ...filingError('filing.errors.reliefDetailWithoutReason'),
    path: ['reliefReason'],
    ...whenValid('reliefReason', 'reliefDetail'),
  });

export type FilingInput = z.input<typeof filingSchema>;
export type FilingData = z.output<typeof filingSchema>;

const caseId = z.uuid(actionError('caseAction.errors.caseIdInvalid'));
const expectedVersion = z
  .number(actionError('caseAction.errors.versionInvalid'))
  .int(actionError('caseAction.errors.versionInvalid'))
  .min(1, actionError('caseAction.errors.versionInvalid'));

function trimmedText(min: number, max: number, tooShort: CaseActionErrorKey, tooLong: CaseActionErrorKey) {
  return z.string(actionError(tooShort)).trim().min(min, actionError(tooShort)).max(max, actionError(tooLong));
}

function actionObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      (issue.code === 'unrecognized_keys'
        ? 'caseAction.errors.unknownField'
        : 'caseAction.errors.invalidForm') satisfies CaseActionErrorKey,
  });
}

/** Start review, claim, release: an action on one case at a version the caller has seen. */
export const caseActionSchema = actionObject({ caseId, expectedVersion });

export const decideSchema = actionObject({
  caseId,
  expectedVersion,
  outcome: z.enum(DecisionOutcome, actionError('caseAction.errors.outcomeInvalid')),
  ruleCode: z
    .string(actionError('caseAction.errors.ruleCodeRequired'))
    .trim()
    .regex(REASON_CODE, actionError('caseAction.errors.ruleCodeRequired')),
  reasons: trimmedText(20, 5000, 'caseAction.errors.reasonsTooShort', 'caseAction.errors.reasonsTooLong'),
});

export const requestInformationSchema = actionObject({
  caseId,
  expectedVersion,
  message: trimmedText(10, 2000, 'caseAction.errors.messageTooShort', 'caseAction.errors.messageTooLong'),
});

/** Citizens act on their own case; a version is checked when their page sent one. */
export const citizenReplySchema = actionObject({
  caseId,
  expectedVersion: expectedVersion.optional(),
  replyText: trimmedText(1, 2000, 'caseAction.errors.replyRequired', 'caseAction.errors.replyTooLong'),
});

export const transferSchema = actionObject({
  caseId,
  expectedVersion,
  toProvinceCode: z
    .string(actionError('caseAction.errors.provinceInvalid'))
    .regex(PROVINCE_CODE, actionError('caseAction.errors.provinceInvalid')),
  reason: trimmedText(10, 1000, 'caseAction.errors.transferReasonTooShort', 'caseAction.errors.transferReasonTooLong'),
});

export const withdrawSchema = actionObject({
  caseId,
  expectedVersion: expectedVersion.optional(),
  reason: z
    .string(actionError('caseAction.errors.withdrawReasonTooLong'))
    .trim()
    .max(1000, actionError('caseAction.errors.withdrawReasonTooLong'))
    .optional(),
});

export const requestSecondReviewSchema = actionObject({
  caseId,
  expectedVersion: expectedVersion.optional(),
  reason: trimmedText(
    10,
    2000,
    'caseAction.errors.secondReviewReasonTooShort',
    'caseAction.errors.secondReviewReasonTooLong',
  ),
});

/** A citizen asks for interim relief on their own case (SPEC §15). */
export const requestReliefSchema = actionObject({
  caseId,
  reason: z.enum(RELIEF_REASONS, actionError('caseAction.errors.reliefReasonInvalid')),
  detail: z
    .string(actionError('caseAction.errors.reliefDetailTooLong'))
    .trim()
    .max(MAX_DETAIL_LENGTH, actionError('caseAction.errors.reliefDetailTooLong'))
    .nullish()
    .transform((value) => value || null),
});

/** The case's reviewer or a supervisor grants (with the temporary colour) or refuses a request, with a reason. */
export const decideReliefSchema = actionObject({
  caseId,
  reliefId: z.uuid(actionError('caseAction.errors.reliefIdInvalid')),
  expectedVersion,
  decision: z.enum(['GRANT', 'REFUSE'], actionError('caseAction.errors.reliefDecisionInvalid')),
  toColour: z
    .enum([CodeColour.GREEN, CodeColour.YELLOW], actionError('caseAction.errors.reliefColourRequired'))
    .optional(),
  reason: trimmedText(
    10,
    1000,
    'caseAction.errors.reliefDecisionReasonTooShort',
    'caseAction.errors.reliefDecisionReasonTooLong',
  ),
}).refine((input) => input.decision !== 'GRANT' || input.toColour !== undefined, {
  ...actionError('caseAction.errors.reliefColourRequired'),
  path: ['toColour'],
});

export type CaseActionInput = z.input<typeof caseActionSchema>;
export type DecideInput = z.input<typeof decideSchema>;
export type RequestInformationInput = z.input<typeof requestInformationSchema>;
export type CitizenReplyInput = z.input<typeof citizenReplySchema>;
export type TransferInput = z.input<typeof transferSchema>;
export type WithdrawInput = z.input<typeof withdrawSchema>;
export type RequestSecondReviewInput = z.input<typeof requestSecondReviewSchema>;
export type RequestReliefInput = z.input<typeof requestReliefSchema>;
export type DecideReliefInput = z.input<typeof decideReliefSchema>;
