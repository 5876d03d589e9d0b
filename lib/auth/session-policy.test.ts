import { describe, expect, it } from 'vitest';
import {
  evaluateSession,
  evaluateSignInProgress,
  PENDING_SIGN_IN_MS,
  SESSION_ABSOLUTE_MS,
  SESSION_TOUCH_INTERVAL_MS,
  signInStage,
  STAFF_IDLE_MS,
} from './session-policy';

const now = new Date('2026-11-27T08:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const session = (
  overrides: Partial<{
    expiresAt: Date;
    lastSeenAt: Date;
    revokedAt: Date | null;
    createdAt: Date;
    secondFactorAt: Date | null;
  }> = {},
) => ({
  expiresAt: new Date(now.getTime() + 60 * 60_000),
  lastSeenAt: minutesAgo(5),
  revokedAt: null,
  createdAt: minutesAgo(10),
  secondFactorAt: null,
  ...overrides,
});
const reviewer = { role: 'REVIEWER' as const, active: true };
const citizen = { role: 'CITIZEN' as const, active: true };

describe('evaluateSession', () => {
  it('accepts a live session and asks to touch it when last seen over a minute ago', () => {
    expect(evaluateSession({ session: session(), user: reviewer, tokenRole: 'REVIEWER', now })).toEqual({
      valid: true,
      touch: true,
    });
    const fresh = session({ lastSeenAt: new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS + 1) });
    expect(evaluateSession({ session: fresh, user: reviewer, tokenRole: 'REVIEWER', now })).toEqual({
      valid: true,
      touch: false,
    });
  });

  it('refuses missing, revoked and expired sessions', () => {
    expect(evaluateSession({ session: null, user: null, tokenRole: 'REVIEWER', now })).toMatchObject({
      valid: false,
      reason: 'missing',
    });
    expect(
      evaluateSession({ session: session({ revokedAt: minutesAgo(1) }), user: reviewer, tokenRole: 'REVIEWER', now }),
    ).toMatchObject({
      valid: false,
      reason: 'revoked',
    });
    expect(
      evaluateSession({ session: session({ expiresAt: now }), user: reviewer, tokenRole: 'REVIEWER', now }),
    ).toMatchObject({
      valid: false,
      reason: 'expired',
    });
  });

  it('signs staff out after 30 idle minutes, but not citizens', () => {
    const idle = session({ lastSeenAt: new Date(now.getTime() - STAFF_IDLE_MS - 1) });
    expect(evaluateSession({ session: idle, user: reviewer, tokenRole: 'REVIEWER', now })).toMatchObject({
      valid: false,
      reason: 'idle',
    });
    expect(
      evaluateSession({
        session: session({ lastSeenAt: new Date(now.getTime() - STAFF_IDLE_MS) }),
        user: reviewer,
        tokenRole: 'REVIEWER',
        now,
      }),
    ).toMatchObject({ valid: true });
    expect(evaluateSession({ session: idle, user: citizen, tokenRole: 'CITIZEN', now })).toMatchObject({ valid: true });
  });

  it('ends the session of a disabled account or a changed role', () => {
    expect(
      evaluateSession({ session: session(), user: { ...reviewer, active: false }, tokenRole: 'REVIEWER', now }),
    ).toMatchObject({
      valid: false,
      reason: 'inactive',
    });
    expect(
      evaluateSession({ session: session(), user: { role: 'SUPERVISOR', active: true }, tokenRole: 'REVIEWER', now }),
    ).toMatchObject({
      valid: false,
      reason: 'role_changed',
    });
  });
});

describe('the second factor and temporary passwords', () => {
  const enrolled = minutesAgo(60 * 24);
  const supervisor = { role: 'SUPERVISOR' as const, active: true, totpEnabledAt: enrolled, mustChangePassword: false };

  it('keeps a supervisor or administrator out until the second factor was checked for this session', () => {
    expect(evaluateSession({ session: session(), user: supervisor, tokenRole: 'SUPERVISOR', now })).toEqual({
      valid: false,
      reason: 'incomplete',
      stage: 'verify_second_factor',
    });
    expect(
      evaluateSession({
        session: session({ secondFactorAt: minutesAgo(9) }),
        user: supervisor,
        tokenRole: 'SUPERVISOR',
        now,
      }),
    ).toMatchObject({ valid: true });
  });

  it('sends a supervisor or administrator without a second factor to enrolment; a reviewer may go without', () => {
    for (const role of ['SUPERVISOR', 'ADMIN'] as const) {
      expect(
        evaluateSession({
          session: session(),
          user: { role, active: true, totpEnabledAt: null },
          tokenRole: role,
          now,
        }),
      ).toMatchObject({
        valid: false,
        stage: 'enrol_second_factor',
      });
    }
    expect(
      evaluateSession({ session: session(), user: { ...reviewer, totpEnabledAt: null }, tokenRole: 'REVIEWER', now }),
    ).toMatchObject({ valid: true });
    expect(
      evaluateSession({
        session: session(),
        user: { ...reviewer, totpEnabledAt: enrolled },
        tokenRole: 'REVIEWER',
        now,
      }),
    ).toMatchObject({
      valid: false,
      stage: 'verify_second_factor',
    });
  });

  it('checks an enrolled factor before the temporary password is replaced, then asks for enrolment last', () => {
    expect(
      signInStage({ role: 'ADMIN', mustChangePassword: true, totpEnabledAt: enrolled, secondFactorAt: null }),
    ).toBe('verify_second_factor');
    expect(signInStage({ role: 'ADMIN', mustChangePassword: true, totpEnabledAt: enrolled, secondFactorAt: now })).toBe(
      'change_password',
    );
    expect(signInStage({ role: 'ADMIN', mustChangePassword: true, totpEnabledAt: null, secondFactorAt: null })).toBe(
      'change_password',
    );
    expect(signInStage({ role: 'ADMIN', mustChangePassword: false, totpEnabledAt: null, secondFactorAt: null })).toBe(
      'enrol_second_factor',
    );
    expect(signInStage({ role: 'CITIZEN', mustChangePassword: true, totpEnabledAt: null, secondFactorAt: null })).toBe(
      'complete',
    );
  });

  it('gives an unfinished sign-in 15 minutes, and never more than the session itself', () => {
    const young = session({ createdAt: new Date(now.getTime() - PENDING_SIGN_IN_MS + 1000) });
    expect(evaluateSignInProgress({ session: young, user: supervisor, tokenRole: 'SUPERVISOR', now })).toEqual({
      valid: true,
      stage: 'verify_second_factor',
    });
    const old = session({ createdAt: new Date(now.getTime() - PENDING_SIGN_IN_MS - 1000) });
    expect(evaluateSignInProgress({ session: old, user: supervisor, tokenRole: 'SUPERVISOR', now })).toEqual({
      valid: false,
      reason: 'pending_expired',
    });
    expect(
      evaluateSignInProgress({ session: session({ revokedAt: now }), user: supervisor, tokenRole: 'SUPERVISOR', now }),
    ).toMatchObject({ valid: false, reason: 'revoked' });
    // A completed sign-in is not limited by the pending window, only by the 12-hour and 30-minute rules.
    const day = session({
      createdAt: new Date(now.getTime() - SESSION_ABSOLUTE_MS + 60_000),
      secondFactorAt: minutesAgo(600),
    });
    expect(evaluateSignInProgress({ session: day, user: supervisor, tokenRole: 'SUPERVISOR', now })).toEqual({
      valid: true,
      stage: 'complete',
    });
  });
});
