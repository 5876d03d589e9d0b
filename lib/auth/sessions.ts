// Server-side session rows (SPEC §11, §14): created at sign-in, read on every request, revoked at sign-out (one, or
// all of a user's at once), and marked when their second factor was checked.
import 'server-only';
import { prisma, Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { appendAuditEvent, chainOf } from '@/lib/audit/append';
import type { Actor } from './actor';
import { evaluateSession, isStaffRole, SESSION_ABSOLUTE_MS, SESSION_TOUCH_INTERVAL_MS } from './session-policy';

export interface SessionUser {
  id: string;
  role: Role;
  active: boolean;
  displayName: string;
  provinceCode: string | null;
  unitCode: string | null;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
}

export interface LoadedSession {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  secondFactorAt: Date | null;
  user: SessionUser;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a staff sign-in was completed, as recorded in its STAFF_SIGNED_IN audit event. */
export type SignInMethod = 'PASSWORD' | 'TOTP' | 'RECOVERY_CODE' | 'TOTP_ENROLLED' | 'PASSWORD_CHANGED';

export async function createSession(tx: TransactionClient, userId: string, now: Date): Promise<string> {
  const session = await tx.session.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
    select: { id: true },
  });
  return session.id;
}

/** The session row with its user, in one statement (it runs on every signed-in request). */
export async function loadSession(sessionId: string): Promise<LoadedSession | null> {
  if (!UUID.test(sessionId)) return null;
  const [row] = await sqlRows<
    Omit<LoadedSession, 'user'> & { [K in keyof SessionUser as `user_${K}`]: SessionUser[K] }
  >(
    prisma,
    Prisma.sql`
    SELECT s.id::text, s.created_at AS "createdAt", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt",
           s.revoked_at AS "revokedAt", s.second_factor_at AS "secondFactorAt",
           u.id::text AS "user_id", u.role::text AS "user_role", u.active AS "user_active",
           u.display_name AS "user_displayName", u.province_code AS "user_provinceCode", u.unit_code AS "user_unitCode",
           u.must_change_password AS "user_mustChangePassword", u.totp_enabled_at AS "user_totpEnabledAt"
      FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE s.id = ${sessionId}::uuid`,
  );
  if (!row) return null;
  return {
    id: row.id,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastSeenAt: row.lastSeenAt,
    revokedAt: row.revokedAt,
    secondFactorAt: row.secondFactorAt,
    user: {
      id: row.user_id,
      role: row.user_role,
      active: row.user_active,
      displayName: row.user_displayName,
      provinceCode: row.user_provinceCode,
      unitCode: row.user_unitCode,
      mustChangePassword: row.user_mustChangePassword,
      totpEnabledAt: row.user_totpEnabledAt,
    },
  };
}

/** Records the sign-in once the session is usable (after the password, or after the step that completed it). */
export async function auditSignInCompleted(
  tx: TransactionClient,
  user: { id: string; role: Role; provinceCode: string | null },
  sessionId: string,
  method: SignInMethod,
  now: Date,
): Promise<void> {
  await appendAuditEvent(tx, {
    chain: chainOf(user.provinceCode),
    actorId: user.id,
    actorRole: user.role,
    action: 'STAFF_SIGNED_IN',
    after: { sessionId, method },
    occurredAt: now,
  });
}

export async function touchSession(sessionId: string, now: Date, notSince: Date): Promise<void> {
  await prisma.session.updateMany({
    where: { id: sessionId, lastSeenAt: { lt: notSince } },
    data: { lastSeenAt: now },
  });
}

/** Ends one session; for staff the sign-out is audited in the same transaction. Safe to call twice. */
export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const revoked = await tx.session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count === 0) return;
    const session = await tx.session.findUnique({
      where: { id: sessionId },
      select: { user: { select: { id: true, role: true, provinceCode: true } } },
    });
    if (!session || !isStaffRole(session.user.role)) return;
    await appendAuditEvent(tx, {
      chain: chainOf(session.user.provinceCode),
      actorId: session.user.id,
      actorRole: session.user.role,
      action: 'STAFF_SIGNED_OUT',
      after: { sessionId },
      occurredAt: now,
    });
  });
}

/** Ends every open session of a user (account disabled, role changed). */
export async function revokeUserSessions(tx: TransactionClient, userId: string, now = new Date()): Promise<number> {
  const revoked = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return revoked.count;
}

/**
 * "Sign out everywhere": ends every session of the user, this one included; for staff the sign-out is audited in
 * the same transaction. Returns how many sessions were ended.
 */
export async function signOutEverywhere(userId: string, now = new Date()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, role: true, provinceCode: true },
    });
    const count = await revokeUserSessions(tx, userId, now);
    if (count > 0 && isStaffRole(user.role)) {
      await appendAuditEvent(tx, {
        chain: chainOf(user.provinceCode),
        actorId: user.id,
        actorRole: user.role,
        action: 'STAFF_SIGNED_OUT',
        after: { everywhere: true, sessionsEnded: count },
        occurredAt: now,
      });
    }
    return count;
  });
}

/** The signed-in caller (an Actor) with what the pages show about them and their session. */
export interface CurrentUser extends Actor {
  id: string;
  role: Role;
  displayName: string;
  unitCode: string | null;
  sessionId: string;
}

/** Resolves a session id from the cookie to the signed-in user, or null; exported for tests. */
export async function resolveSession(
  sessionId: string,
  tokenRole: string | undefined,
  now = new Date(),
): Promise<CurrentUser | null> {
  const session = await loadSession(sessionId);
  const verdict = evaluateSession({ session, user: session?.user ?? null, tokenRole, now });
  if (!verdict.valid || !session) return null;
  if (verdict.touch) await touchSession(session.id, now, new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS));
  const { user } = session;
  return {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    provinceCode: user.provinceCode,
    unitCode: user.unitCode,
    sessionId: session.id,
  };
}
