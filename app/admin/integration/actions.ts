'use server';
// Onboarding a province's health-code system (SPEC §18): webhook address and signing secret, API keys, a test
// delivery and the replay of a failed delivery. Each action is one use case of lib/integration/, audited there, run
// by an administrator: one table of schema → use case, and one exported server action per row.
import type { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import type { CurrentUser } from '@/lib/auth/session';
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

const ACTIONS = {
  configure: adminAction(provinceSystemSchema, async (user, input) => {
    // Only the secret (shown once) leaves; the rest of the configuration is on the page already.
    const { webhookSecret } = await configureProvinceSystem(user, input);
    return { webhookSecret };
  }),
  rotateSecret: adminAction(provinceOnlySchema, rotateWebhookSecret),
  createKey: adminAction(createApiKeySchema, createApiKey),
  rotateKey: adminAction(rotateApiKeySchema, async (user, input) => {
    const issued = await rotateApiKey(user, input);
    return { ...issued, previousKeyExpiresAt: issued.previousKeyExpiresAt.toISOString() };
  }),
  revokeKey: adminAction(revokeApiKeySchema, revokeApiKey),
  test: adminAction(provinceOnlySchema, sendTestDelivery),
  replay: adminAction(replayDeliverySchema, replayDelivery),
};

// Server actions must be exported async functions; each passes its input to its row of the table.
export async function configureProvinceSystemAction(input: z.input<typeof provinceSystemSchema>) {
  return ACTIONS.configure(input);
}
export async function rotateWebhookSecretAction(input: z.input<typeof provinceOnlySchema>) {
  return ACTIONS.rotateSecret(input);
}
export async function createApiKeyAction(input: z.input<typeof createApiKeySchema>) {
  return ACTIONS.createKey(input);
}
export async function rotateApiKeyAction(input: z.input<typeof rotateApiKeySchema>) {
  return ACTIONS.rotateKey(input);
}
export async function revokeApiKeyAction(input: z.input<typeof revokeApiKeySchema>) {
  return ACTIONS.revokeKey(input);
}
export async function sendTestDeliveryAction(input: z.input<typeof provinceOnlySchema>) {
  return ACTIONS.test(input);
}
export async function replayDeliveryAction(input: z.input<typeof replayDeliverySchema>) {
  return ACTIONS.replay(input);
}
