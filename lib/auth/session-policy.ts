// When a server-side session still counts as signed in (SPEC §11): pure, so the rules are tested without a database.
// A staff sign-in is complete only after its second factor (supervisors, administrators and anyone enrolled) and
// after a temporary password was replaced; until then the session reaches only the steps that complete it.
import type { Role } from '@/lib/db/generated/enums';

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const STAFF_IDLE_MS = 30 * 60 * 1000;
/** lastSeenAt is written at most this often, to keep page loads from writing on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
/** A sign-in waiting for its second factor, a new password or enrolment must be completed within this time. */
export const PENDING_SIGN_IN_MS = 15 * 60 * 1000;

/** What a session still has to do before it counts as signed in. */
export type SignInStage = 'complete' | 'verify_second_factor' | 'change_password' | 'enrol_second_factor';

export interface SessionFacts {
  session: {
    expiresAt: Date;
    lastSeenAt: Date;
    revokedAt: Date | null;
    createdAt?: Date;
    /** When the second factor was checked for this session. */
    secondFactorAt?: Date | null;
  } | null;
  user: { role: Role; active: boolean; mustChangePassword?: boolean; totpEnabledAt?: Date | null } | null;
  /** The role written into the cookie at sign-in; a changed role ends the session. */
  tokenRole: string | undefined;
  now: Date;
}

type Refusal = 'missing' | 'revoked' | 'expired' | 'idle' | 'inactive' | 'role_changed';

export type SessionVerdict =
  | { valid: true; touch: boolean }
  | { valid: false; reason: Refusal }
  | { valid: false; reason: 'incomplete'; stage: Exclude<SignInStage, 'complete'> };

export type SignInProgressVerdict =
  { valid: true; stage: SignInStage } | { valid: false; reason: Refusal | 'pending_expired' };

export function isStaffRole(role: string): boolean {
  return role === 'REVIEWER' || role === 'SUPERVISOR' || role === 'ADMIN';
}

/** Supervisors and administrators must have a second factor (SPEC §11); other staff may enrol one. */
export function requiresSecondFactor(role: string): boolean {
  return role === 'SUPERVISOR' || role === 'ADMIN';
}

/**
 * The next step of a sign-in: an enrolled second factor is checked first (so a temporary password alone changes
 * nothing), then a temporary password is replaced, then a supervisor or administrator without a second factor enrols.
 */
export function signInStage(facts: {
  role: Role;
  mustChangePassword?: boolean;
  totpEnabledAt?: Date | null;
  secondFactorAt?: Date | null;
}): SignInStage {
  if (!isStaffRole(facts.role)) return 'complete';
  const verified = Boolean(facts.secondFactorAt);
  if (facts.totpEnabledAt && !verified) return 'verify_second_factor';
  if (facts.mustChangePassword) return 'change_password';
  if (requiresSecondFactor(facts.role) && !verified) return 'enrol_second_factor';
  return 'complete';
}

function baseRefusal({ session, user, tokenRole, now }: SessionFacts): Refusal | null {
  if (!session || !user) return 'missing';
  if (session.revokedAt) return 'revoked';
  const time = now.getTime();
  if (session.expiresAt.getTime() <= time) return 'expired';
  if (!user.active) return 'inactive';
  if (user.role !== tokenRole) return 'role_changed';
  if (user.role !== 'CITIZEN' && time - session.lastSeenAt.getTime() > STAFF_IDLE_MS) return 'idle';
  return null;
}

/** Whether the session counts as signed in (every page, action and route handler goes through this). */
export function evaluateSession(facts: SessionFacts): SessionVerdict {
  const refusal = baseRefusal(facts);
  if (refusal || !facts.session || !facts.user) return { valid: false, reason: refusal ?? 'missing' };
  const stage = signInStage({ ...facts.user, secondFactorAt: facts.session.secondFactorAt });
  if (stage !== 'complete') return { valid: false, reason: 'incomplete', stage };
  const idleMs = facts.now.getTime() - facts.session.lastSeenAt.getTime();
  return { valid: true, touch: idleMs >= SESSION_TOUCH_INTERVAL_MS };
}

/** For the pages that complete a sign-in: which step this session is at, while it is still young enough to finish. */
export function evaluateSignInProgress(facts: SessionFacts): SignInProgressVerdict {
  const refusal = baseRefusal(facts);
  if (refusal || !facts.session || !facts.user) return { valid: false, reason: refusal ?? 'missing' };
  const stage = signInStage({ ...facts.user, secondFactorAt: facts.session.secondFactorAt });
  const started = facts.session.createdAt?.getTime() ?? 0;
  if (stage !== 'complete' && facts.now.getTime() - started > PENDING_SIGN_IN_MS)
    return { valid: false, reason: 'pending_expired' };
  return { valid: true, stage };
}
