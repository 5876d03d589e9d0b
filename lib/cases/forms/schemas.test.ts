import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppealGround, CodeColour, DecisionOutcome, RequestedOutcome } from '@/lib/db/generated/enums';
import { computeResidentIdCheckDigit } from '@/lib/cases/rules/resident-id';
import { flatMessages } from '@/lib/i18n/messages';
import {
  caseActionSchema,
  citizenReplySchema,
  decideSchema,
  filingSchema,
  type FilingInput,
  requestInformationSchema,
  requestSecondReviewSchema,
  transferSchema,
  withdrawSchema,
} from './schemas';

const NOW = new Date('2026-11-27T02:00:00Z');
const ZH = flatMessages('zh-CN');
const EN = flatMessages('en');
const VALID_ID = '11010519491231002X';
const CASE_ID = '5b2c1f8e-3d4a-4b6c-9e7f-0a1b2c3d4e5f';

function filing(overrides: Partial<Record<keyof FilingInput | string, unknown>> = {}): Record<string, unknown> {
  return {
    type: 'CODE_APPEAL',
    applicantName: '张三',
    idNumber: VALID_ID,
    mobile: '13800000001',
    colour: 'RED',
    codeAssignedAt: '2022-06-13T10:00:00+08:00',
    issuingProvinceCode: '41',
    issuingUnitCode: '410100',
    statedReasonCode: null,
    grounds: 'NON_EPIDEMIC_REASON',
    statement: '我是村镇银行储户，去郑州维权，从未到过任何风险区域。',
    requestedOutcome: 'REVOKE',
    privacyNoticeAccepted: true,
    privacyNoticeVersion: '2026-01',
    idempotencyKey: '0f8fad5b-d9cb-469f-a165-70867728950e',
    ...overrides,
  };
}

function complaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return filing({
    type: 'RECOGNITION_COMPLAINT',
    refusingProvinceCode: '31',
    grounds: 'NOT_RECOGNISED',
    requestedOutcome: 'RECOGNISE',
    ...overrides,
  });
}

/** `field → message` of every issue, with '' for form-level issues. */
function errorsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): Record<string, string> {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0] ?? ''), issue.message]));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('filingSchema', () => {
  it('accepts a complete appeal and normalises it', () => {
    vi.useFakeTimers({ now: NOW });
    const result = filingSchema.safeParse(
      filing({
        applicantName: '  张三 ',
        idNumber: '11010519491231002x',
        statement: `  ${'说明'.repeat(10)}  `,
        codeAssignedAt: '2022-06-13T10:00',
      }),
    );
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      applicantName: '张三',
      idNumber: VALID_ID,
      statement: '说明'.repeat(10),
      refusingProvinceCode: null,
      statedReasonCode: null,
      // A local date-time is read in Asia/Shanghai, not in the server's or browser's zone.
      codeAssignedAt: new Date('2022-06-13T02:00:00Z'),
    });
  });

  it('accepts a Date for codeAssignedAt and an empty string for "no reason stated"', () => {
    const result = filingSchema.safeParse(
      filing({ codeAssignedAt: new Date('2022-05-01T00:00:00Z'), statedReasonCode: '' }),
    );
    expect(result.success).toBe(true);
    expect(result.data?.statedReasonCode).toBeNull();
  });

  it.each([
    ['type', 'TYPO', 'filing.errors.typeInvalid'],
    ['applicantName', '   ', 'filing.errors.applicantNameRequired'],
    ['applicantName', '名'.repeat(51), 'filing.errors.applicantNameTooLong'],
    ['idNumber', '11010519491231002', 'filing.errors.idFormat'],
    ['idNumber', 12345, 'filing.errors.idFormat'],
    ['idNumber', '71010519491231002X', 'filing.errors.idRegion'],
    ['idNumber', '110105194902300021', 'filing.errors.idBirthDate'],
    ['idNumber', '110105194912310021', 'filing.errors.idCheckDigit'],
    ['mobile', '12800000001', 'filing.errors.mobileInvalid'],
    ['colour', 'GREEN', 'filing.errors.colourInvalid'],
    ['codeAssignedAt', '13 June 2022', 'filing.errors.codeAssignedAtInvalid'],
    ['codeAssignedAt', '2022-06-13', 'filing.errors.codeAssignedAtInvalid'],
    ['codeAssignedAt', new Date('nonsense'), 'filing.errors.codeAssignedAtInvalid'],
    ['issuingProvinceCode', '4', 'filing.errors.issuingProvinceInvalid'],
    ['issuingUnitCode', '41010', 'filing.errors.issuingUnitInvalid'],
    ['issuingUnitCode', '420100', 'filing.errors.issuingUnitOutsideProvince'],
    ['refusingProvinceCode', '31', 'filing.errors.refusingProvinceNotAllowed'],
    ['refusingProvinceCode', 'SH', 'filing.errors.refusingProvinceInvalid'],
    ['statedReasonCode', 'close contact', 'filing.errors.statedReasonInvalid'],
    ['statedReasonCode', undefined, 'filing.errors.statedReasonInvalid'],
    ['grounds', 'BAD_LUCK', 'filing.errors.groundsInvalid'],
    ['grounds', 'NOT_RECOGNISED', 'filing.errors.groundsNeedRecognitionComplaint'],
    ['statement', `  ${'短'.repeat(9)}  `, 'filing.errors.statementTooShort'],
    ['statement', 'x'.repeat(2001), 'filing.errors.statementTooLong'],
    ['requestedOutcome', 'COMPENSATE', 'filing.errors.requestedOutcomeInvalid'],
    ['requestedOutcome', 'RECOGNISE', 'filing.errors.requestedOutcomeRecogniseOnlyForComplaint'],
    ['privacyNoticeAccepted', false, 'filing.errors.privacyNoticeRequired'],
    ['privacyNoticeAccepted', 'true', 'filing.errors.privacyNoticeRequired'],
    ['privacyNoticeVersion', '', 'filing.errors.privacyNoticeVersionInvalid'],
    ['idempotencyKey', 'not-a-uuid', 'filing.errors.idempotencyKeyInvalid'],
  ])('refuses %s = %j with %s', (field, value, key) => {
    const errors = errorsOf(filingSchema.safeParse(filing({ [field]: value })));
    expect(errors).toEqual({ [field]: key });
  });

  it('names the ID birth date in the future (evaluated in Asia/Shanghai at parse time)', () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T20:00:00Z') });
    const body = '11010520261128001';
    const errors = errorsOf(
      filingSchema.safeParse(filing({ idNumber: `${body}${computeResidentIdCheckDigit(body)}` })),
    );
    expect(errors).toEqual({ idNumber: 'filing.errors.idBirthDateFuture' });
  });

  it('asks for every missing field with its own key', () => {
    const errors = errorsOf(filingSchema.safeParse({}));
    expect(Object.keys(errors).sort()).toEqual(
      [
        'type',
        'applicantName',
        'idNumber',
        'mobile',
        'colour',
        'codeAssignedAt',
        'issuingProvinceCode',
        'issuingUnitCode',
        'statedReasonCode',
        'grounds',
        'statement',
        'requestedOutcome',
        'privacyNoticeAccepted',
        'privacyNoticeVersion',
        'idempotencyKey',
      ].sort(),
    );
  });

  it.each(['status', 'provinceCode', 'assigneeId', 'reference', 'primaFacieOverreach'])(
    'refuses a smuggled %s',
    (key) => {
      const result = filingSchema.safeParse(filing({ [key]: 'x' }));
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ code: 'unrecognized_keys', keys: [key], message: 'filing.errors.unknownField' }),
      ]);
    },
  );

  it('refuses a code assigned in the future, judged by the clock at parse time', () => {
    vi.useFakeTimers({ now: NOW });
    const inAnHour = new Date(NOW.getTime() + 3_600_000).toISOString();
    expect(errorsOf(filingSchema.safeParse(filing({ codeAssignedAt: inAnHour })))).toEqual({
      codeAssignedAt: 'filing.errors.codeAssignedAtFuture',
    });
    vi.setSystemTime(new Date(NOW.getTime() + 2 * 3_600_000));
    expect(filingSchema.safeParse(filing({ codeAssignedAt: inAnHour })).success).toBe(true);
  });

  it('refuses codes assigned before 2020-02-01 00:00 in Asia/Shanghai', () => {
    const tooEarly = { codeAssignedAt: 'filing.errors.codeAssignedAtTooEarly' };
    expect(errorsOf(filingSchema.safeParse(filing({ codeAssignedAt: '2020-01-31T12:00:00+08:00' })))).toEqual(tooEarly);
    expect(errorsOf(filingSchema.safeParse(filing({ codeAssignedAt: '2020-01-31T23:59' })))).toEqual(tooEarly);
    expect(errorsOf(filingSchema.safeParse(filing({ codeAssignedAt: '2020-01-31T15:59:59Z' })))).toEqual(tooEarly);
    expect(filingSchema.safeParse(filing({ codeAssignedAt: '2020-02-01T00:00:00+08:00' })).success).toBe(true);
    expect(filingSchema.safeParse(filing({ codeAssignedAt: '2020-01-31T16:00:00Z' })).success).toBe(true);
    expect(filingSchema.safeParse(filing({ codeAssignedAt: '2020-02-01T00:00' })).success).toBe(true);
  });

  it('only a red code may be downgraded', () => {
    expect(errorsOf(filingSchema.safeParse(filing({ colour: 'YELLOW', requestedOutcome: 'DOWNGRADE' })))).toEqual({
      requestedOutcome: 'filing.errors.requestedOutcomeDowngradeOnlyRed',
    });
    expect(filingSchema.safeParse(filing({ colour: 'RED', requestedOutcome: 'DOWNGRADE' })).success).toBe(true);
    expect(filingSchema.safeParse(filing({ colour: 'YELLOW', requestedOutcome: 'REVOKE' })).success).toBe(true);
  });

  it('reports a cross-field rule while other fields still have errors', () => {
    const errors = errorsOf(filingSchema.safeParse(filing({ issuingUnitCode: '420100', mobile: '123' })));
    expect(errors).toEqual({
      issuingUnitCode: 'filing.errors.issuingUnitOutsideProvince',
      mobile: 'filing.errors.mobileInvalid',
    });
  });

  describe('recognition complaints', () => {
    it('accepts a complaint naming the refusing province', () => {
      const result = filingSchema.safeParse(complaint());
      expect(result.success).toBe(true);
      expect(result.data?.refusingProvinceCode).toBe('31');
    });

    it.each([undefined, null, ''])('requires the refusing province (%j)', (refusingProvinceCode) => {
      expect(errorsOf(filingSchema.safeParse(complaint({ refusingProvinceCode })))).toEqual({
        refusingProvinceCode: 'filing.errors.refusingProvinceRequired',
      });
    });

    it('refuses the issuing province as the refusing one', () => {
      expect(errorsOf(filingSchema.safeParse(complaint({ refusingProvinceCode: '41' })))).toEqual({
        refusingProvinceCode: 'filing.errors.refusingProvinceSameAsIssuing',
      });
    });

    it('asks for recognition, not a colour change', () => {
      expect(errorsOf(filingSchema.safeParse(complaint({ requestedOutcome: 'REVOKE' })))).toEqual({
        requestedOutcome: 'filing.errors.requestedOutcomeMustBeRecognise',
      });
    });

    it('may rest on grounds other than "not recognised"', () => {
      expect(filingSchema.safeParse(complaint({ grounds: 'OTHER' })).success).toBe(true);
    });

    it.each([undefined, null, ''])('a code appeal needs no refusing province (%j)', (refusingProvinceCode) => {
      expect(filingSchema.safeParse(filing({ refusingProvinceCode })).success).toBe(true);
    });
  });

  it('refuses every string that is not a mainland mobile number once trimmed (property)', () => {
    const nearMisses = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\d{9,13}$/),
      fc.stringMatching(/^1[0-9]\d{8,10}$/),
      fc.stringMatching(/^\+?86 ?1[3-9]\d{9}$/),
      fc.stringMatching(/^1[3-9]\d{4}[ -]\d{5}$/),
    );
    fc.assert(
      fc.property(
        nearMisses.filter((mobile) => !/^1[3-9]\d{9}$/.test(mobile.trim())),
        (mobile) => {
          expect(errorsOf(filingSchema.safeParse(filing({ mobile })))).toEqual({
            mobile: 'filing.errors.mobileInvalid',
          });
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (mobile) => {
        expect(filingSchema.safeParse(filing({ mobile })).success).toBe(true);
      }),
    );
  });

  it('only ever reports message keys that have zh and en wording (property)', () => {
    const anyValue = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date(),
    );
    const fields = Object.keys(filing());
    fc.assert(
      fc.property(
        fc.subarray(fields),
        fc.array(anyValue, { minLength: fields.length, maxLength: fields.length }),
        (broken, values) => {
          const input = filing(Object.fromEntries(broken.map((field, index) => [field, values[index]])));
          for (const issue of filingSchema.safeParse(input).error?.issues ?? []) {
            expect(issue.message).toMatch(/^filing\.errors\./);
            expect(ZH[issue.message] && EN[issue.message], issue.message).toBeTruthy();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('offers exactly the choices of SPEC §3–§4, which are the database enums', () => {
    const grounds = [
      'NEVER_AT_PLACE',
      'IDENTITY_MIX_UP',
      'NEGATIVE_TEST_NOT_SYNCED',
      'ISOLATION_COMPLETED',
      'STRICTER_THAN_STANDARD',
      'NON_EPIDEMIC_REASON',
      'NOT_RECOGNISED',
      'OTHER',
    ];
    const { shape } = filingSchema;
    expect(shape.grounds.options).toEqual(grounds);
    expect(Object.values(AppealGround)).toEqual(grounds);
    expect(shape.requestedOutcome.options).toEqual(['DOWNGRADE', 'REVOKE', 'RECOGNISE']);
    expect(Object.values(RequestedOutcome)).toEqual(['DOWNGRADE', 'REVOKE', 'RECOGNISE']);
    expect(shape.colour.options).toEqual([CodeColour.RED, CodeColour.YELLOW]);
    expect(shape.type.options).toEqual(['CODE_APPEAL', 'RECOGNITION_COMPLAINT']);
  });
});

describe('case action schemas', () => {
  const longEnough = '根据规定，该赋码缺乏依据，予以撤销并通知赋码单位更正。';

  it('caseActionSchema takes a case id and a version ≥ 1, nothing else', () => {
    expect(caseActionSchema.safeParse({ caseId: CASE_ID, expectedVersion: 1 }).success).toBe(true);
    expect(errorsOf(caseActionSchema.safeParse({ caseId: 'x', expectedVersion: 0 }))).toEqual({
      caseId: 'caseAction.errors.caseIdInvalid',
      expectedVersion: 'caseAction.errors.versionInvalid',
    });
    expect(errorsOf(caseActionSchema.safeParse({ caseId: CASE_ID, expectedVersion: 1.5 }))).toEqual({
      expectedVersion: 'caseAction.errors.versionInvalid',
    });
    expect(errorsOf(caseActionSchema.safeParse({ caseId: CASE_ID, expectedVersion: 2, assigneeId: CASE_ID }))).toEqual({
      '': 'caseAction.errors.unknownField',
    });
  });

  it('decideSchema needs an outcome, a rule and at least 20 characters of reasons after trimming', () => {
    const decision = {
      caseId: CASE_ID,
      expectedVersion: 3,
      outcome: DecisionOutcome.REVOKED,
      ruleCode: 'NON_EPIDEMIC',
      reasons: `  ${longEnough}  `,
    };
    expect(decideSchema.parse(decision).reasons).toBe(longEnough);
    expect(errorsOf(decideSchema.safeParse({ ...decision, reasons: ` ${'理'.repeat(19)} ` }))).toEqual({
      reasons: 'caseAction.errors.reasonsTooShort',
    });
    expect(errorsOf(decideSchema.safeParse({ ...decision, reasons: 'x'.repeat(5001) }))).toEqual({
      reasons: 'caseAction.errors.reasonsTooLong',
    });
    expect(errorsOf(decideSchema.safeParse({ ...decision, outcome: 'DOWNGRADE' }))).toEqual({
      outcome: 'caseAction.errors.outcomeInvalid',
    });
    expect(errorsOf(decideSchema.safeParse({ ...decision, ruleCode: ' ' }))).toEqual({
      ruleCode: 'caseAction.errors.ruleCodeRequired',
    });
    expect(errorsOf(decideSchema.safeParse({ ...decision, state: 'FINAL' }))).toEqual({
      '': 'caseAction.errors.unknownField',
    });
  });

  it('requestInformationSchema needs 10–2000 characters', () => {
    const request = { caseId: CASE_ID, expectedVersion: 2, message: '请上传隔离期满的证明。' };
    expect(requestInformationSchema.safeParse(request).success).toBe(true);
    expect(errorsOf(requestInformationSchema.safeParse({ ...request, message: '请上传证明' }))).toEqual({
      message: 'caseAction.errors.messageTooShort',
    });
    expect(errorsOf(requestInformationSchema.safeParse({ ...request, message: 'x'.repeat(2001) }))).toEqual({
      message: 'caseAction.errors.messageTooLong',
    });
  });

  it('citizenReplySchema needs a reply; the version is optional', () => {
    expect(citizenReplySchema.safeParse({ caseId: CASE_ID, replyText: '已上传。' }).success).toBe(true);
    expect(citizenReplySchema.safeParse({ caseId: CASE_ID, expectedVersion: 4, replyText: '已上传。' }).success).toBe(
      true,
    );
    expect(errorsOf(citizenReplySchema.safeParse({ caseId: CASE_ID, replyText: '   ' }))).toEqual({
      replyText: 'caseAction.errors.replyRequired',
    });
    expect(errorsOf(citizenReplySchema.safeParse({ caseId: CASE_ID, replyText: 'x'.repeat(2001) }))).toEqual({
      replyText: 'caseAction.errors.replyTooLong',
    });
  });

  it('transferSchema needs a two-digit province and a reason of 10–1000 characters', () => {
    const transfer = {
      caseId: CASE_ID,
      expectedVersion: 2,
      toProvinceCode: '34',
      reason: '赋码单位属于安徽省，应由安徽省处理。',
    };
    expect(transferSchema.safeParse(transfer).success).toBe(true);
    expect(errorsOf(transferSchema.safeParse({ ...transfer, toProvinceCode: '340000' }))).toEqual({
      toProvinceCode: 'caseAction.errors.provinceInvalid',
    });
    expect(errorsOf(transferSchema.safeParse({ ...transfer, reason: '误分' }))).toEqual({
      reason: 'caseAction.errors.transferReasonTooShort',
    });
    expect(errorsOf(transferSchema.safeParse({ ...transfer, reason: 'x'.repeat(1001) }))).toEqual({
      reason: 'caseAction.errors.transferReasonTooLong',
    });
  });

  it('withdrawSchema takes an optional short reason', () => {
    expect(withdrawSchema.safeParse({ caseId: CASE_ID }).success).toBe(true);
    expect(withdrawSchema.safeParse({ caseId: CASE_ID, expectedVersion: 1, reason: '已自行转绿。' }).success).toBe(
      true,
    );
    expect(errorsOf(withdrawSchema.safeParse({ caseId: CASE_ID, reason: 'x'.repeat(1001) }))).toEqual({
      reason: 'caseAction.errors.withdrawReasonTooLong',
    });
  });

  it('requestSecondReviewSchema needs a reason of 10–2000 characters', () => {
    expect(
      requestSecondReviewSchema.safeParse({ caseId: CASE_ID, reason: '初次决定没有考虑我提交的核酸阴性证明。' })
        .success,
    ).toBe(true);
    expect(errorsOf(requestSecondReviewSchema.safeParse({ caseId: CASE_ID, reason: '不服' }))).toEqual({
      reason: 'caseAction.errors.secondReviewReasonTooShort',
    });
    expect(errorsOf(requestSecondReviewSchema.safeParse({ caseId: CASE_ID, reason: 'x'.repeat(2001) }))).toEqual({
      reason: 'caseAction.errors.secondReviewReasonTooLong',
    });
  });

  it('only ever reports message keys that have zh and en wording', () => {
    const schemas = [
      caseActionSchema,
      decideSchema,
      requestInformationSchema,
      citizenReplySchema,
      transferSchema,
      withdrawSchema,
      requestSecondReviewSchema,
    ];
    const junk = {
      caseId: 1,
      expectedVersion: '1',
      outcome: 0,
      ruleCode: null,
      reasons: 5,
      message: [],
      replyText: {},
      toProvinceCode: 3,
      reason: false,
      extra: 1,
    };
    for (const schema of schemas) {
      for (const input of [{}, junk, null, 'text']) {
        for (const issue of schema.safeParse(input).error?.issues ?? [])
          expect(ZH[issue.message] && EN[issue.message], issue.message).toMatch(/./);
      }
    }
  });
});
