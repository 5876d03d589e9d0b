// An administrator helps a staff member who lost their password or their authenticator: a new temporary password
// (shown once), or the second factor removed so it is enrolled again at the next sign-in. Either way every session of
// that person ends in the same transaction. Audited as USER_UPDATED.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { AppError } from '@/lib/core/errors';
import { auditStaffChange, loadStaffAccountForUpdate } from './load-staff-account';
import { adminUseCase } from './require-admin';
import { resetStaffCredentialsSchema } from './schemas';
import { generateTemporaryPassword } from './temporary-password';

export type CredentialsReset =
  | { reset: 'PASSWORD'; temporaryPassword: string; sessionsEnded: number }
  | { reset: 'SECOND_FACTOR'; sessionsEnded: number };

export const resetStaffCredentials = adminUseCase(
  resetStaffCredentialsSchema,
  async (actor, input, now): Promise<CredentialsReset> => {
    const temporaryPassword = input.reset === 'PASSWORD' ? generateTemporaryPassword() : null;
    const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
    return prisma.$transaction(async (tx) => {
      const current = await loadStaffAccountForUpdate(tx, input.userId, input.expectedUpdatedAt);
      // Administrators change their own password and recovery codes on their account page, where their factor is checked.
      if (current.id === actor.id) throw new AppError('admin.errors.self', 409);
      // A reset also lifts every lockout of the account (per source: lib/auth/staff-lockout.ts).
      await tx.staffLockout.deleteMany({ where: { userId: current.id } });
      if (passwordHash) {
        await tx.user.update({
          where: { id: current.id },
          data: { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, updatedAt: now },
        });
      } else {
        if (!current.totpEnabledAt) throw new AppError('admin.errors.noSecondFactor', 409);
        await tx.user.update({
          where: { id: current.id },
          data: {
            totpSecretCipher: null,
            totpEnabledAt: null,
            totpLastTimeStep: null,
            failedLoginCount: 0,
            lockedUntil: null,
            updatedAt: now,
          },
        });
        await tx.recoveryCode.deleteMany({ where: { userId: current.id } });
      }
      const sessionsEnded = await revokeUserSessions(tx, current.id, now);
      await auditStaffChange(tx, actor, {
        provinceCode: current.provinceCode,
        action: 'USER_UPDATED',
        after: { userId: current.id, reset: input.reset, sessionsEnded },
        occurredAt: now,
      });
      return temporaryPassword
        ? { reset: 'PASSWORD' as const, temporaryPassword, sessionsEnded }
        : { reset: 'SECOND_FACTOR' as const, sessionsEnded };
    });
  },
);
