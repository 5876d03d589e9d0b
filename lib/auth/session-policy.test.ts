import { describe, expect, it } from 'vitest';
import { evaluateSession, SESSION_TOUCH_INTERVAL_MS, STAFF_IDLE_MS } from './session-policy';

const now = new Date('2026-11-27T08:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const session = (overrides: Partial<{ expiresAt: Date; lastSeenAt: Date; revokedAt: Date | null }> = {}) => ({
  expiresAt: new Date(now.getTime() + 60 * 60_000),
  lastSeenAt: minutesAgo(5),
  revokedAt: null,
  ...overrides,
});
const reviewer = { role: 'REVIEWER' as const, active: true };
const citizen = { role: 'CITIZEN' as const, active: true };

describe('evaluateSession', () => {
  it('accepts a live session and asks to touch it when last seen over a minute ago', () => {
    expect(evaluateSession({ session: session(), user: reviewer, tokenRole: 'REVIEWER', now })).toEqual({ valid: true, touch: true });
    const fresh = session({ lastSeenAt: new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS + 1) });
    expect(evaluateSession({ session: fresh, user: reviewer, tokenRole: 'REVIEWER', now })).toEqual({ valid: true, touch: false });
  });

  it('refuses missing, revoked and expired sessions', () => {
    expect(evaluateSession({ session: null, user: null, tokenRole: 'REVIEWER', now })).toMatchObject({ valid: false, reason: 'missing' });
    expect(evaluateSession({ session: session({ revokedAt: minutesAgo(1) }), user: reviewer, tokenRole: 'REVIEWER', now })).toMatchObject({
      valid: false,
      reason: 'revoked',
    });
    expect(evaluateSession({ session: session({ expiresAt: now }), user: reviewer, tokenRole: 'REVIEWER', now })).toMatchObject({
      valid: false,
      reason: 'expired',
    });
  });

  it('signs staff out after 30 idle minutes, but not citizens', () => {
    const idle = session({ lastSeenAt: new Date(now.getTime() - STAFF_IDLE_MS - 1) });
    expect(evaluateSession({ session: idle, user: reviewer, tokenRole: 'REVIEWER', now })).toMatchObject({ valid: false, reason: 'idle' });
    expect(evaluateSession({ session: session({ lastSeenAt: new Date(now.getTime() - STAFF_IDLE_MS) }), user: reviewer, tokenRole: 'REVIEWER', now }))
      .toMatchObject({ valid: true });
    expect(evaluateSession({ session: idle, user: citizen, tokenRole: 'CITIZEN', now })).toMatchObject({ valid: true });
  });

  it('ends the session of a disabled account or a changed role', () => {
    expect(evaluateSession({ session: session(), user: { ...reviewer, active: false }, tokenRole: 'REVIEWER', now })).toMatchObject({
      valid: false,
      reason: 'inactive',
    });
    expect(evaluateSession({ session: session(), user: { role: 'SUPERVISOR', active: true }, tokenRole: 'REVIEWER', now })).toMatchObject({
      valid: false,
      reason: 'role_changed',
    });
  });
});
