'use server';
// Account security: sign out everywhere, change one's password, enrol the second factor and renew recovery codes.
// The password and enrolment steps also serve a sign-in that is not complete yet (temporary password, no factor).
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { notFound } from '@/lib/core/errors';
import { changeOwnPassword } from '@/lib/auth/change-password';
import { secondFactorRefusal } from '@/lib/auth/second-factor-refusal';
import { signOutEverywhere } from '@/lib/auth/sessions';
import { getSignInProgress, type SignInProgress } from '@/lib/auth/sign-in-progress';
import type { SignInStage } from '@/lib/auth/session-policy';
import { confirmTotpEnrolment, regenerateRecoveryCodes, startTotpEnrolment } from '@/lib/auth/totp';
import {
  changePasswordSchema,
  restartEnrolmentSchema,
  signOutEverywhereSchema,
  totpCodeSchema,
  type ChangePasswordInput,
  type TotpCodeInput,
} from '@/lib/admin/account-schemas';

const STAFF = ['REVIEWER', 'SUPERVISOR', 'ADMIN'];

/** The caller's session when it is at one of `stages` and belongs to staff; anyone else: not found. */
async function requireStage(stages: readonly SignInStage[]): Promise<SignInProgress> {
  const progress = await getSignInProgress();
  if (!progress || !stages.includes(progress.stage) || !STAFF.includes(progress.user.role)) throw notFound();
  return progress;
}

const everywhere = defineAction({
  schema: signOutEverywhereSchema,
  roles: ['CITIZEN', 'REVIEWER', 'SUPERVISOR', 'ADMIN'] as const,
  handler: async (_input, { user }) => ({ sessionsEnded: await signOutEverywhere(user.id) }),
});

const changePassword = defineAction({
  schema: changePasswordSchema,
  roles: 'public',
  async handler({ currentPassword, newPassword }, { ip }) {
    const progress = await requireStage(['change_password', 'complete']);
    const result = await changeOwnPassword({
      userId: progress.user.id,
      sessionId: progress.sessionId,
      currentPassword,
      newPassword,
      ip,
    });
    if (!result.ok)
      throw secondFactorRefusal(result.error, 'retryAfterSeconds' in result ? result.retryAfterSeconds : undefined);
    return { otherSessionsEnded: result.otherSessionsEnded };
  },
});

const startEnrolment = defineAction({
  schema: restartEnrolmentSchema,
  roles: 'public',
  async handler({ restart }) {
    const progress = await requireStage(['enrol_second_factor', 'complete']);
    const result = await startTotpEnrolment(progress.user.id, { restart });
    if (!result.ok) throw secondFactorRefusal(result.error);
    return { started: true };
  },
});

const confirmEnrolment = defineAction({
  schema: totpCodeSchema,
  roles: 'public',
  async handler({ code }, { ip }) {
    const progress = await requireStage(['enrol_second_factor', 'complete']);
    const result = await confirmTotpEnrolment({ userId: progress.user.id, sessionId: progress.sessionId, code, ip });
    if (!result.ok) throw secondFactorRefusal(result.error, result.retryAfterSeconds);
    return { recoveryCodes: result.recoveryCodes };
  },
});

const renewRecoveryCodes = defineAction({
  schema: totpCodeSchema,
  roles: ['REVIEWER', 'SUPERVISOR', 'ADMIN'] as const,
  async handler({ code }, { user, ip }) {
    const result = await regenerateRecoveryCodes({ userId: user.id, code, ip });
    if (!result.ok) throw secondFactorRefusal(result.error, result.retryAfterSeconds);
    return { recoveryCodes: result.recoveryCodes };
  },
});

export async function signOutEverywhereAction(): Promise<ActionResult<{ sessionsEnded: number }>> {
  return everywhere({});
}

export async function changePasswordAction(
  input: ChangePasswordInput,
): Promise<ActionResult<{ otherSessionsEnded: number }>> {
  return changePassword(input);
}

export async function startTotpEnrolmentAction(input: {
  restart: boolean;
}): Promise<ActionResult<{ started: boolean }>> {
  return startEnrolment(input);
}

export async function confirmTotpEnrolmentAction(
  input: TotpCodeInput,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return confirmEnrolment(input);
}

export async function regenerateRecoveryCodesAction(
  input: TotpCodeInput,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return renewRecoveryCodes(input);
}
