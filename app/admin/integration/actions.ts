'use server';
// Onboarding a province's health-code system (SPEC §18): webhook address and signing secret, API keys, a test
// delivery and the replay of a failed delivery. Each action is one use case of lib/integration/, audited there, run
// by an administrator: one table of schema → use case, and one exported server action per row.
import type { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import type { CurrentUser } from '@/lib/auth/sessions';
import { createApiKey, revokeApiKey, rotateApiKey } from '@/lib/integration/api-keys';
import { configureProvinceSystem, rotateWebhookSecret } from '@/lib/integration/province-systems';
import { replayDelivery } from '@/lib/integration/replay-delivery';
import {
  createApiKeySchema,
  provinceOnlySchema,
  provinceSystemSchema,
  replayDeliverySchema,
  revokeApiKeySchema,
  rotateApiKeySchema,
} from '@/lib/integration/schemas';
import { sendTestDelivery } from '@/lib/integration/send-test-delivery';

/** An administrator's action: the schema parses, the use case runs as the signed-in administrator. */
function adminAction<S extends z.ZodType, T>(schema: S, run: (user: CurrentUser, input: z.output<S>) => Promise<T>) {
  return defineAction({ schema, roles: ['ADMIN'] as const, handler: (input, { user }) => run(user, input) });
}

// One row per server action (next-safe-action style: a 'use server' module may export the async functions
// adminAction returns).
export const configureProvinceSystemAction = adminAction(provinceSystemSchema, async (user, input) => {
  // Only the secret (shown once) leaves; the rest of the configuration is on the page already.
  const { webhookSecret } = await configureProvinceSystem(user, input);
  return { webhookSecret };
});
export const rotateWebhookSecretAction = adminAction(provinceOnlySchema, rotateWebhookSecret);
export const createApiKeyAction = adminAction(createApiKeySchema, createApiKey);
export const rotateApiKeyAction = adminAction(rotateApiKeySchema, async (user, input) => {
  const issued = await rotateApiKey(user, input);
  return { ...issued, previousKeyExpiresAt: issued.previousKeyExpiresAt.toISOString() };
});
export const revokeApiKeyAction = adminAction(revokeApiKeySchema, revokeApiKey);
export const sendTestDeliveryAction = adminAction(provinceOnlySchema, sendTestDelivery);
export const replayDeliveryAction = adminAction(replayDeliverySchema, replayDelivery);
