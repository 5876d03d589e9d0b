'use server';
// Sends a citizen a sign-in code by SMS (the code itself is checked by next-auth's citizen-otp provider).
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { AppError } from '@/lib/core/errors';
import { requestSignInCode } from '@/lib/auth/otp';
import { requestCodeSchema } from '@/lib/auth/schemas';
import { minutesToWait } from '@/lib/auth/sign-in-errors';

const requestCode = defineAction({
  schema: requestCodeSchema,
  roles: 'public',
  async handler({ mobile }, { ip }) {
    const result = await requestSignInCode({ mobile, ip });
    if (result.ok) return { maskedMobile: result.maskedMobile };
    if (result.error === 'rate_limited') {
      throw new AppError('signIn.errors.rate_limited', 429, {
        values: { minutes: minutesToWait(result.retryAfterSeconds) },
      });
    }
    if (result.error === 'sms_unavailable') throw new AppError('signIn.errors.sms_unavailable', 503);
    throw new AppError('signIn.errors.mobile_invalid', 422, { fieldErrors: { mobile: 'mobile_invalid' } });
  },
});

export async function requestSignInCodeAction(input: {
  mobile: string;
}): Promise<ActionResult<{ maskedMobile: string }>> {
  return requestCode(input);
}
