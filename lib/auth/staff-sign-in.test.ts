import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { generate, generateSecret } from 'otplib';
import { prisma } from '@/lib/db/client';
import { encryptIdNumber } from '@/lib/pii/id-number';
import { resetCaseData } from '@/test/support/db';
import { hashPassword } from './password';
import { closeRateLimits } from './rate-limit';
import { revokeSession } from './sessions';
import { afterFailure, FIRST_LOCKOUT_MS } from './staff-lockout';
import { signInStaff } from './staff-sign-in';
import { verifySecondFactor } from './totp';

const PASSWORD = 'Correct-Horse-1';

async function createStaff(
  username: string,
  overrides: { active?: boolean; provinceCode?: string | null; role?: 'REVIEWER' | 'SUPERVISOR' | 'ADMIN' } = {},
) {
  return prisma.user.create({
    data: {
      username,
      role: overrides.role ?? 'REVIEWER',
      displayName: username,
      passwordHash: await hashPassword(PASSWORD),
      provinceCode: overrides.provinceCode === undefined ? '34' : overrides.provinceCode,
      active: overrides.active ?? true,
    },
  });
}

beforeEach(async () => {
  await resetCaseData();
});

afterAll(async () => {
  await closeRateLimits();
});

describe('staff sign-in (real PostgreSQL)', () => {
  it('signs in with the right password, creates a session and audits it in the province chain', async () => {
    const user = await createStaff('reviewer-test');
    const result = await signInStaff({ username: 'reviewer-test', password: PASSWORD, ip: '10.0.0.1' });
    expect(result).toMatchObject({ ok: true, userId: user.id, role: 'REVIEWER' });
    if (!result.ok) throw new Error('expected success');
    const session = await prisma.session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 60 * 60 * 1000);
    const events = await prisma.auditEvent.findMany({ where: { actorId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ chain: '34', action: 'STAFF_SIGNED_IN', actorRole: 'REVIEWER' });

    await revokeSession(result.sessionId);
    await revokeSession(result.sessionId);
    const after = await prisma.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { seq: 'asc' } });
    expect(after.map((event) => event.action)).toEqual(['STAFF_SIGNED_IN', 'STAFF_SIGNED_OUT']);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: result.sessionId } })).revokedAt).not.toBeNull();
  });

  it('audits national staff in the national chain once their second factor is checked', async () => {
    const admin = await createStaff('admin-test', { role: 'ADMIN', provinceCode: null });
    const secret = generateSecret();
    await prisma.user.update({
      where: { id: admin.id },
      data: { totpSecretCipher: encryptIdNumber(secret), totpEnabledAt: new Date() },
    });
    const now = new Date();
    const result = await signInStaff({ username: 'admin-test', password: PASSWORD, ip: '10.0.0.1', now });
    expect(result).toMatchObject({ ok: true, stage: 'verify_second_factor' });
    if (!result.ok) throw new Error('expected the password to be accepted');
    expect(await prisma.auditEvent.count({ where: { action: 'STAFF_SIGNED_IN' } })).toBe(0);
    const code = await generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
    expect(
      await verifySecondFactor({ userId: admin.id, sessionId: result.sessionId, code, ip: '10.0.0.1', now }),
    ).toMatchObject({ ok: true, method: 'TOTP' });
    expect(await prisma.auditEvent.findFirst({ where: { action: 'STAFF_SIGNED_IN' } })).toMatchObject({
      chain: 'national',
      after: { sessionId: result.sessionId, method: 'TOTP' },
    });
  });

  it('tells a supervisor without a second factor to enrol one, and a new account to change its temporary password', async () => {
    await createStaff('supervisor-new', { role: 'SUPERVISOR' });
    expect(await signInStaff({ username: 'supervisor-new', password: PASSWORD, ip: '10.0.0.1' })).toMatchObject({
      ok: true,
      stage: 'enrol_second_factor',
    });
    const reviewer = await createStaff('reviewer-new');
    await prisma.user.update({ where: { id: reviewer.id }, data: { mustChangePassword: true } });
    expect(await signInStaff({ username: 'reviewer-new', password: PASSWORD, ip: '10.0.0.1' })).toMatchObject({
      ok: true,
      stage: 'change_password',
    });
    expect(await prisma.auditEvent.count({ where: { action: 'STAFF_SIGNED_IN' } })).toBe(0);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await createStaff('reviewer-known');
    expect(await signInStaff({ username: 'nobody', password: PASSWORD, ip: '10.0.0.2' })).toEqual({
      ok: false,
      error: 'credentials',
    });
    expect(await signInStaff({ username: 'reviewer-known', password: 'wrong', ip: '10.0.0.2' })).toEqual({
      ok: false,
      error: 'credentials',
    });
  });

  it('refuses disabled accounts with the answer for wrong credentials, and never lets a citizen in', async () => {
    await createStaff('reviewer-gone', { active: false });
    // The same answer as for an unknown username: a stranger learns nothing about which usernames exist.
    expect(await signInStaff({ username: 'reviewer-gone', password: PASSWORD, ip: '10.0.0.3' })).toEqual({
      ok: false,
      error: 'credentials',
    });
    expect(await prisma.session.count()).toBe(0);
  });

  it('locks the account for the guessing source for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    const user = await createStaff('reviewer-locked');
    const now = new Date('2026-11-27T01:00:00Z');
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      answers.push(
        (await signInStaff({ username: 'reviewer-locked', password: 'wrong', ip: '10.0.0.4', now })) as {
          error?: string;
        },
      );
    }
    expect(answers.map((answer) => answer.error)).toEqual([
      'credentials',
      'credentials',
      'credentials',
      'credentials',
      'locked',
    ]);
    const during = new Date(now.getTime() + FIRST_LOCKOUT_MS - 1000);
    expect(
      await signInStaff({ username: 'reviewer-locked', password: PASSWORD, ip: '10.0.0.4', now: during }),
    ).toMatchObject({ ok: false, error: 'locked', retryAfterSeconds: 1 });
    const after = new Date(now.getTime() + FIRST_LOCKOUT_MS + 1000);
    expect(
      await signInStaff({ username: 'reviewer-locked', password: PASSWORD, ip: '10.0.0.4', now: after }),
    ).toMatchObject({ ok: true });
    expect(await prisma.staffLockout.count({ where: { userId: user.id } })).toBe(0);
  });

  it('never locks the account for its owner elsewhere: a stranger cannot keep staff out', async () => {
    await createStaff('reviewer-targeted');
    const now = new Date('2026-11-27T02:00:00Z');
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await signInStaff({ username: 'reviewer-targeted', password: 'wrong', ip: '203.0.113.9', now });
    }
    expect(
      await signInStaff({ username: 'reviewer-targeted', password: PASSWORD, ip: '203.0.113.9', now }),
    ).toMatchObject({ ok: false, error: 'locked' });
    expect(await signInStaff({ username: 'reviewer-targeted', password: PASSWORD, ip: '10.1.2.3', now })).toMatchObject(
      { ok: true },
    );
  });

  it('doubles the lockout each time the same source is locked again within a day', async () => {
    await createStaff('reviewer-backoff');
    let now = new Date('2026-11-27T03:00:00Z');
    const lockOnce = async () => {
      let last: Awaited<ReturnType<typeof signInStaff>> | undefined;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        last = await signInStaff({ username: 'reviewer-backoff', password: 'wrong', ip: '10.0.0.8', now });
      }
      return last as { error: string; retryAfterSeconds: number };
    };
    const lengths = [];
    for (let round = 0; round < 3; round += 1) {
      const locked = await lockOnce();
      expect(locked.error).toBe('locked');
      lengths.push(locked.retryAfterSeconds);
      now = new Date(now.getTime() + locked.retryAfterSeconds * 1000 + 1000);
    }
    expect(lengths).toEqual([900, 1800, 3600]);
    expect(afterFailure({ failures: 4, lockouts: 20, lockedUntil: null, lastFailureAt: now }, now).lockedUntil).toEqual(
      new Date(now.getTime() + 24 * 3600 * 1000),
    );
  });

  // 21 password checks at bcrypt's cost: seconds on a quiet machine, more on a busy one.
  it('stops an IP after 20 failures in 15 minutes', { timeout: 120_000 }, async () => {
    await createStaff('reviewer-ip');
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await signInStaff({ username: `nobody-${attempt}`, password: 'x', ip: '10.0.0.6' });
    }
    expect(await signInStaff({ username: 'reviewer-ip', password: PASSWORD, ip: '10.0.0.6' })).toMatchObject({
      ok: false,
      error: 'rate_limited',
    });
    expect(await signInStaff({ username: 'reviewer-ip', password: PASSWORD, ip: '10.0.0.7' })).toMatchObject({
      ok: true,
    });
  });
});
