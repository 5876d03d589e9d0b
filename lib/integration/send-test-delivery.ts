// "Send a test delivery" (SPEC §18): one real, signed POST of a TEST event to the province's webhook, exactly as the
// worker delivers real events (same headers and signature), so its IT department sees whether their receiver answers
// and checks signatures. Nothing is queued or retried; the attempt and its outcome are audited.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { appendNationalEvent } from '@/lib/audit/national-event';
import type { Actor } from '@/lib/auth/actor';
import { ValidationError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/parse-input';
import { prisma } from '@/lib/db/client';
import { postSignedWebhook } from './deliver-webhooks';
import { requireAdministrator } from './province-systems';
import { provinceOnlySchema } from './schemas';
import { openSecret } from './secrets';

/** The event type of a test delivery (X-Event-Type and `type`): receivers should answer 2xx and change nothing. */
export const TEST_EVENT_TYPE = 'TEST';

export interface TestDeliveryResult {
  eventId: string;
  webhookUrl: string;
  delivered: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
}

export async function sendTestDelivery(
  actor: Actor,
  raw: unknown,
  options: { timeoutMs?: number } = {},
): Promise<TestDeliveryResult> {
  requireAdministrator(actor, 'SEND_TEST_DELIVERY');
  const { provinceCode } = parseInput(provinceOnlySchema, raw);
  const system = await prisma.provinceSystem.findUnique({
    where: { provinceCode },
    select: { webhookUrl: true, webhookSecretCipher: true },
  });
  if (!system) throw new ValidationError({ provinceCode: 'integration.errors.provinceSystemMissing' });
  if (!system.webhookUrl || !system.webhookSecretCipher)
    throw new ValidationError({ provinceCode: 'integration.errors.webhookMissing' });

  const event = { id: randomUUID(), kind: TEST_EVENT_TYPE };
  const attemptedAt = new Date();
  const body = JSON.stringify({
    id: event.id,
    type: TEST_EVENT_TYPE,
    provinceCode,
    createdAt: attemptedAt.toISOString(),
    data: { message: 'Test delivery from the health-code appeals system: answer 2xx, change nothing.' },
  });
  // The HTTP call happens outside any transaction; only its outcome is written (with its audit event).
  const outcome = await postSignedWebhook(
    new URL(system.webhookUrl),
    openSecret(system.webhookSecretCipher),
    event,
    body,
    options.timeoutMs ?? 10_000,
    attemptedAt,
  );
  const result: TestDeliveryResult = {
    eventId: event.id,
    webhookUrl: system.webhookUrl,
    delivered: outcome.error === null,
    httpStatus: outcome.httpStatus,
    error: outcome.error,
    durationMs: outcome.durationMs,
    attemptedAt,
  };
  await prisma.$transaction(async (tx) => {
    await appendNationalEvent(tx, actor, {
      action: 'WEBHOOK_TEST_SENT',
      after: {
        provinceCode,
        eventId: result.eventId,
        webhookUrl: result.webhookUrl,
        delivered: result.delivered,
        httpStatus: result.httpStatus,
        error: result.error,
        durationMs: result.durationMs,
      },
    });
  });
  return result;
}
