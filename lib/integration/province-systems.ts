// Administrators configure each province's health-code system (SPEC §9): its name and webhook URL, and the webhook
// signing secret, shown once when generated or rotated and stored sealed. Each change is audited in the national
// chain in the same transaction.
import 'server-only';
import { appendNationalEvent } from '@/lib/audit/national-event';
import { forgetWebhookProvinces } from './deliver-webhooks';
import { prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenActionError, ValidationError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/parse-input';
import { provinceOnlySchema, provinceSystemSchema } from './schemas';
import { fingerprintSecret, generateSecret, sealSecret } from './secrets';
import { provinceExists } from '@/lib/reference/divisions';

export interface ConfiguredProvinceSystem {
  provinceCode: string;
  name: string;
  webhookUrl: string | null;
  /** Present only when a new webhook secret was generated: shown once, never again. */
  webhookSecret: string | null;
}

/** Administrators, and the system itself (`npm run integration` without `--as`, audited as SYSTEM). */
export function requireAdministrator(actor: Actor, action: string): void {
  if (actor.role === 'SYSTEM') return;
  if (actor.role !== 'ADMIN' || !actor.id) throw new ForbiddenActionError(action);
}

export async function requireProvince(provinceCode: string): Promise<void> {
  if (!(await provinceExists(provinceCode)))
    throw new ValidationError({ provinceCode: 'integration.errors.provinceUnknown' });
}

function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Creates or updates a province's system; the first configuration also generates its webhook secret. */
export async function configureProvinceSystem(actor: Actor, raw: unknown): Promise<ConfiguredProvinceSystem> {
  requireAdministrator(actor, 'CONFIGURE_PROVINCE_SYSTEM');
  const input = parseInput(provinceSystemSchema, raw);
  if (input.webhookUrl && process.env.NODE_ENV === 'production') {
    const url = new URL(input.webhookUrl);
    if (url.protocol !== 'https:' && !isLoopback(url))
      throw new ValidationError({ webhookUrl: 'integration.errors.webhookUrlNotHttps' });
  }
  const configured = await prisma.$transaction(async (tx) => {
    await requireProvince(input.provinceCode);
    const existing = await tx.provinceSystem.findUnique({ where: { provinceCode: input.provinceCode } });
    const webhookSecret = existing?.webhookSecretCipher ? null : generateSecret('whs_');
    const fields = {
      name: input.name,
      webhookUrl: input.webhookUrl,
      ...(webhookSecret ? { webhookSecretCipher: sealSecret(webhookSecret) } : {}),
    };
    const saved = existing
      ? await tx.provinceSystem.update({ where: { provinceCode: input.provinceCode }, data: fields })
      : await tx.provinceSystem.create({ data: { provinceCode: input.provinceCode, ...fields } });
    await appendNationalEvent(tx, actor, {
      action: 'INTEGRATION_CONFIGURED',
      before: existing
        ? { provinceCode: existing.provinceCode, name: existing.name, webhookUrl: existing.webhookUrl }
        : null,
      after: {
        provinceCode: saved.provinceCode,
        name: saved.name,
        webhookUrl: saved.webhookUrl,
        ...(webhookSecret ? { webhookSecretFingerprint: fingerprintSecret(webhookSecret) } : {}),
      },
    });
    return { provinceCode: saved.provinceCode, name: saved.name, webhookUrl: saved.webhookUrl, webhookSecret };
  });
  forgetWebhookProvinces();
  return configured;
}

/** A new webhook secret for the province (shown once); deliveries are signed with it from the next attempt on. */
export async function rotateWebhookSecret(
  actor: Actor,
  raw: unknown,
): Promise<{ provinceCode: string; webhookSecret: string }> {
  requireAdministrator(actor, 'ROTATE_WEBHOOK_SECRET');
  const { provinceCode } = parseInput(provinceOnlySchema, raw);
  const webhookSecret = generateSecret('whs_');
  return prisma.$transaction(async (tx) => {
    const updated = await tx.provinceSystem.updateMany({
      where: { provinceCode },
      data: { webhookSecretCipher: sealSecret(webhookSecret) },
    });
    if (updated.count !== 1) throw new ValidationError({ provinceCode: 'integration.errors.provinceSystemMissing' });
    await appendNationalEvent(tx, actor, {
      action: 'INTEGRATION_CONFIGURED',
      after: { provinceCode, webhookSecretFingerprint: fingerprintSecret(webhookSecret) },
      reason: 'webhook secret rotated',
    });
    return { provinceCode, webhookSecret };
  });
}
