// Staff sign-in with username and password (SPEC §11): bcrypt, lockout after 5 failures for 15 minutes (wrong second
// factors count too), a per-IP limit on failures, and the session row written in one transaction with its audit event
// (written once the sign-in is complete: at once, or after the second factor or a new password).
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { scopedLogger } from '@/lib/security/logger';
import { verifyPassword } from './password';
import { checkRateLimit, recordRateLimitFailure } from './rate-limit';
import { signInStage, type SignInStage } from './session-policy';
import { auditSignInCompleted, createSession } from './sessions';

export const MAX_PASSWORD_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Compared against when the username is unknown, so the answer takes as long as for a real account. */
const DUMMY_HASH = '$2b$12$YtTSivegeGQ.QBhLS28MFO.CnkGh41UmxrmlzsZSwm8SscUiDe/DW';

export type StaffSignInResult =
  | { ok: true; userId: string; role: Role; sessionId: string; stage: SignInStage }
  | { ok: false; error: 'credentials' }
  | { ok: false; error: 'locked' | 'rate_limited'; retryAfterSeconds: number };

export interface StaffCredentials {
  username: string;
  password: string;
  ip: string;
  now?: Date;
}

export type StaffFailureOutcome = { locked: false } | { locked: true; retryAfterSeconds: number };

/** Seconds the account is still locked for, or 0. */
export function lockedForSeconds(lockedUntil: Date | null, now: Date): number {
  return lockedUntil && lockedUntil.getTime() > now.getTime()
    ? Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)
    : 0;
}

/**
 * Counts one failed password or second factor against the account and the address; the fifth failure in a row locks
 * the account for LOCKOUT_MS. Counted in one statement, so concurrent guesses cannot slip past the limit.
 */
export async function recordStaffFailure(userId: string, ip: string, now: Date): Promise<StaffFailureOutcome> {
  await recordRateLimitFailure({ rule: 'staffFailurePerIp', key: ip });
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  const [counted] = await prisma.$queryRaw<{ locked_until: Date | null }[]>`
    UPDATE app_user SET
      failed_login_count = CASE WHEN failed_login_count + 1 >= ${MAX_PASSWORD_FAILURES} THEN 0 ELSE failed_login_count + 1 END,
      locked_until = CASE WHEN failed_login_count + 1 >= ${MAX_PASSWORD_FAILURES} THEN ${lockUntil} ELSE locked_until END
    WHERE id = ${userId}::uuid
    RETURNING locked_until`;
  const seconds = lockedForSeconds(counted?.locked_until ?? null, now);
  if (seconds === 0) return { locked: false };
  // The account id only: never the username typed, a password or a code.
  scopedLogger('auth').warn({ userId, lockedForSeconds: seconds }, 'staff account locked after repeated failures');
  return { locked: true, retryAfterSeconds: seconds };
}

export async function signInStaff({
  username,
  password,
  ip,
  now = new Date(),
}: StaffCredentials): Promise<StaffSignInResult> {
  const ipLimit = await checkRateLimit({ rule: 'staffFailurePerIp', key: ip });
  if (!ipLimit.allowed) return { ok: false, error: 'rate_limited', retryAfterSeconds: ipLimit.retryAfterSeconds };

  const user = await prisma.user.findFirst({
    where: { username, role: { not: 'CITIZEN' } },
    select: {
      id: true,
      role: true,
      active: true,
      passwordHash: true,
      provinceCode: true,
      lockedUntil: true,
      mustChangePassword: true,
      totpEnabledAt: true,
    },
  });
  const lockedSeconds = lockedForSeconds(user?.lockedUntil ?? null, now);
  if (lockedSeconds > 0) {
    await recordRateLimitFailure({ rule: 'staffFailurePerIp', key: ip });
    return { ok: false, error: 'locked', retryAfterSeconds: lockedSeconds };
  }

  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !passwordMatches) {
    if (!user) {
      await recordRateLimitFailure({ rule: 'staffFailurePerIp', key: ip });
      return { ok: false, error: 'credentials' };
    }
    const outcome = await recordStaffFailure(user.id, ip, now);
    return outcome.locked
      ? { ok: false, error: 'locked', retryAfterSeconds: outcome.retryAfterSeconds }
      : { ok: false, error: 'credentials' };
  }
  // A disabled account answers exactly as a wrong password does: the answer never tells whether a username exists.
  if (!user.active) return { ok: false, error: 'credentials' };

  const stage = signInStage({ ...user, secondFactorAt: null });
  const sessionId = await prisma.$transaction(async (tx) => {
    // A second factor still to check keeps the failure count, so guesses at it add up to the same lockout.
    if (stage !== 'verify_second_factor')
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    const id = await createSession(tx, user.id, now);
    if (stage === 'complete') await auditSignInCompleted(tx, user, id, 'PASSWORD', now);
    return id;
  });
  return { ok: true, userId: user.id, role: user.role, sessionId, stage };
}
