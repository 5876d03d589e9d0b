// The webhook delivery log (SPEC §9, §18): every attempt, newest first, for one event or one province, with the
// administrators' filters (result, event type, Asia/Shanghai days) and whether the event still waits (replayable).
import 'server-only';
import { shanghaiDayStart } from '@/lib/core/calendar';
import type { Prisma } from '@/lib/db/client';
import { prisma } from '@/lib/db/client';
import type { DeliveryStatus, OutboxKind } from '@/lib/db/generated/enums';
import type { DeliveryResult } from './schemas';

export interface DeliveryAttempt {
  outboxEventId: string;
  provinceCode: string;
  attempt: number;
  attemptedAt: Date;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  delivered: boolean;
  kind: OutboxKind;
  /** The event's state now: PENDING while it has not been delivered (a failed attempt of it can be replayed). */
  eventStatus: DeliveryStatus;
}

export async function listWebhookDeliveries(filter: {
  outboxEventId?: string;
  provinceCode?: string;
  result?: DeliveryResult;
  kind?: OutboxKind;
  /** First and last Asia/Shanghai day (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
  limit?: number;
}): Promise<DeliveryAttempt[]> {
  const attemptedAt: Prisma.DateTimeFilter = {};
  if (filter.from) attemptedAt.gte = shanghaiDayStart(filter.from);
  if (filter.to) attemptedAt.lt = new Date(shanghaiDayStart(filter.to).getTime() + 24 * 60 * 60 * 1000);
  const rows = await prisma.webhookDelivery.findMany({
    where: {
      ...(filter.outboxEventId ? { outboxEventId: filter.outboxEventId } : {}),
      ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
      ...(filter.result ? { delivered: filter.result === 'delivered' } : {}),
      ...(filter.kind ? { outboxEvent: { kind: filter.kind } } : {}),
      ...(filter.from || filter.to ? { attemptedAt } : {}),
    },
    orderBy: [{ attemptedAt: 'desc' }, { attempt: 'desc' }],
    take: filter.limit ?? 100,
    select: {
      outboxEventId: true,
      provinceCode: true,
      attempt: true,
      attemptedAt: true,
      httpStatus: true,
      error: true,
      durationMs: true,
      delivered: true,
      outboxEvent: { select: { kind: true, status: true } },
    },
  });
  return rows.map(({ outboxEvent, ...attempt }) => ({
    ...attempt,
    kind: outboxEvent.kind,
    eventStatus: outboxEvent.status,
  }));
}
