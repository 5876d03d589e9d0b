// When a server-side session still counts as signed in (SPEC §11): pure, so the rules are tested without a database.
import type { Role } from '@/lib/db/generated/enums';

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const STAFF_IDLE_MS = 30 * 60 * 1000;
/** lastSeenAt is written at most this often, to keep page loads from writing on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionFacts {
  session: { expiresAt: Date; lastSeenAt: Date; revokedAt: Date | null } | null;
  user: { role: Role; active: boolean } | null;
  /** The role written into the cookie at sign-in; a changed role ends the session. */
  tokenRole: string | undefined;
  now: Date;
}

export type SessionVerdict =
  | { valid: true; touch: boolean }
  | { valid: false; reason: 'missing' | 'revoked' | 'expired' | 'idle' | 'inactive' | 'role_changed' };

export function evaluateSession({ session, user, tokenRole, now }: SessionFacts): SessionVerdict {
  if (!session || !user) return { valid: false, reason: 'missing' };
  if (session.revokedAt) return { valid: false, reason: 'revoked' };
  const time = now.getTime();
  if (session.expiresAt.getTime() <= time) return { valid: false, reason: 'expired' };
  if (!user.active) return { valid: false, reason: 'inactive' };
  if (user.role !== tokenRole) return { valid: false, reason: 'role_changed' };
  const idleMs = time - session.lastSeenAt.getTime();
  if (user.role !== 'CITIZEN' && idleMs > STAFF_IDLE_MS) return { valid: false, reason: 'idle' };
  return { valid: true, touch: idleMs >= SESSION_TOUCH_INTERVAL_MS };
}

export function isStaffRole(role: string): boolean {
  return role === 'REVIEWER' || role === 'SUPERVISOR' || role === 'ADMIN';
}
