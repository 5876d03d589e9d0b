'use server';
// The status check without an account (SPEC §11): send a code to the phone on the case, then show its status.
// Neither answer reveals whether a reference exists; both are rate-limited like sign-in.
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { AppError } from '@/lib/core/errors';
import { minutesToWait } from '@/lib/auth/sign-in-errors';
import { checkStatusCode, requestStatusCode, type PublicCaseStatus } from '@/lib/cases/views/status-lookup';
import {
  statusCodeCheckSchema,
  statusCodeRequestSchema,
  type StatusCodeCheckInput,
  type StatusCodeRequestInput,
} from '@/lib/cases/forms/status-lookup-schemas';

const requestCode = defineAction({
  schema: statusCodeRequestSchema,
  roles: 'public',
  async handler({ reference }, { ip }) {
    const result = await requestStatusCode({ reference, ip });
    if (!result.ok)
      throw new AppError('citizenStatus.errors.rate_limited', 429, {
        values: { minutes: minutesToWait(result.retryAfterSeconds) },
      });
    return { sent: true as const };
  },
});

export async function requestStatusCodeAction(input: StatusCodeRequestInput): Promise<ActionResult<{ sent: true }>> {
  return requestCode(input);
}

const checkCode = defineAction({
  schema: statusCodeCheckSchema,
  roles: 'public',
  async handler({ reference, code }, { ip }) {
    const result = await checkStatusCode({ reference, code, ip });
    if (result.ok) return result.status;
    if (result.error === 'rate_limited') {
      throw new AppError('citizenStatus.errors.rate_limited', 429, {
        values: { minutes: minutesToWait(result.retryAfterSeconds) },
      });
    }
    throw new AppError('citizenStatus.errors.code_invalid', 422, {
      fieldErrors: { code: 'citizenStatus.errors.code_invalid' },
    });
  },
});

export async function checkStatusCodeAction(input: StatusCodeCheckInput): Promise<ActionResult<PublicCaseStatus>> {
  return checkCode(input);
}
