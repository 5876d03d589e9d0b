// The TOTP second factor of staff (SPEC §11): enrolment with a QR code (secret sealed like ID numbers, with a key kept
// outside the database), verification at sign-in with replay protection, and 10 one-time recovery codes stored as
// keyed hashes. Wrong codes count towards the same lockout as wrong passwords.
import 'server-only';
import { createHmac, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { prisma, type TransactionClient } from '@/lib/db/client';
import { appendAuditEvent, chainOf } from '@/lib/audit/append';
import { decryptIdNumber, encryptIdNumber } from '@/lib/pii/id-number';
import { checkRateLimit } from './rate-limit';
import { signInStage } from './session-policy';
import { auditSignInCompleted, revokeSession, type SignInMethod } from './sessions';
import { clearStaffFailures, recordStaffFailure, staffLockedForSeconds } from './staff-lockout';

export const TOTP_ISSUER = 'Health-code appeals';
/** One 30-second step either side of now, for clocks that drift a little. */
const TOTP_TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
/** Recovery codes use an alphabet without look-alikes (no 0/O, 1/I/L): 12 characters, 60 bits. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RECOVERY_CODE_PATTERN = /^[A-Z0-9]{12}$/;
const TOTP_PATTERN = /^\d{6}$/;

export type SecondFactorError =
  'code_format' | 'code_wrong' | 'locked' | 'rate_limited' | 'not_enrolled' | 'already_enrolled' | 'not_started';

export type SecondFactorFailure = { ok: false; error: SecondFactorError; retryAfterSeconds?: number };

// The secret is sealed with the same AES-256-GCM scheme and key as resident ID numbers (lib/pii/id-number.ts).
const sealSecret = (secret: string): string => encryptIdNumber(secret);
const openSecret = (cipher: string): string => decryptIdNumber(cipher);

/** `ABCD EFGH …`: the secret in groups of four, for typing into an authenticator app by hand. */
export function formatSecretForDisplay(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** `abcd-efgh-jkmn` or with spaces → `ABCDEFGHJKMN`. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const raw = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

/** Keyed with ID_HASH_KEY (outside the database) and bound to the user, so a stolen table reveals no usable code. */
export function hashRecoveryCode(userId: string, code: string): string {
  const key = process.env.ID_HASH_KEY;
  if (!key) throw new Error('ID_HASH_KEY is not configured (see README: configuration).');
  return createHmac('sha256', key)
    .update(`recovery-code:${userId}:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}

/** The time step a 6-digit code belongs to, when it is right for `secret` now and newer than `afterTimeStep`. */
export async function checkTotpCode(
  secret: string,
  code: string,
  now: Date,
  afterTimeStep: number | null,
): Promise<number | null> {
  if (!TOTP_PATTERN.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_TOLERANCE_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

async function replaceRecoveryCodes(tx: TransactionClient, userId: string, now: Date): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code), createdAt: now })),
  });
  return codes;
}

const userFacts = {
  id: true,
  role: true,
  username: true,
  provinceCode: true,
  lockedUntil: true,
  mustChangePassword: true,
  totpSecretCipher: true,
  totpEnabledAt: true,
  totpLastTimeStep: true,
} as const;

async function loadUser(userId: string) {
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: userFacts });
}

/** A wrong code: counted towards the lockout; when it locks the account, this unfinished session ends too. */
async function refuseCode(
  userId: string,
  sessionId: string | null,
  ip: string,
  now: Date,
): Promise<SecondFactorFailure> {
  const outcome = await recordStaffFailure(userId, ip, now);
  if (!outcome.locked) return { ok: false, error: 'code_wrong' };
  if (sessionId) await revokeSession(sessionId, now);
  return { ok: false, error: 'locked', retryAfterSeconds: outcome.retryAfterSeconds };
}

// ───────────────────────────── enrolment

/** Creates the secret to enrol (not yet in force); an earlier unconfirmed one is kept unless `restart`. */
export async function startTotpEnrolment(
  userId: string,
  options: { restart?: boolean } = {},
): Promise<{ ok: true } | SecondFactorFailure> {
  const user = await loadUser(userId);
  if (user.totpEnabledAt) return { ok: false, error: 'already_enrolled' };
  if (user.totpSecretCipher && !options.restart) return { ok: true };
  await prisma.user.updateMany({
    where: { id: userId, totpEnabledAt: null },
    data: { totpSecretCipher: sealSecret(generateSecret()) },
  });
  return { ok: true };
}

export interface TotpEnrolment {
  /** The secret in groups of four, for entering by hand. */
  secret: string;
  /** The otpauth:// URI as a PNG QR code (data URL). */
  qrDataUrl: string;
}

/** What the enrolment page shows for a started, unconfirmed enrolment; null when there is none. */
export async function readTotpEnrolment(userId: string): Promise<TotpEnrolment | null> {
  const user = await loadUser(userId);
  if (user.totpEnabledAt || !user.totpSecretCipher) return null;
  const secret = openSecret(user.totpSecretCipher);
  const uri = generateURI({ issuer: TOTP_ISSUER, label: user.username ?? user.id, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret: formatSecretForDisplay(secret), qrDataUrl };
}

export interface ConfirmEnrolment {
  userId: string;
  /** The session completing its sign-in by enrolling (or an already signed-in one). */
  sessionId: string;
  code: string;
  ip: string;
  now?: Date;
}

/**
 * Confirms the enrolment with a code from the app: the factor is in force from now on, this session counts as having
 * passed it, and 10 new recovery codes are returned (the only time they are ever shown).
 */
export async function confirmTotpEnrolment({
  userId,
  sessionId,
  code,
  ip,
  now = new Date(),
}: ConfirmEnrolment): Promise<{ ok: true; recoveryCodes: string[] } | SecondFactorFailure> {
  if (!TOTP_PATTERN.test(code)) return { ok: false, error: 'code_format' };
  const user = await loadUser(userId);
  const locked = await staffLockedForSeconds(userId, ip, now);
  if (locked > 0) return { ok: false, error: 'locked', retryAfterSeconds: locked };
  if (user.totpEnabledAt) return { ok: false, error: 'already_enrolled' };
  if (!user.totpSecretCipher) return { ok: false, error: 'not_started' };
  const timeStep = await checkTotpCode(openSecret(user.totpSecretCipher), code, now, null);
  if (timeStep === null) return refuseCode(userId, null, ip, now);

  const recoveryCodes = await prisma.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null, totpSecretCipher: user.totpSecretCipher },
      data: { totpEnabledAt: now, totpLastTimeStep: timeStep, failedLoginCount: 0, lockedUntil: null },
    });
    if (enabled.count === 0) return null;
    const codes = await replaceRecoveryCodes(tx, userId, now);
    const marked = await tx.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { secondFactorAt: now },
    });
    await appendAuditEvent(tx, {
      chain: chainOf(user.provinceCode),
      actorId: userId,
      actorRole: user.role,
      action: 'USER_UPDATED',
      after: { userId, secondFactor: 'TOTP_ENROLLED', recoveryCodes: codes.length },
      occurredAt: now,
    });
    if (marked.count === 1 && signInStage({ ...user, totpEnabledAt: now, secondFactorAt: now }) === 'complete') {
      await auditSignInCompleted(tx, user, sessionId, 'TOTP_ENROLLED', now);
    }
    return codes;
  });
  return recoveryCodes ? { ok: true, recoveryCodes } : { ok: false, error: 'already_enrolled' };
}

// ───────────────────────────── sign-in

export interface SecondFactorCheck {
  userId: string;
  sessionId: string;
  /** A 6-digit code from the app, or a recovery code. */
  code: string;
  ip: string;
  now?: Date;
}

/** Checks the second factor of a session that passed the password; the session counts as signed in afterwards. */
export async function verifySecondFactor({
  userId,
  sessionId,
  code,
  ip,
  now = new Date(),
}: SecondFactorCheck): Promise<{ ok: true; method: SignInMethod; recoveryCodesLeft: number } | SecondFactorFailure> {
  const trimmed = code.trim();
  const isTotp = TOTP_PATTERN.test(trimmed);
  if (!isTotp && !RECOVERY_CODE_PATTERN.test(normaliseRecoveryCode(trimmed)))
    return { ok: false, error: 'code_format' };
  const ipLimit = await checkRateLimit({ rule: 'staffFailurePerIp', key: ip });
  if (!ipLimit.allowed) return { ok: false, error: 'rate_limited', retryAfterSeconds: ipLimit.retryAfterSeconds };
  const user = await loadUser(userId);
  const locked = await staffLockedForSeconds(userId, ip, now);
  if (locked > 0) return { ok: false, error: 'locked', retryAfterSeconds: locked };
  if (!user.totpEnabledAt || !user.totpSecretCipher) return { ok: false, error: 'not_enrolled' };

  const method: SignInMethod = isTotp ? 'TOTP' : 'RECOVERY_CODE';
  const accepted = await prisma.$transaction(async (tx) => {
    if (isTotp) {
      const timeStep = await checkTotpCode(openSecret(user.totpSecretCipher!), trimmed, now, user.totpLastTimeStep);
      if (timeStep === null) return false;
      // Only one use of each time step, even by two requests at once.
      const claimed = await tx.user.updateMany({
        where: { id: userId, OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: timeStep } }] },
        data: { totpLastTimeStep: timeStep },
      });
      if (claimed.count === 0) return false;
    } else {
      const used = await tx.recoveryCode.updateMany({
        where: { userId, codeHash: hashRecoveryCode(userId, trimmed), usedAt: null },
        data: { usedAt: now },
      });
      if (used.count === 0) return false;
    }
    const marked = await tx.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null, secondFactorAt: null },
      data: { secondFactorAt: now },
    });
    if (marked.count === 0) return false;
    await clearStaffFailures(tx, userId, ip);
    if (signInStage({ ...user, secondFactorAt: now }) === 'complete')
      await auditSignInCompleted(tx, user, sessionId, method, now);
    return true;
  });
  if (!accepted) return refuseCode(userId, sessionId, ip, now);
  const recoveryCodesLeft = await prisma.recoveryCode.count({ where: { userId, usedAt: null } });
  return { ok: true, method, recoveryCodesLeft };
}

// ───────────────────────────── management

export interface SecondFactorStatus {
  enrolled: boolean;
  enrolledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function getSecondFactorStatus(userId: string): Promise<SecondFactorStatus> {
  const [user, recoveryCodesLeft] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }),
    prisma.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enrolled: user.totpEnabledAt !== null, enrolledAt: user.totpEnabledAt, recoveryCodesLeft };
}

/** New recovery codes (the old ones stop working), after a current code from the app. */
export async function regenerateRecoveryCodes({
  userId,
  code,
  ip,
  now = new Date(),
}: {
  userId: string;
  code: string;
  ip: string;
  now?: Date;
}): Promise<{ ok: true; recoveryCodes: string[] } | SecondFactorFailure> {
  if (!TOTP_PATTERN.test(code)) return { ok: false, error: 'code_format' };
  const user = await loadUser(userId);
  const locked = await staffLockedForSeconds(userId, ip, now);
  if (locked > 0) return { ok: false, error: 'locked', retryAfterSeconds: locked };
  if (!user.totpEnabledAt || !user.totpSecretCipher) return { ok: false, error: 'not_enrolled' };
  const timeStep = await checkTotpCode(openSecret(user.totpSecretCipher), code, now, user.totpLastTimeStep);
  if (timeStep === null) return refuseCode(userId, null, ip, now);
  const codes = await prisma.$transaction(async (tx) => {
    const claimed = await tx.user.updateMany({
      where: { id: userId, OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: timeStep } }] },
      data: { totpLastTimeStep: timeStep, failedLoginCount: 0 },
    });
    if (claimed.count === 0) return null;
    const fresh = await replaceRecoveryCodes(tx, userId, now);
    await appendAuditEvent(tx, {
      chain: chainOf(user.provinceCode),
      actorId: userId,
      actorRole: user.role,
      action: 'USER_UPDATED',
      after: { userId, recoveryCodes: fresh.length, recoveryCodesRegenerated: true },
      occurredAt: now,
    });
    return fresh;
  });
  return codes ? { ok: true, recoveryCodes: codes } : refuseCode(userId, null, ip, now);
}
