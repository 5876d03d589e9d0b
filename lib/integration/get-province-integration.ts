// One province's connection as its administration page shows it (SPEC §18): the system's name and webhook address,
// whether a signing secret exists (never the secret), and its API keys. Null for a code that is no province.
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db/client';
import { provinceName } from '@/lib/reference/divisions';
import { listApiKeys, type ApiKeySummary } from './api-keys';
import { requireAdministrator } from './province-systems';

export interface ProvinceIntegration {
  provinceCode: string;
  provinceName: string;
  system: { name: string; webhookUrl: string | null; hasWebhookSecret: boolean; updatedAt: Date } | null;
  keys: ApiKeySummary[];
}

export async function getProvinceIntegration(
  actor: Actor,
  provinceCode: string,
  now = new Date(),
): Promise<ProvinceIntegration | null> {
  requireAdministrator(actor, 'VIEW_INTEGRATION');
  if (!/^\d{2}$/.test(provinceCode)) return null;
  const name = await provinceName(provinceCode);
  if (!name) return null;
  const [system, keys] = await Promise.all([
    prisma.provinceSystem.findUnique({
      where: { provinceCode },
      select: { name: true, webhookUrl: true, webhookSecretCipher: true, updatedAt: true },
    }),
    listApiKeys(actor, provinceCode, now),
  ]);
  return {
    provinceCode,
    provinceName: name,
    system: system
      ? {
          name: system.name,
          webhookUrl: system.webhookUrl,
          hasWebhookSecret: system.webhookSecretCipher !== null,
          updatedAt: system.updatedAt,
        }
      : null,
    keys,
  };
}
