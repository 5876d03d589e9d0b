'use server';
// Onboarding a province's health-code system (SPEC §18): webhook address and signing secret, API keys, a test
// delivery and the replay of a failed delivery. Each action is one use case of lib/integration/, audited there.
import type { z } from 'zod';
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { createApiKey, revokeApiKey, rotateApiKey, type IssuedApiKey } from '@/lib/integration/api-keys';
import { configureProvinceSystem, rotateWebhookSecret } from '@/lib/integration/province-systems';
import { replayDelivery, type ReplayResult } from '@/lib/integration/replay-delivery';
import {
  createApiKeySchema,
  provinceOnlySchema,
  provinceSystemSchema,
  replayDeliverySchema,
  revokeApiKeySchema,
  rotateApiKeySchema,
} from '@/lib/integration/schemas';
import { sendTestDelivery, type TestDeliveryResult } from '@/lib/integration/send-test-delivery';

const ADMIN = ['ADMIN'] as const;

const configure = defineAction({
  schema: provinceSystemSchema,
  roles: ADMIN,
  handler: (input, { user }) => configureProvinceSystem(user, input),
});
export async function configureProvinceSystemAction(
  input: z.input<typeof provinceSystemSchema>,
): Promise<ActionResult<{ webhookSecret: string | null }>> {
  const result = await configure(input);
  return result.ok ? { ok: true, data: { webhookSecret: result.data.webhookSecret } } : result;
}

const rotateSecret = defineAction({
  schema: provinceOnlySchema,
  roles: ADMIN,
  handler: (input, { user }) => rotateWebhookSecret(user, input),
});
export async function rotateWebhookSecretAction(
  input: z.input<typeof provinceOnlySchema>,
): Promise<ActionResult<{ provinceCode: string; webhookSecret: string }>> {
  return rotateSecret(input);
}

const create = defineAction({
  schema: createApiKeySchema,
  roles: ADMIN,
  handler: (input, { user }) => createApiKey(user, input),
});
export async function createApiKeyAction(
  input: z.input<typeof createApiKeySchema>,
): Promise<ActionResult<IssuedApiKey>> {
  return create(input);
}

const rotate = defineAction({
  schema: rotateApiKeySchema,
  roles: ADMIN,
  handler: async (input, { user }) => {
    const issued = await rotateApiKey(user, input);
    return { ...issued, previousKeyExpiresAt: issued.previousKeyExpiresAt.toISOString() };
  },
});
export async function rotateApiKeyAction(
  input: z.input<typeof rotateApiKeySchema>,
): Promise<ActionResult<IssuedApiKey & { previousKeyExpiresAt: string }>> {
  return rotate(input);
}

const revoke = defineAction({
  schema: revokeApiKeySchema,
  roles: ADMIN,
  handler: (input, { user }) => revokeApiKey(user, input),
});
export async function revokeApiKeyAction(input: z.input<typeof revokeApiKeySchema>): Promise<ActionResult<void>> {
  return revoke(input);
}

const test = defineAction({
  schema: provinceOnlySchema,
  roles: ADMIN,
  handler: (input, { user }) => sendTestDelivery(user, input),
});
export async function sendTestDeliveryAction(
  input: z.input<typeof provinceOnlySchema>,
): Promise<ActionResult<TestDeliveryResult>> {
  return test(input);
}

const replay = defineAction({
  schema: replayDeliverySchema,
  roles: ADMIN,
  handler: (input, { user }) => replayDelivery(user, input),
});
export async function replayDeliveryAction(
  input: z.input<typeof replayDeliverySchema>,
): Promise<ActionResult<ReplayResult>> {
  return replay(input);
}
