import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { changeOwnPassword } from './change-password';
import { hashPassword, verifyPassword } from './password';
import { closeRateLimits } from './rate-limit';
import { resolveSession } from './sessions';
import { signOutEverywhere } from './sessions';
import { signInStaff } from './staff-sign-in';

const TEMPORARY = 'abcd-EFGH-2345-jkmn';
const IP = '10.2.0.1';

beforeEach(async () => {
  await resetCaseData();
});

afterAll(async () => {
  await closeRateLimits();
});

async function reviewerWithTemporaryPassword(username: string) {
  return prisma.user.create({
    data: {
      username,
      role: 'REVIEWER',
      displayName: username,
      provinceCode: '41',
      passwordHash: await hashPassword(TEMPORARY),
      mustChangePassword: true,
    },
  });
}

describe('changing one’s own password (real PostgreSQL)', () => {
  it('lets a temporary password reach nothing but the password page, then completes the sign-in', async () => {
    const user = await reviewerWithTemporaryPassword('reviewer-temp');
    const now = new Date();
    const signedIn = await signInStaff({ username: 'reviewer-temp', password: TEMPORARY, ip: IP, now });
    if (!signedIn.ok) throw new Error(signedIn.error);
    expect(signedIn.stage).toBe('change_password');
    expect(await resolveSession(signedIn.sessionId, 'REVIEWER', now)).toBeNull();

    const base = { userId: user.id, sessionId: signedIn.sessionId, ip: IP, now };
    expect(await changeOwnPassword({ ...base, currentPassword: 'wrong', newPassword: 'Another-long-pass-1' })).toEqual({
      ok: false,
      error: 'current_wrong',
    });
    expect(await changeOwnPassword({ ...base, currentPassword: TEMPORARY, newPassword: TEMPORARY })).toEqual({
      ok: false,
      error: 'same_as_current',
    });
    expect(
      await changeOwnPassword({ ...base, currentPassword: TEMPORARY, newPassword: 'my-REVIEWER-TEMP-pw' }),
    ).toEqual({ ok: false, error: 'contains_username' });
    expect(await changeOwnPassword({ ...base, currentPassword: TEMPORARY, newPassword: 'Harbour-Lantern-93' })).toEqual(
      { ok: true, otherSessionsEnded: 0 },
    );

    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.mustChangePassword).toBe(false);
    expect(await verifyPassword('Harbour-Lantern-93', stored.passwordHash ?? '')).toBe(true);
    expect(await resolveSession(signedIn.sessionId, 'REVIEWER', now)).toMatchObject({ id: user.id });
    const events = await prisma.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { seq: 'asc' } });
    expect(
      events.map((event) => [event.chain, event.action, (event.after as { method?: string }).method ?? null]),
    ).toEqual([
      ['41', 'USER_UPDATED', null],
      ['41', 'STAFF_SIGNED_IN', 'PASSWORD_CHANGED'],
    ]);
    expect(JSON.stringify(events.map((event) => event.after))).not.toContain('Harbour');
  });

  it('ends every other session of the user', async () => {
    const user = await reviewerWithTemporaryPassword('reviewer-two');
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    const now = new Date();
    const here = await signInStaff({ username: 'reviewer-two', password: TEMPORARY, ip: IP, now });
    const there = await signInStaff({ username: 'reviewer-two', password: TEMPORARY, ip: IP, now });
    if (!here.ok || !there.ok) throw new Error('sign-in refused');
    expect(
      await changeOwnPassword({
        userId: user.id,
        sessionId: here.sessionId,
        currentPassword: TEMPORARY,
        newPassword: 'Granite-Meadow-71',
        ip: IP,
        now,
      }),
    ).toEqual({
      ok: true,
      otherSessionsEnded: 1,
    });
    expect(await resolveSession(here.sessionId, 'REVIEWER', now)).not.toBeNull();
    expect(await resolveSession(there.sessionId, 'REVIEWER', now)).toBeNull();
  });
});

describe('sign out everywhere (real PostgreSQL)', () => {
  it('ends every session of the user, this one included, and audits it once', async () => {
    const user = await reviewerWithTemporaryPassword('reviewer-everywhere');
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    const now = new Date();
    const sessions = [];
    for (let device = 0; device < 3; device += 1) {
      const result = await signInStaff({ username: 'reviewer-everywhere', password: TEMPORARY, ip: IP, now });
      if (!result.ok) throw new Error(result.error);
      sessions.push(result.sessionId);
    }
    expect(await signOutEverywhere(user.id, now)).toBe(3);
    for (const sessionId of sessions) expect(await resolveSession(sessionId, 'REVIEWER', now)).toBeNull();
    expect(await signOutEverywhere(user.id, now)).toBe(0);
    const signOuts = await prisma.auditEvent.findMany({ where: { actorId: user.id, action: 'STAFF_SIGNED_OUT' } });
    expect(signOuts).toHaveLength(1);
    expect(signOuts[0]).toMatchObject({ chain: '41', after: { everywhere: true, sessionsEnded: 3 } });
  });
});
