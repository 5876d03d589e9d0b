// The demo outbox: the latest messages of the built-in provider, shown only in development or when DEMO_SMS_OUTBOX=1.
import 'server-only';
import { prisma } from '@/lib/db/client';

export interface OutboxMessage {
  id: string;
  to: string;
  body: string;
  purpose: string;
  createdAt: Date;
}

export function isSmsOutboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.DEMO_SMS_OUTBOX === '1';
}

export async function listOutboxMessages(limit = 50): Promise<OutboxMessage[]> {
  return prisma.smsMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, to: true, body: true, purpose: true, createdAt: true },
  });
}
