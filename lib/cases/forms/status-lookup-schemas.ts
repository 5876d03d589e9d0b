// The two forms of the status check without an account (SPEC §11), shared by the browser forms and the server.
// Messages are next-intl keys under `citizenStatus.errors`.
import { z } from 'zod';
import { parseReference } from '@/lib/cases/rules/reference';

const reference = z
  .string({ error: 'citizenStatus.errors.referenceFormat' })
  .trim()
  .toUpperCase()
  .refine((value) => parseReference(value) !== null, { error: 'citizenStatus.errors.referenceFormat' });

export const statusCodeRequestSchema = z.strictObject({ reference }, { error: 'citizenStatus.errors.referenceFormat' });

export const statusCodeCheckSchema = z.strictObject(
  {
    reference,
    code: z
      .string({ error: 'citizenStatus.errors.codeFormat' })
      .trim()
      .regex(/^\d{6}$/, { error: 'citizenStatus.errors.codeFormat' }),
  },
  { error: 'citizenStatus.errors.codeFormat' },
);

export type StatusCodeRequestInput = z.input<typeof statusCodeRequestSchema>;
export type StatusCodeCheckInput = z.input<typeof statusCodeCheckSchema>;
