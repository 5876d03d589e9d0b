// API keys of province systems, managed by administrators (SPEC §9): create, rotate (the old key keeps working for an
// overlap so the province can switch without downtime), revoke, list. The secret is returned once and stored sealed
// (checking an HMAC needs the secret itself), with its SHA-256 fingerprint to tell keys apart. Audited in the
// national chain in the same transaction.
import 'server-only';
import { appendNationalEvent } from '@/lib/audit/national-event';
import { prisma, type TransactionClient } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { ValidationError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/parse-input';
import { requireAdministrator, requireProvince } from './province-systems';
import { createApiKeySchema, revokeApiKeySchema, rotateApiKeySchema } from './schemas';
import { fingerprintSecret, generateKeyId, generateSecret, sealSecret } from './secrets';

export interface IssuedApiKey {
  keyId: string;
  /** Shown once: give it to the province's system now; it cannot be read back. */
  secret: string;
  fingerprint: string;
  provinceCode: string;
  name: string;
}

export interface ApiKeySummary {
  keyId: string;
  provinceCode: string;
  name: string;
  fingerprint: string;
  rateLimitPerMinute: number;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  live: boolean;
}

async function issueKey(
  tx: TransactionClient,
  provinceCode: string,
  name: string,
  rateLimitPerMinute: number | undefined,
): Promise<IssuedApiKey> {
  const secret = generateSecret('hks_');
  const created = await tx.apiKey.create({
    data: {
      keyId: generateKeyId(provinceCode),
      provinceCode,
      name,
      secretCipher: sealSecret(secret),
      secretFingerprint: fingerprintSecret(secret),
      ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}),
    },
  });
  return { keyId: created.keyId, secret, fingerprint: created.secretFingerprint, provinceCode, name };
}

async function findLiveKey(tx: TransactionClient, keyId: string, now: Date) {
  const key = await tx.apiKey.findFirst({
    where: { keyId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (!key) throw new ValidationError({ keyId: 'integration.errors.keyUnknown' });
  return key;
}

export async function createApiKey(actor: Actor, raw: unknown): Promise<IssuedApiKey> {
  requireAdministrator(actor, 'CREATE_API_KEY');
  const input = parseInput(createApiKeySchema, raw);
  return prisma.$transaction(async (tx) => {
    await requireProvince(input.provinceCode);
    const system = await tx.provinceSystem.findUnique({
      where: { provinceCode: input.provinceCode },
      select: { provinceCode: true },
    });
    if (!system) throw new ValidationError({ provinceCode: 'integration.errors.provinceSystemMissing' });
    const issued = await issueKey(tx, input.provinceCode, input.name, input.rateLimitPerMinute);
    await appendNationalEvent(tx, actor, {
      action: 'API_KEY_CREATED',
      after: {
        provinceCode: issued.provinceCode,
        keyId: issued.keyId,
        name: issued.name,
        fingerprint: issued.fingerprint,
      },
    });
    return issued;
  });
}

/** A new key for the same province and name; the old one stops working after `overlapMinutes` (default 24 hours). */
export async function rotateApiKey(
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<IssuedApiKey & { previousKeyExpiresAt: Date }> {
  requireAdministrator(actor, 'ROTATE_API_KEY');
  const input = parseInput(rotateApiKeySchema, raw);
  return prisma.$transaction(async (tx) => {
    const old = await findLiveKey(tx, input.keyId, now);
    const overlapEnd = new Date(now.getTime() + input.overlapMinutes * 60_000);
    const previousKeyExpiresAt = old.expiresAt && old.expiresAt < overlapEnd ? old.expiresAt : overlapEnd;
    await tx.apiKey.update({ where: { id: old.id }, data: { expiresAt: previousKeyExpiresAt } });
    const issued = await issueKey(tx, old.provinceCode, old.name, old.rateLimitPerMinute);
    await appendNationalEvent(tx, actor, {
      action: 'API_KEY_ROTATED',
      before: { keyId: old.keyId, fingerprint: old.secretFingerprint },
      after: {
        provinceCode: issued.provinceCode,
        keyId: issued.keyId,
        fingerprint: issued.fingerprint,
        previousKeyExpiresAt: previousKeyExpiresAt.toISOString(),
      },
    });
    return { ...issued, previousKeyExpiresAt };
  });
}

export async function revokeApiKey(actor: Actor, raw: unknown, now = new Date()): Promise<void> {
  requireAdministrator(actor, 'REVOKE_API_KEY');
  const input = parseInput(revokeApiKeySchema, raw);
  await prisma.$transaction(async (tx) => {
    const key = await findLiveKey(tx, input.keyId, now);
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
    await appendNationalEvent(tx, actor, {
      action: 'API_KEY_REVOKED',
      before: { provinceCode: key.provinceCode, keyId: key.keyId, fingerprint: key.secretFingerprint },
    });
  });
}

/** Every key of one province (or all), newest first, without secrets. */
export async function listApiKeys(actor: Actor, provinceCode?: string, now = new Date()): Promise<ApiKeySummary[]> {
  requireAdministrator(actor, 'LIST_API_KEYS');
  const keys = await prisma.apiKey.findMany({
    where: provinceCode ? { provinceCode } : {},
    orderBy: { createdAt: 'desc' },
  });
  return keys.map((key) => ({
    keyId: key.keyId,
    provinceCode: key.provinceCode,
    name: key.name,
    fingerprint: key.secretFingerprint,
    rateLimitPerMinute: key.rateLimitPerMinute,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    lastUsedAt: key.lastUsedAt,
    live: !key.revokedAt && (!key.expiresAt || key.expiresAt > now),
  }));
}
