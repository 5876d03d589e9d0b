// One-time codes sent by SMS (SPEC §11): 6 random digits, only an HMAC stored, 5-minute expiry, 5 attempts,
// rate-limited per number and per IP. Used for citizen sign-in and, with purpose CASE_STATUS, for status checks.
import 'server-only';
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { prisma } from '@/lib/db/client';
import type { OtpPurpose } from '@/lib/db/generated/enums';
import type { SmsKind } from '@/lib/sms/provider';
import { sendSms } from '@/lib/sms/send';
import { isMainlandMobile, maskMobile } from './mobile';
import { checkRateLimit, consumeRateLimits, recordRateLimitFailure } from './rate-limit';

export const CODE_TTL_MS = 5 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;
const CODE_PATTERN = /^\d{6}$/;

export type CodeRequestResult =
  | { ok: true; maskedMobile: string; expiresAt: Date }
  | { ok: false; error: 'mobile_invalid' }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number }
  /** The SMS provider refused or did not answer; the code was not sent. */
  | { ok: false; error: 'sms_unavailable' };

/** How long to ask a citizen to wait when the SMS provider itself rate-limits the number. */
const PROVIDER_RATE_LIMIT_SECONDS = 60;

export type CodeCheckResult =
  | { ok: true }
  | { ok: false; error: 'mobile_invalid' | 'code_format' | 'code_expired' | 'too_many_attempts' }
  | { ok: false; error: 'code_wrong'; attemptsLeft: number }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

export interface CodeRequest {
  purpose: OtpPurpose;
  mobile: string;
  caseId?: string | null;
  ip: string;
  now?: Date;
  /** The SMS template carrying the code, and its other parameters (the code is added as `code`). */
  kind: Extract<SmsKind, 'SIGN_IN_CODE' | 'STATUS_CODE'>;
  params?: Readonly<Record<string, string>>;
}

export interface CodeCheck {
  purpose: OtpPurpose;
  mobile: string;
  code: string;
  caseId?: string | null;
  ip: string;
  now?: Date;
}

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error('NEXTAUTH_SECRET is not configured');
  return value;
}

/** HMAC of the code bound to its challenge and number, so a stored hash is useless for any other challenge. */
export function hashCode(challengeId: string, mobile: string, code: string): string {
  return createHmac('sha256', secret()).update(`${challengeId}:${mobile}:${code}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function requestOneTimeCode(request: CodeRequest): Promise<CodeRequestResult> {
  const { purpose, mobile, ip } = request;
  if (!isMainlandMobile(mobile)) return { ok: false, error: 'mobile_invalid' };
  const limit = await consumeRateLimits([
    { rule: 'codeRequestPerIp', key: ip },
    { rule: 'codeRequestPerNumberMinute', key: mobile },
    { rule: 'codeRequestPerNumberHour', key: mobile },
  ]);
  if (!limit.allowed) return { ok: false, error: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  const now = request.now ?? new Date();
  const id = randomUUID();
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await prisma.otpChallenge.create({
    data: {
      id,
      purpose,
      mobile,
      caseId: request.caseId ?? null,
      codeHash: hashCode(id, mobile, code),
      expiresAt,
      createdAt: now,
    },
  });
  const sent = await sendSms({
    to: mobile,
    kind: request.kind,
    params: { ...request.params, code },
    purpose,
    reference: id,
  });
  if (!sent.ok) {
    if (sent.error.code === 'INVALID_NUMBER') return { ok: false, error: 'mobile_invalid' };
    if (sent.error.code === 'RATE_LIMITED') {
      return { ok: false, error: 'rate_limited', retryAfterSeconds: PROVIDER_RATE_LIMIT_SECONDS };
    }
    return { ok: false, error: 'sms_unavailable' };
  }
  return { ok: true, maskedMobile: maskMobile(mobile), expiresAt };
}

/** Checks a code against the number's latest challenge; a newer request supersedes older codes. Consumes it on success. */
export async function checkOneTimeCode(check: CodeCheck): Promise<CodeCheckResult> {
  const { purpose, mobile, code, ip } = check;
  if (!isMainlandMobile(mobile)) return { ok: false, error: 'mobile_invalid' };
  if (!CODE_PATTERN.test(code)) return { ok: false, error: 'code_format' };
  const ipLimit = await checkRateLimit({ rule: 'codeFailurePerIp', key: ip });
  if (!ipLimit.allowed) return { ok: false, error: 'rate_limited', retryAfterSeconds: ipLimit.retryAfterSeconds };

  const now = check.now ?? new Date();
  const challenge = await prisma.otpChallenge.findFirst({
    where: { purpose, mobile, ...(check.caseId ? { caseId: check.caseId } : {}) },
    orderBy: { createdAt: 'desc' },
    select: { id: true, codeHash: true, expiresAt: true, consumedAt: true, attempts: true },
  });
  if (!challenge || challenge.consumedAt || challenge.expiresAt.getTime() <= now.getTime()) {
    return { ok: false, error: 'code_expired' };
  }

  // Counting the attempt before comparing, atomically, so parallel guesses cannot exceed the limit.
  const counted = await prisma.$queryRaw<{ attempts: number }[]>`
    UPDATE otp_challenge SET attempts = attempts + 1
    WHERE id = ${challenge.id}::uuid AND attempts < ${MAX_CODE_ATTEMPTS} AND consumed_at IS NULL
    RETURNING attempts`;
  const attempts = counted[0]?.attempts;
  if (attempts === undefined) return { ok: false, error: 'too_many_attempts' };

  if (!sameHash(challenge.codeHash, hashCode(challenge.id, mobile, code))) {
    await recordRateLimitFailure({ rule: 'codeFailurePerIp', key: ip });
    return { ok: false, error: 'code_wrong', attemptsLeft: MAX_CODE_ATTEMPTS - attempts };
  }
  const consumed = await prisma.otpChallenge.updateMany({
    where: { id: challenge.id, consumedAt: null },
    data: { consumedAt: now },
  });
  return consumed.count === 1 ? { ok: true } : { ok: false, error: 'code_expired' };
}

export function requestSignInCode(input: { mobile: string; ip: string; now?: Date }): Promise<CodeRequestResult> {
  return requestOneTimeCode({ ...input, purpose: 'SIGN_IN', kind: 'SIGN_IN_CODE' });
}
