// Staff sign-in with username and password (SPEC §11): bcrypt, lockout per account and source address after 5
// failures with back-off (staff-lockout.ts; wrong second factors count too), a per-IP limit on failures, and the session row written in one transaction with its audit event
// (written once the sign-in is complete: at once, or after the second factor or a new password).
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { verifyPassword } from './password';
import { checkRateLimit, recordRateLimitFailure } from './rate-limit';
import { clearStaffFailures, recordStaffFailure, staffLockedForSeconds } from './staff-lockout';
import { signInStage, type SignInStage } from './session-policy';
import { auditSignInCompleted, createSession } from './sessions';

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
      mustChangePassword: true,
      totpEnabledAt: true,
    },
  });
  const lockedSeconds = user ? await staffLockedForSeconds(user.id, ip, now) : 0;
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
    if (stage !== 'verify_second_factor') await clearStaffFailures(tx, user.id, ip);
    const id = await createSession(tx, user.id, now);
    if (stage === 'complete') await auditSignInCompleted(tx, user, id, 'PASSWORD', now);
    return id;
  });
  return { ok: true, userId: user.id, role: user.role, sessionId, stage };
}
