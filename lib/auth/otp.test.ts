import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { signInCitizen } from './citizen-sign-in';
import { CODE_TTL_MS, hashCode, requestSignInCode } from './otp';
import { closeRateLimits } from './rate-limit';

const IP = '10.1.2.3';

async function latestCode(mobile: string): Promise<string> {
  const message = await prisma.smsMessage.findFirstOrThrow({ where: { to: mobile }, orderBy: { createdAt: 'desc' } });
  const code = /\d{6}/.exec(message.body)?.[0];
  if (!code) throw new Error(`no code in "${message.body}"`);
  return code;
}

function wrongCodeFor(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

beforeEach(async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  await resetCaseData();
});

afterAll(async () => {
  vi.useRealTimers();
  await closeRateLimits();
});

describe('sign-in codes (real PostgreSQL)', () => {
  it('sends 6 digits by SMS in Chinese and stores only an HMAC of them', async () => {
    const result = await requestSignInCode({ mobile: '13900000001', ip: IP });
    expect(result).toMatchObject({ ok: true, maskedMobile: '139****0001' });
    const code = await latestCode('13900000001');
    const message = await prisma.smsMessage.findFirstOrThrow({ where: { to: '13900000001' } });
    expect(message.body).toContain('验证码');
    expect(message.purpose).toBe('SIGN_IN');

    const challenge = await prisma.otpChallenge.findFirstOrThrow({ where: { mobile: '13900000001' } });
    expect(challenge.codeHash).not.toContain(code);
    expect(challenge.codeHash).toBe(hashCode(challenge.id, '13900000001', code));
    expect(challenge.expiresAt.getTime() - challenge.createdAt.getTime()).toBe(CODE_TTL_MS);
  });

  it('refuses numbers that are not mainland mobiles', async () => {
    expect(await requestSignInCode({ mobile: '12345', ip: IP })).toEqual({ ok: false, error: 'mobile_invalid' });
    expect(await prisma.smsMessage.count()).toBe(0);
  });

  it('creates the citizen on first sign-in, with the masked number as name, and a session', async () => {
    const mobile = '13900000002';
    await requestSignInCode({ mobile, ip: IP });
    const result = await signInCitizen({ mobile, code: await latestCode(mobile), ip: IP });
    expect(result.ok).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { mobile } });
    expect(user).toMatchObject({ role: 'CITIZEN', displayName: '139****0002', active: true });
    if (!result.ok) throw new Error('sign-in failed');
    expect(result.userId).toBe(user.id);
    expect(await prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);

    // The code is used up.
    expect(await signInCitizen({ mobile, code: await latestCode(mobile), ip: IP })).toEqual({
      ok: false,
      error: 'code_expired',
    });
  });

  it('expires a code after 5 minutes (clock given, no sleeping)', async () => {
    const mobile = '13900000003';
    const issuedAt = new Date('2026-11-27T02:00:00Z');
    await requestSignInCode({ mobile, ip: IP, now: issuedAt });
    const code = await latestCode(mobile);
    const justAfter = new Date(issuedAt.getTime() + CODE_TTL_MS);
    expect(await signInCitizen({ mobile, code, ip: IP, now: justAfter })).toEqual({ ok: false, error: 'code_expired' });
    const justBefore = new Date(issuedAt.getTime() + CODE_TTL_MS - 1);
    expect(await signInCitizen({ mobile, code, ip: IP, now: justBefore })).toMatchObject({ ok: true });
  });

  it('allows 5 attempts per code and refuses the 6th even with the right code', async () => {
    const mobile = '13900000004';
    await requestSignInCode({ mobile, ip: IP });
    const code = await latestCode(mobile);
    const left = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await signInCitizen({ mobile, code: wrongCodeFor(code), ip: IP });
      expect(result).toMatchObject({ ok: false, error: 'code_wrong' });
      if (!result.ok && result.error === 'code_wrong') left.push(result.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(await signInCitizen({ mobile, code, ip: IP })).toEqual({ ok: false, error: 'too_many_attempts' });
    expect(await prisma.user.count({ where: { mobile } })).toBe(0);
  });

  it('counts parallel guesses atomically', async () => {
    const mobile = '13900000005';
    await requestSignInCode({ mobile, ip: IP });
    const wrong = wrongCodeFor(await latestCode(mobile));
    const results = await Promise.all(Array.from({ length: 12 }, () => signInCitizen({ mobile, code: wrong, ip: IP })));
    expect(results.filter((r) => !r.ok && r.error === 'code_wrong')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error === 'too_many_attempts')).toHaveLength(7);
  });

  it('lets a newer code replace an older one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const mobile = '13900000006';
      vi.setSystemTime(new Date('2026-11-27T03:00:00Z'));
      await requestSignInCode({ mobile, ip: IP });
      const first = await latestCode(mobile);
      vi.setSystemTime(new Date('2026-11-27T03:01:01Z'));
      await requestSignInCode({ mobile, ip: IP });
      const second = await latestCode(mobile);
      if (first !== second)
        expect(await signInCitizen({ mobile, code: first, ip: IP })).toMatchObject({ error: 'code_wrong' });
      expect(await signInCitizen({ mobile, code: second, ip: IP })).toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('sign-in code rate limits (real PostgreSQL)', () => {
  it('allows one request per number per minute', async () => {
    const mobile = '13900000010';
    expect(await requestSignInCode({ mobile, ip: IP })).toMatchObject({ ok: true });
    const again = await requestSignInCode({ mobile, ip: IP });
    expect(again).toMatchObject({ ok: false, error: 'rate_limited' });
    if (!again.ok && again.error === 'rate_limited') expect(again.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await prisma.smsMessage.count({ where: { to: mobile } })).toBe(1);
    const counters = await prisma.rateLimit.findMany({ select: { key: true } });
    expect(counters.map((row) => row.key)).toEqual(
      expect.arrayContaining([`codeRequestPerNumberMinute:${mobile}`, `codeRequestPerIp:${IP}`]),
    );
  });

  it('allows 5 requests per number per hour', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const mobile = '13900000011';
      const start = new Date('2026-11-27T04:00:00Z').getTime();
      const outcomes = [];
      for (let index = 0; index < 6; index += 1) {
        vi.setSystemTime(start + index * 61_000);
        outcomes.push((await requestSignInCode({ mobile, ip: `10.9.0.${index}` })).ok);
      }
      expect(outcomes).toEqual([true, true, true, true, true, false]);
      vi.setSystemTime(start + 3_601_000);
      expect(await requestSignInCode({ mobile, ip: '10.9.1.1' })).toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('allows 20 requests per IP per hour, whatever the numbers', async () => {
    const ip = '10.7.7.7';
    for (let index = 0; index < 20; index += 1) {
      const mobile = `137000000${String(index).padStart(2, '0')}`;
      expect(await requestSignInCode({ mobile, ip })).toMatchObject({ ok: true });
    }
    expect(await requestSignInCode({ mobile: '13700000099', ip })).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await requestSignInCode({ mobile: '13700000099', ip: '10.7.7.8' })).toMatchObject({ ok: true });
  });

  it('stops code checks from an IP with too many wrong codes', async () => {
    const ip = '10.6.6.6';
    for (let index = 0; index < 10; index += 1) {
      const mobile = `136000000${String(index).padStart(2, '0')}`;
      await requestSignInCode({ mobile, ip: `10.5.0.${index}` });
      const wrong = wrongCodeFor(await latestCode(mobile));
      for (let attempt = 0; attempt < 5; attempt += 1) await signInCitizen({ mobile, code: wrong, ip });
    }
    await requestSignInCode({ mobile: '13600000099', ip: '10.5.1.1' });
    expect(await signInCitizen({ mobile: '13600000099', code: await latestCode('13600000099'), ip })).toMatchObject({
      ok: false,
      error: 'rate_limited',
    });
  });
});
