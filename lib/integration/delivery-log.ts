// The webhook delivery log for supervisors (SPEC §9): every attempt, newest first, for one event or one province.
import 'server-only';
import { prisma } from '@/lib/db/client';

export interface DeliveryAttempt {
  outboxEventId: string;
  provinceCode: string;
  attempt: number;
  attemptedAt: Date;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  delivered: boolean;
}

export async function listWebhookDeliveries(filter: {
  outboxEventId?: string;
  provinceCode?: string;
  limit?: number;
}): Promise<DeliveryAttempt[]> {
  return prisma.webhookDelivery.findMany({
    where: {
      ...(filter.outboxEventId ? { outboxEventId: filter.outboxEventId } : {}),
      ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
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
    },
  });
}
