import { generate } from 'otplib';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { decryptIdNumber } from '@/lib/pii/id-number';
import { resetCaseData } from '@/test/support/db';
import { hashPassword } from './password';
import { closeRateLimits } from './rate-limit';
import { resolveSession } from './sessions';
import { signInStaff } from './staff-sign-in';
import { resolveSignInProgress } from './sign-in-progress';
import {
  confirmTotpEnrolment,
  hashRecoveryCode,
  readTotpEnrolment,
  RECOVERY_CODE_COUNT,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  verifySecondFactor,
} from './totp';

const PASSWORD = 'Correct-Horse-1';
const IP = '10.1.0.1';

async function supervisor(username: string, provinceCode: string | null = '34') {
  return prisma.user.create({
    data: {
      username,
      role: 'SUPERVISOR',
      displayName: username,
      provinceCode,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
}

async function signIn(username: string, now: Date) {
  const result = await signInStaff({ username, password: PASSWORD, ip: IP, now });
  if (!result.ok) throw new Error(`sign-in refused: ${result.error}`);
  return result;
}

const codeAt = async (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

async function secretOf(userId: string): Promise<string> {
  const { totpSecretCipher } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  if (!totpSecretCipher) throw new Error('no secret');
  return decryptIdNumber(totpSecretCipher);
}

/** Enrols the user's factor through the real steps; returns the secret and the recovery codes. */
async function enrol(userId: string, sessionId: string, now: Date) {
  expect(await startTotpEnrolment(userId)).toEqual({ ok: true });
  const secret = await secretOf(userId);
  const confirmed = await confirmTotpEnrolment({ userId, sessionId, code: await codeAt(secret, now), ip: IP, now });
  if (!confirmed.ok) throw new Error(`enrolment refused: ${confirmed.error}`);
  return { secret, recoveryCodes: confirmed.recoveryCodes };
}

beforeEach(async () => {
  await resetCaseData();
});

afterAll(async () => {
  await closeRateLimits();
});

describe('TOTP second factor (real PostgreSQL)', () => {
  it('keeps a supervisor without a second factor out of every page, and sends them to enrolment', async () => {
    const user = await supervisor('sup-new');
    const now = new Date();
    const { sessionId, stage } = await signIn('sup-new', now);
    expect(stage).toBe('enrol_second_factor');
    // getCurrentUser (every page, action and route handler) sees nobody signed in.
    expect(await resolveSession(sessionId, 'SUPERVISOR', now)).toBeNull();
    expect(await resolveSignInProgress(sessionId, 'SUPERVISOR', now)).toMatchObject({
      stage: 'enrol_second_factor',
      user: { id: user.id },
    });
  });

  it('enrols with a QR code: the secret is stored encrypted, 10 recovery codes are shown once and stored as keyed hashes', async () => {
    const user = await supervisor('sup-enrol');
    const now = new Date();
    const { sessionId } = await signIn('sup-enrol', now);
    await startTotpEnrolment(user.id);
    const enrolment = await readTotpEnrolment(user.id);
    expect(enrolment?.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = await secretOf(user.id);
    expect(enrolment?.secret.replace(/ /g, '')).toBe(secret);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecretCipher).not.toContain(secret);
    expect(stored.totpEnabledAt).toBeNull();

    // Starting again without asking keeps the secret the person may already have scanned.
    await startTotpEnrolment(user.id);
    expect(await secretOf(user.id)).toBe(secret);

    const wrong = await confirmTotpEnrolment({ userId: user.id, sessionId, code: '000000', ip: IP, now });
    expect(wrong).toEqual({ ok: false, error: 'code_wrong' });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();

    const confirmed = await confirmTotpEnrolment({
      userId: user.id,
      sessionId,
      code: await codeAt(secret, now),
      ip: IP,
      now,
    });
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(confirmed.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(confirmed.recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    const rows = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.codeHash).sort()).toEqual(
      confirmed.recoveryCodes.map((code) => hashRecoveryCode(user.id, code)).sort(),
    );
    expect(JSON.stringify(rows)).not.toContain(confirmed.recoveryCodes[0]!.replace(/-/g, ''));

    // This session completed its sign-in by enrolling; the history says so.
    expect(await resolveSession(sessionId, 'SUPERVISOR', now)).toMatchObject({ id: user.id });
    const events = await prisma.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { seq: 'asc' } });
    expect(events.map((event) => [event.chain, event.action])).toEqual([
      ['34', 'USER_UPDATED'],
      ['34', 'STAFF_SIGNED_IN'],
    ]);
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toContain(secret);
    expect(
      await confirmTotpEnrolment({ userId: user.id, sessionId, code: await codeAt(secret, now), ip: IP, now }),
    ).toEqual({ ok: false, error: 'already_enrolled' });
  });

  it('refuses a wrong TOTP: the session stays signed out until a right code, and a code is never accepted twice', async () => {
    const user = await supervisor('sup-verify');
    const enrolledAt = new Date(Date.now() - 5 * 60_000);
    const first = await signIn('sup-verify', enrolledAt);
    const { secret } = await enrol(user.id, first.sessionId, enrolledAt);

    const now = new Date();
    const { sessionId, stage } = await signIn('sup-verify', now);
    expect(stage).toBe('verify_second_factor');
    const right = await codeAt(secret, now);
    const wrong = right === '123456' ? '654321' : '123456';
    expect(await verifySecondFactor({ userId: user.id, sessionId, code: wrong, ip: IP, now })).toEqual({
      ok: false,
      error: 'code_wrong',
    });
    expect(await verifySecondFactor({ userId: user.id, sessionId, code: 'not a code', ip: IP, now })).toEqual({
      ok: false,
      error: 'code_format',
    });
    expect(await resolveSession(sessionId, 'SUPERVISOR', now)).toBeNull();

    expect(await verifySecondFactor({ userId: user.id, sessionId, code: right, ip: IP, now })).toMatchObject({
      ok: true,
      method: 'TOTP',
      recoveryCodesLeft: 10,
    });
    expect(await resolveSession(sessionId, 'SUPERVISOR', now)).toMatchObject({ id: user.id, role: 'SUPERVISOR' });

    // The same code on another session (someone who saw it over a shoulder) is refused.
    const other = await signIn('sup-verify', now);
    expect(await verifySecondFactor({ userId: user.id, sessionId: other.sessionId, code: right, ip: IP, now })).toEqual(
      { ok: false, error: 'code_wrong' },
    );
    expect(await resolveSession(other.sessionId, 'SUPERVISOR', now)).toBeNull();
  });

  it('accepts each recovery code once, and renewing them retires the old ones', async () => {
    const user = await supervisor('sup-recovery', null);
    const enrolledAt = new Date(Date.now() - 5 * 60_000);
    const first = await signIn('sup-recovery', enrolledAt);
    const { secret, recoveryCodes } = await enrol(user.id, first.sessionId, enrolledAt);
    const now = new Date();

    const a = await signIn('sup-recovery', now);
    expect(
      await verifySecondFactor({
        userId: user.id,
        sessionId: a.sessionId,
        code: recoveryCodes[0]!.toLowerCase(),
        ip: IP,
        now,
      }),
    ).toMatchObject({
      ok: true,
      method: 'RECOVERY_CODE',
      recoveryCodesLeft: 9,
    });
    const b = await signIn('sup-recovery', now);
    expect(
      await verifySecondFactor({ userId: user.id, sessionId: b.sessionId, code: recoveryCodes[0]!, ip: IP, now }),
    ).toEqual({ ok: false, error: 'code_wrong' });

    const renewed = await regenerateRecoveryCodes({ userId: user.id, code: await codeAt(secret, now), ip: IP, now });
    if (!renewed.ok) throw new Error(renewed.error);
    expect(
      await verifySecondFactor({ userId: user.id, sessionId: b.sessionId, code: recoveryCodes[1]!, ip: IP, now }),
    ).toEqual({ ok: false, error: 'code_wrong' });
    expect(
      await verifySecondFactor({
        userId: user.id,
        sessionId: b.sessionId,
        code: renewed.recoveryCodes[0]!,
        ip: IP,
        now,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await prisma.auditEvent.findFirst({
        where: { actorId: user.id, action: 'STAFF_SIGNED_IN', after: { path: ['method'], equals: 'RECOVERY_CODE' } },
      }),
    ).toMatchObject({
      chain: 'national',
    });
  });

  it('locks the account after 5 wrong codes and ends the unfinished session', async () => {
    const user = await supervisor('sup-guess');
    const enrolledAt = new Date(Date.now() - 5 * 60_000);
    const first = await signIn('sup-guess', enrolledAt);
    const { secret } = await enrol(user.id, first.sessionId, enrolledAt);
    const now = new Date();
    const { sessionId } = await signIn('sup-guess', now);
    const right = await codeAt(secret, now);
    const answers = [];
    for (const guess of ['111111', '222222', '333333', '444444', '555555'].filter((code) => code !== right)) {
      answers.push(
        (await verifySecondFactor({ userId: user.id, sessionId, code: guess, ip: IP, now })) as { error?: string },
      );
    }
    expect(answers.at(-1)?.error).toBe('locked');
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    expect(await verifySecondFactor({ userId: user.id, sessionId, code: right, ip: IP, now })).toMatchObject({
      ok: false,
      error: 'locked',
    });
    expect(await signInStaff({ username: 'sup-guess', password: PASSWORD, ip: IP, now })).toMatchObject({
      ok: false,
      error: 'locked',
    });
  });
});
