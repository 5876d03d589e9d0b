// The forms of the citizen's data rights (SPEC §17): one schema each, shared by the form and the server action.
// Error messages are next-intl keys under privacy.errors.
import { z } from 'zod';
import { MOBILE_PATTERN } from '@/lib/auth/mobile';

export const PRIVACY_ERROR_KEYS = [
  'privacy.errors.invalidForm',
  'privacy.errors.unknownField',
  'privacy.errors.caseRequired',
  'privacy.errors.kindInvalid',
  'privacy.errors.mobileInvalid',
  'privacy.errors.noteTooLong',
  'privacy.errors.requestIdInvalid',
  'privacy.errors.outcomeInvalid',
  'privacy.errors.answerTooShort',
  'privacy.errors.answerTooLong',
  'privacy.errors.caseNotClosed',
  'privacy.errors.alreadyErased',
  'privacy.errors.requestPending',
  'privacy.errors.sameMobile',
  'privacy.errors.alreadyAnswered',
] as const;
export type PrivacyErrorKey = (typeof PRIVACY_ERROR_KEYS)[number];

const fail = (key: PrivacyErrorKey) => ({ error: key });

function strictForm<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      (issue.code === 'unrecognized_keys'
        ? 'privacy.errors.unknownField'
        : 'privacy.errors.invalidForm') satisfies PrivacyErrorKey,
  });
}

const caseId = z.uuid(fail('privacy.errors.caseRequired'));
const note = z
  .string(fail('privacy.errors.noteTooLong'))
  .trim()
  .max(1000, fail('privacy.errors.noteTooLong'))
  .optional();

export const DATA_REQUEST_KINDS = ['CORRECT_CONTACT', 'ERASE_CASE'] as const;

export const fileDataRequestSchema = z.discriminatedUnion(
  'kind',
  [
    strictForm({
      kind: z.literal('CORRECT_CONTACT'),
      caseId,
      newMobile: z
        .string(fail('privacy.errors.mobileInvalid'))
        .trim()
        .regex(MOBILE_PATTERN, fail('privacy.errors.mobileInvalid')),
      note,
    }),
    strictForm({ kind: z.literal('ERASE_CASE'), caseId, note }),
  ],
  { error: fail('privacy.errors.kindInvalid').error },
);
export type FileDataRequestInput = z.input<typeof fileDataRequestSchema>;

export const answerDataRequestSchema = strictForm({
  requestId: z.uuid(fail('privacy.errors.requestIdInvalid')),
  outcome: z.enum(['COMPLETED', 'REFUSED'], fail('privacy.errors.outcomeInvalid')),
  answer: z
    .string(fail('privacy.errors.answerTooShort'))
    .trim()
    .min(5, fail('privacy.errors.answerTooShort'))
    .max(2000, fail('privacy.errors.answerTooLong')),
});
export type AnswerDataRequestInput = z.input<typeof answerDataRequestSchema>;
