// The status check without an account, against a real PostgreSQL: the code goes to the phone on the case, the right
// code shows a status without personal data, and an unknown reference is answered exactly like a known one.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeRateLimits } from '@/lib/auth/rate-limit';
import { prisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { createUser, validFiling } from '@/test/support/fixtures';
import { checkStatusCode, requestStatusCode } from './status-lookup';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';

const IP = '10.9.8.7';
const CASE_MOBILE = '13912340001';

async function latestStatusCode(mobile: string): Promise<string> {
  const message = await prisma.smsMessage.findFirstOrThrow({
    where: { to: mobile, purpose: 'CASE_STATUS' },
    orderBy: { createdAt: 'desc' },
  });
  const code = /验证码 (\d{6})/.exec(message.body)?.[1];
  if (!code) throw new Error(`no code in "${message.body}"`);
  return code;
}

function wrongCodeFor(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

let reference: string;

beforeEach(async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  await resetCaseData();
  const citizen = await createUser('CITIZEN');
  reference = (await submitAppeal(citizen, validFiling({ mobile: CASE_MOBILE }))).case.reference;
});

afterAll(async () => {
  await closeRateLimits();
});

describe('requestStatusCode', () => {
  it('sends a code to the mobile number on the case, naming the reference', async () => {
    expect(await requestStatusCode({ reference: ` ${reference.toLowerCase()} `, ip: IP })).toEqual({ ok: true });
    const message = await prisma.smsMessage.findFirstOrThrow({ where: { to: CASE_MOBILE, purpose: 'CASE_STATUS' } });
    expect(message.body).toContain(reference);
    const challenge = await prisma.otpChallenge.findFirstOrThrow({
      where: { mobile: CASE_MOBILE, purpose: 'CASE_STATUS' },
    });
    expect(challenge.caseId).not.toBeNull();
  });

  it('answers an unknown or malformed reference exactly as a known one, and sends nothing', async () => {
    const before = await prisma.smsMessage.count();
    const known = await requestStatusCode({ reference, ip: IP });
    const unknown = await requestStatusCode({ reference: 'SS-34-20260101-999999', ip: IP });
    const malformed = await requestStatusCode({ reference: 'nonsense', ip: IP });
    expect(unknown).toEqual(known);
    expect(malformed).toEqual(known);
    expect(await prisma.smsMessage.count()).toBe(before + 1);
  });

  it('says when to try again when the per-number limit stops the SMS, never that it was sent (point 9)', async () => {
    await requestStatusCode({ reference, ip: IP });
    const again = await requestStatusCode({ reference, ip: IP });
    expect(again).toEqual({ ok: false, error: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    if (again.ok || again.error !== 'rate_limited') throw new Error('expected a refusal');
    expect(again.retryAfterSeconds).toBeGreaterThan(0);
    expect(again.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await prisma.smsMessage.count({ where: { to: CASE_MOBILE, purpose: 'CASE_STATUS' } })).toBe(1);
  });

  it('answers a repeated unknown reference the same way, so the refusal reveals nothing', async () => {
    const unknown = 'SS-34-20260101-999999';
    expect(await requestStatusCode({ reference: unknown, ip: IP })).toEqual({ ok: true });
    expect(await requestStatusCode({ reference: unknown, ip: IP })).toMatchObject({ ok: false, error: 'rate_limited' });
  });
});

describe('checkStatusCode', () => {
  it('shows the status for the right code, without personal data, and only once per code', async () => {
    await requestStatusCode({ reference, ip: IP });
    const code = await latestStatusCode(CASE_MOBILE);
    const result = await checkStatusCode({ reference, code, ip: IP });
    if (!result.ok) throw new Error(`refused: ${result.error}`);
    expect(Object.keys(result.status).sort()).toEqual([
      'correction',
      'decision',
      'dueAt',
      'filedAt',
      'paused',
      'provisional',
      'reference',
      'state',
      'type',
    ]);
    expect(result.status).toMatchObject({
      reference,
      type: 'CODE_APPEAL',
      state: 'SUBMITTED',
      paused: false,
      provisional: false,
      decision: null,
      correction: null,
    });
    expect(result.status.dueAt).toBeInstanceOf(Date);
    expect(JSON.stringify(result.status)).not.toMatch(/张伟|1391234|340104/);
    expect(await checkStatusCode({ reference, code, ip: IP })).toEqual({ ok: false, error: 'code_invalid' });
  });

  it('gives the same answer for a wrong code, an unknown reference and a reference with no code requested', async () => {
    const noChallenge = await checkStatusCode({ reference, code: '123456', ip: IP });
    await requestStatusCode({ reference, ip: IP });
    const wrong = await checkStatusCode({ reference, code: wrongCodeFor(await latestStatusCode(CASE_MOBILE)), ip: IP });
    const unknown = await checkStatusCode({ reference: 'SS-34-20260101-999999', code: '123456', ip: IP });
    expect(wrong).toEqual({ ok: false, error: 'code_invalid' });
    expect(unknown).toEqual(wrong);
    expect(noChallenge).toEqual(wrong);
  });

  it('does not accept a sign-in code for the same number as a status code', async () => {
    const { requestSignInCode } = await import('@/lib/auth/otp');
    await requestSignInCode({ mobile: CASE_MOBILE, ip: IP });
    const message = await prisma.smsMessage.findFirstOrThrow({ where: { to: CASE_MOBILE, purpose: 'SIGN_IN' } });
    const signInCode = /\d{6}/.exec(message.body)?.[0] ?? '';
    expect(await checkStatusCode({ reference, code: signInCode, ip: IP })).toEqual({
      ok: false,
      error: 'code_invalid',
    });
  });
});

describe('the correction in the status (point 4)', () => {
  it('says when the correction order was sent and when the province confirmed it', async () => {
    const sentAt = new Date('2026-03-02T02:00:00Z');
    const confirmedAt = new Date('2026-03-02T03:30:00Z');
    await prisma.case.updateMany({
      where: { reference },
      data: { correctionSentAt: sentAt, correctionConfirmedAt: confirmedAt },
    });
    await requestStatusCode({ reference, ip: IP });
    const result = await checkStatusCode({ reference, code: await latestStatusCode(CASE_MOBILE), ip: IP });
    if (!result.ok) throw new Error(`refused: ${result.error}`);
    expect(result.status.correction).toEqual({ sentAt, confirmedAt });
  });
});
