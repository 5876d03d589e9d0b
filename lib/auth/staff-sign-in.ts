// Staff sign-in with username and password (SPEC §11): bcrypt, lockout after 5 failures for 15 minutes,
// a per-IP limit on failures, and the session row and its audit event written in one transaction.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { appendAuditEvent } from '@/lib/audit/append';
import { verifyPassword } from './password';
import { checkRateLimit, recordRateLimitFailure } from './rate-limit';
import { auditChainFor, createSession } from './sessions';

export const MAX_PASSWORD_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Compared against when the username is unknown, so the answer takes as long as for a real account. */
const DUMMY_HASH = '$2b$12$YtTSivegeGQ.QBhLS28MFO.CnkGh41UmxrmlzsZSwm8SscUiDe/DW';

export type StaffSignInResult =
  | { ok: true; userId: string; role: Role; sessionId: string }
  | { ok: false; error: 'credentials' | 'inactive' }
  | { ok: false; error: 'locked' | 'rate_limited'; retryAfterSeconds: number };

export interface StaffCredentials {
  username: string;
  password: string;
  ip: string;
  now?: Date;
}

export async function signInStaff({ username, password, ip, now = new Date() }: StaffCredentials): Promise<StaffSignInResult> {
  const ipLimit = await checkRateLimit({ rule: 'staffFailurePerIp', key: ip });
  if (!ipLimit.allowed) return { ok: false, error: 'rate_limited', retryAfterSeconds: ipLimit.retryAfterSeconds };

  const user = await prisma.user.findFirst({
    where: { username, role: { not: 'CITIZEN' } },
    select: { id: true, role: true, active: true, passwordHash: true, provinceCode: true, lockedUntil: true },
  });
  if (user?.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    await recordRateLimitFailure({ rule: 'staffFailurePerIp', key: ip });
    return { ok: false, error: 'locked', retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000) };
  }

  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !passwordMatches) {
    await recordRateLimitFailure({ rule: 'staffFailurePerIp', key: ip });
    if (!user) return { ok: false, error: 'credentials' };
    const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
    const [counted] = await prisma.$queryRaw<{ locked_until: Date | null }[]>`
      UPDATE app_user SET
        failed_login_count = CASE WHEN failed_login_count + 1 >= ${MAX_PASSWORD_FAILURES} THEN 0 ELSE failed_login_count + 1 END,
        locked_until = CASE WHEN failed_login_count + 1 >= ${MAX_PASSWORD_FAILURES} THEN ${lockUntil} ELSE locked_until END
      WHERE id = ${user.id}::uuid
      RETURNING locked_until`;
    if (counted?.locked_until && counted.locked_until.getTime() > now.getTime()) {
      return { ok: false, error: 'locked', retryAfterSeconds: LOCKOUT_MS / 1000 };
    }
    return { ok: false, error: 'credentials' };
  }
  if (!user.active) return { ok: false, error: 'inactive' };

  const sessionId = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    const id = await createSession(tx, user.id, now);
    await appendAuditEvent(tx, {
      chain: auditChainFor(user.provinceCode),
      actorId: user.id,
      actorRole: user.role,
      action: 'STAFF_SIGNED_IN',
      after: { sessionId: id },
      occurredAt: now,
    });
    return id;
  });
  return { ok: true, userId: user.id, role: user.role, sessionId };
}
