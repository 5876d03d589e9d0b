// The strict zod schemas of every case form and payload (SPEC §4–§5), shared by the browser forms (zodResolver) and
// the server. Messages are next-intl keys, so each user reads them in their own language; defaults sit beside them.
import { z } from 'zod';
import { MOBILE_PATTERN } from '@/lib/auth/mobile';
import { AppealGround, CaseType, CodeColour, DecisionOutcome, RequestedOutcome } from '@/lib/db/generated/enums';
import { findResidentIdProblem, normaliseResidentId, type ResidentIdProblem } from '@/lib/cases/rules/resident-id';
import { ID_DOCUMENT_TYPES, isPassportNumber } from '@/lib/cases/rules/passport-number';

export { ALLOWED_EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '@/lib/cases/rules/evidence-limits';

export const FILING_ERROR_MESSAGES = {
  'filing.errors.invalidForm': {
    zh: '提交的内容无法识别，请刷新页面后重试。',
    en: 'The form could not be read. Reload the page and try again.',
  },
  'filing.errors.unknownField': {
    zh: '提交的内容包含不允许的字段。',
    en: 'The form contains a field that is not allowed.',
  },
  'filing.errors.typeInvalid': { zh: '请选择申诉类型。', en: 'Choose the type of appeal.' },
  'filing.errors.applicantNameRequired': { zh: '请填写姓名。', en: 'Enter your name.' },
  'filing.errors.applicantNameTooLong': {
    zh: '姓名不能超过 50 个字符。',
    en: 'Your name must be 50 characters or fewer.',
  },
  'filing.errors.idFormat': {
    zh: '身份证号码应为 18 位：17 位数字加 1 位数字或 X。',
    en: 'The ID number must be 18 characters: 17 digits and a final digit or X.',
  },
  'filing.errors.idRegion': {
    zh: '身份证号码的地区代码无效。',
    en: 'The ID number does not start with a valid region code.',
  },
  'filing.errors.idBirthDate': {
    zh: '身份证号码中的出生日期无效。',
    en: 'The date of birth in the ID number is not valid.',
  },
  'filing.errors.idBirthDateFuture': {
    zh: '身份证号码中的出生日期晚于今天。',
    en: 'The date of birth in the ID number is in the future.',
  },
  'filing.errors.idCheckDigit': {
    zh: '身份证号码校验位不正确，请核对后重新输入。',
    en: 'The ID number’s check digit is wrong. Check the number and enter it again.',
  },
  'filing.errors.passportFormat': {
    zh: '护照号码应为 5 至 17 位字母和数字。',
    en: 'The passport number must be 5 to 17 letters and digits.',
  },
  'filing.errors.idDocumentTypeInvalid': {
    zh: '请选择证件类型：身份证件或护照。',
    en: 'Choose the type of document: ID card or passport.',
  },
  'filing.errors.mobileInvalid': {
    zh: '请输入 11 位中国大陆手机号码。',
    en: 'Enter an 11-digit mainland China mobile number.',
  },
  'filing.errors.colourInvalid': {
    zh: '请选择健康码颜色（红码或黄码）。',
    en: 'Choose the colour of the code (red or yellow).',
  },
  'filing.errors.codeAssignedAtInvalid': {
    zh: '请填写赋码的日期和时间。',
    en: 'Enter the date and time the code was assigned.',
  },
  'filing.errors.codeAssignedAtFuture': {
    zh: '赋码时间不能晚于现在。',
    en: 'The code cannot have been assigned in the future.',
  },
  'filing.errors.codeAssignedAtTooEarly': {
    zh: '赋码时间不能早于 2020 年 2 月 1 日。',
    en: 'The code cannot have been assigned before 1 February 2020.',
  },
  'filing.errors.issuingProvinceInvalid': {
    zh: '请选择赋码的省份。',
    en: 'Choose the province that assigned the code.',
  },
  'filing.errors.issuingProvinceUnknown': { zh: '未找到该赋码省份。', en: 'That province was not found.' },
  'filing.errors.issuingUnitInvalid': {
    zh: '请选择赋码的市或县。',
    en: 'Choose the city or county that assigned the code.',
  },
  'filing.errors.issuingUnitOutsideProvince': {
    zh: '所选市县不属于所选省份。',
    en: 'The city or county is not in the province you chose.',
  },
  'filing.errors.issuingUnitUnknown': { zh: '未找到该市县。', en: 'That city or county was not found.' },
  'filing.errors.refusingProvinceInvalid': {
    zh: '请选择不认可该健康码的省份。',
    en: 'Choose the province that refused the code.',
  },
  'filing.errors.refusingProvinceRequired': {
    zh: '互认投诉需要填写不认可该健康码的省份。',
    en: 'A recognition complaint needs the province that refused the code.',
  },
  'filing.errors.refusingProvinceNotAllowed': {
    zh: '只有互认投诉才填写不认可的省份。',
    en: 'Only a recognition complaint names a province that refused the code.',
  },
  'filing.errors.refusingProvinceSameAsIssuing': {
    zh: '不认可的省份不能与赋码省份相同。',
    en: 'The province that refused the code must differ from the one that assigned it.',
  },
  'filing.errors.refusingProvinceUnknown': { zh: '未找到该省份。', en: 'That province was not found.' },
  'filing.errors.statedReasonInvalid': {
    zh: '请选择告知的赋码原因，或选择“未告知原因”。',
    en: 'Choose the reason you were given, or “no reason given”.',
  },
  'filing.errors.statedReasonUnknown': {
    zh: '该赋码原因不在现行原因目录中。',
    en: 'That reason is not in the current reason catalogue.',
  },
  'filing.errors.groundsInvalid': { zh: '请选择申诉理由。', en: 'Choose the grounds of your appeal.' },
  'filing.errors.groundsNeedRecognitionComplaint': {
    zh: '“外省不认可”应作为互认投诉提交。',
    en: '“Code not recognised in another province” is filed as a recognition complaint.',
  },
  'filing.errors.statementTooShort': {
    zh: '请用至少 10 个字说明情况。',
    en: 'Explain what happened in at least 10 characters.',
  },
  'filing.errors.statementTooLong': {
    zh: '说明不能超过 2000 个字符。',
    en: 'The statement must be 2,000 characters or fewer.',
  },
  'filing.errors.requestedOutcomeInvalid': {
    zh: '请选择您希望的处理结果。',
    en: 'Choose the outcome you are asking for.',
  },
  'filing.errors.requestedOutcomeRecogniseOnlyForComplaint': {
    zh: '“予以认可”只适用于互认投诉。',
    en: '“Recognise the code” applies only to a recognition complaint.',
  },
  'filing.errors.requestedOutcomeMustBeRecognise': {
    zh: '互认投诉请选择“予以认可”。',
    en: 'A recognition complaint asks for the code to be recognised.',
  },
  'filing.errors.requestedOutcomeDowngradeOnlyRed': {
    zh: '只有红码可以申请降为黄码。',
    en: 'Only a red code can be downgraded to yellow.',
  },
  'filing.errors.privacyNoticeRequired': {
    zh: '请阅读并同意个人信息处理告知书。',
    en: 'Read and accept the privacy notice to continue.',
  },
  'filing.errors.privacyNoticeVersionInvalid': {
    zh: '个人信息处理告知书版本无效，请刷新页面。',
    en: 'The privacy notice version is not valid. Reload the page.',
  },
  'filing.errors.idempotencyKeyInvalid': {
    zh: '提交编号无效，请刷新页面后重试。',
    en: 'The submission key is not valid. Reload the page and try again.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type FilingErrorKey = keyof typeof FILING_ERROR_MESSAGES;

export const CASE_ACTION_ERROR_MESSAGES = {
  'caseAction.errors.invalidForm': {
    zh: '提交的内容无法识别，请刷新页面后重试。',
    en: 'The form could not be read. Reload the page and try again.',
  },
  'caseAction.errors.unknownField': {
    zh: '提交的内容包含不允许的字段。',
    en: 'The form contains a field that is not allowed.',
  },
  'caseAction.errors.caseIdInvalid': { zh: '案件标识无效。', en: 'The case identifier is not valid.' },
  'caseAction.errors.versionInvalid': {
    zh: '案件版本无效，请刷新页面。',
    en: 'The case version is not valid. Reload the page.',
  },
  'caseAction.errors.outcomeInvalid': { zh: '请选择决定结果。', en: 'Choose the outcome.' },
  'caseAction.errors.ruleCodeRequired': {
    zh: '请选择决定所依据的原因目录条目。',
    en: 'Choose the catalogue rule the decision rests on.',
  },
  'caseAction.errors.reasonsTooShort': { zh: '决定理由至少 20 个字。', en: 'Write at least 20 characters of reasons.' },
  'caseAction.errors.reasonsTooLong': {
    zh: '决定理由不能超过 5000 个字符。',
    en: 'Reasons must be 5,000 characters or fewer.',
  },
  'caseAction.errors.messageTooShort': {
    zh: '请用至少 10 个字说明需要补充的内容。',
    en: 'Describe what you need in at least 10 characters.',
  },
  'caseAction.errors.messageTooLong': {
    zh: '内容不能超过 2000 个字符。',
    en: 'The message must be 2,000 characters or fewer.',
  },
  'caseAction.errors.replyRequired': { zh: '请填写答复内容。', en: 'Enter your reply.' },
  'caseAction.errors.replyTooLong': {
    zh: '答复不能超过 2000 个字符。',
    en: 'Your reply must be 2,000 characters or fewer.',
  },
  'caseAction.errors.provinceInvalid': {
    zh: '请选择要移送的省份。',
    en: 'Choose the province to transfer the case to.',
  },
  'caseAction.errors.transferReasonTooShort': {
    zh: '请用至少 10 个字说明移送原因。',
    en: 'Give the reason for the transfer in at least 10 characters.',
  },
  'caseAction.errors.transferReasonTooLong': {
    zh: '移送原因不能超过 1000 个字符。',
    en: 'The reason must be 1,000 characters or fewer.',
  },
  'caseAction.errors.withdrawReasonTooLong': {
    zh: '撤回原因不能超过 1000 个字符。',
    en: 'The reason must be 1,000 characters or fewer.',
  },
  'caseAction.errors.secondReviewReasonTooShort': {
    zh: '请用至少 10 个字说明申请复核的理由。',
    en: 'Explain why you ask for a second review in at least 10 characters.',
  },
  'caseAction.errors.secondReviewReasonTooLong': {
    zh: '复核理由不能超过 2000 个字符。',
    en: 'The reason must be 2,000 characters or fewer.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type CaseActionErrorKey = keyof typeof CASE_ACTION_ERROR_MESSAGES;

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

export type CaseActionInput = z.input<typeof caseActionSchema>;
export type DecideInput = z.input<typeof decideSchema>;
export type RequestInformationInput = z.input<typeof requestInformationSchema>;
export type CitizenReplyInput = z.input<typeof citizenReplySchema>;
export type TransferInput = z.input<typeof transferSchema>;
export type WithdrawInput = z.input<typeof withdrawSchema>;
export type RequestSecondReviewInput = z.input<typeof requestSecondReviewSchema>;
