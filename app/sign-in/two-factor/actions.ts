'use server';
// The second step of a supervisor's or administrator's sign-in: a code from the authenticator app or a recovery code.
// Only a session waiting for exactly this step may use it.
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { notFound } from '@/lib/core/errors';
import { secondFactorRefusal } from '@/lib/auth/second-factor-refusal';
import { getSignInProgress } from '@/lib/auth/sign-in-progress';
import { verifySecondFactor } from '@/lib/auth/totp';
import { secondFactorSchema, type SecondFactorInput } from '@/lib/admin/account-schemas';

const verify = defineAction({
  schema: secondFactorSchema,
  roles: 'public',
  async handler({ code }, { ip }) {
    const progress = await getSignInProgress();
    if (!progress || progress.stage !== 'verify_second_factor') throw notFound();
    const result = await verifySecondFactor({ userId: progress.user.id, sessionId: progress.sessionId, code, ip });
    if (!result.ok) throw secondFactorRefusal(result.error, result.retryAfterSeconds);
    return { method: result.method, recoveryCodesLeft: result.recoveryCodesLeft };
  },
});

export async function verifySecondFactorAction(
  input: SecondFactorInput,
): Promise<ActionResult<{ method: string; recoveryCodesLeft: number }>> {
  return verify(input);
}
