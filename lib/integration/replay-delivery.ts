// Replay of a failed delivery (SPEC §18): an event that is still waiting after failed attempts is made due now,
// audited, and delivered at once by the same code the worker runs (claim with a lease, signed POST, every attempt in
// the log); if it fails again, the worker keeps retrying it with back-off as before. A delivered event is not sent
// again: the province already has it.
import 'server-only';
import { appendNationalEvent } from '@/lib/audit/national-event';
import type { Actor } from '@/lib/auth/actor';
import { ValidationError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/parse-input';
import { prisma } from '@/lib/db/client';
import { runDeliveryCycle } from './deliver-webhooks';
import { listWebhookDeliveries, type DeliveryAttempt } from './delivery-log';
import { requireAdministrator } from './province-systems';
import { replayDeliverySchema } from './schemas';

export interface ReplayResult {
  outboxEventId: string;
  /** The attempt the replay made; null when a worker held the event at that moment (it delivers it itself). */
  attempt: DeliveryAttempt | null;
}

export async function replayDelivery(
  actor: Actor,
  raw: unknown,
  options: { now?: Date; timeoutMs?: number } = {},
): Promise<ReplayResult> {
  requireAdministrator(actor, 'REPLAY_DELIVERY');
  const input = parseInput(replayDeliverySchema, raw);
  const now = options.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    const event = await tx.outboxEvent.findUnique({
      where: { provinceCode_id: { provinceCode: input.provinceCode, id: input.outboxEventId } },
      select: { id: true, kind: true, status: true, attempts: true, lastError: true },
    });
    if (!event) throw new ValidationError({ outboxEventId: 'integration.errors.eventUnknown' });
    if (event.status !== 'PENDING' || event.attempts === 0)
      throw new ValidationError({ outboxEventId: 'integration.errors.eventNotFailed' });
    const system = await tx.provinceSystem.findUnique({
      where: { provinceCode: input.provinceCode },
      select: { webhookUrl: true },
    });
    if (!system?.webhookUrl) throw new ValidationError({ provinceCode: 'integration.errors.webhookMissing' });
    await tx.outboxEvent.update({
      where: { provinceCode_id: { provinceCode: input.provinceCode, id: event.id } },
      data: { nextAttemptAt: now },
    });
    await appendNationalEvent(tx, actor, {
      action: 'WEBHOOK_DELIVERY_REPLAYED',
      after: {
        provinceCode: input.provinceCode,
        outboxEventId: event.id,
        kind: event.kind,
        attemptsBefore: event.attempts,
        lastError: event.lastError,
      },
    });
  });
  const cycle = await runDeliveryCycle({
    now,
    limit: 1,
    timeoutMs: options.timeoutMs,
    only: { provinceCode: input.provinceCode, eventId: input.outboxEventId },
  });
  if (cycle.claimed === 0) return { outboxEventId: input.outboxEventId, attempt: null };
  const [attempt] = await listWebhookDeliveries({
    provinceCode: input.provinceCode,
    outboxEventId: input.outboxEventId,
    limit: 1,
  });
  return { outboxEventId: input.outboxEventId, attempt: attempt ?? null };
}
