// Staff choose their own password: required after an administrator gave them a temporary one, possible at any time.
// The current password is checked (wrong ones count towards the lockout) and every other session of the user ends.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { appendAuditEvent, chainOf } from '@/lib/audit/append';
import { hashPassword, verifyPassword } from './password';
import { signInStage } from './session-policy';
import { auditSignInCompleted, revokeSession } from './sessions';
import { recordStaffFailure, staffLockedForSeconds } from './staff-lockout';

export interface PasswordChange {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  ip: string;
  now?: Date;
}

export type PasswordChangeResult =
  | { ok: true; otherSessionsEnded: number }
  | { ok: false; error: 'current_wrong' | 'same_as_current' | 'contains_username' }
  | { ok: false; error: 'locked'; retryAfterSeconds: number };

export async function changeOwnPassword({
  userId,
  sessionId,
  currentPassword,
  newPassword,
  ip,
  now = new Date(),
}: PasswordChange): Promise<PasswordChangeResult> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      username: true,
      provinceCode: true,
      passwordHash: true,
      lockedUntil: true,
      mustChangePassword: true,
      totpEnabledAt: true,
    },
  });
  const locked = await staffLockedForSeconds(userId, ip, now);
  if (locked > 0) return { ok: false, error: 'locked', retryAfterSeconds: locked };
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    const outcome = await recordStaffFailure(userId, ip, now);
    if (!outcome.locked) return { ok: false, error: 'current_wrong' };
    await revokeSession(sessionId, now);
    return { ok: false, error: 'locked', retryAfterSeconds: outcome.retryAfterSeconds };
  }
  if (newPassword === currentPassword) return { ok: false, error: 'same_as_current' };
  if (user.username && newPassword.toLowerCase().includes(user.username.toLowerCase()))
    return { ok: false, error: 'contains_username' };

  const passwordHash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    const session = await tx.session.findFirst({
      where: { id: sessionId, userId, revokedAt: null },
      select: { secondFactorAt: true },
    });
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false, failedLoginCount: 0, lockedUntil: null },
    });
    const ended = await tx.session.updateMany({
      where: { userId, revokedAt: null, id: { not: sessionId } },
      data: { revokedAt: now },
    });
    await appendAuditEvent(tx, {
      chain: chainOf(user.provinceCode),
      actorId: userId,
      actorRole: user.role,
      action: 'USER_UPDATED',
      after: { userId, passwordChanged: true, otherSessionsEnded: ended.count },
      occurredAt: now,
    });
    const completesSignIn =
      user.mustChangePassword &&
      session &&
      signInStage({ ...user, mustChangePassword: false, secondFactorAt: session.secondFactorAt }) === 'complete';
    if (completesSignIn) await auditSignInCompleted(tx, user, sessionId, 'PASSWORD_CHANGED', now);
    return { ok: true as const, otherSessionsEnded: ended.count };
  });
}
