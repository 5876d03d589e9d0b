// Correction orders are CORRECTION_ORDER rows of outbox_event (written by lib/cases/decide-case.ts). A case has at most
// a first-level and a second-level order; the case's effectuation fields always describe the latest one.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { OutboxEvent } from '@/lib/db/generated/client';
import { CodeColour } from '@/lib/db/generated/enums';

export async function findLatestCorrectionOrder(db: TransactionClient, caseId: string): Promise<OutboxEvent | null> {
  return db.outboxEvent.findFirst({
    where: { caseId, kind: 'CORRECTION_ORDER' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}

/** The colour the order asks for, read from its payload (GREEN for REVOKED, YELLOW for DOWNGRADED). */
export function targetColourOf(order: { payload: unknown }): CodeColour | null {
  const payload = order.payload;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const colour = (payload as Record<string, unknown>).toColour;
  return typeof colour === 'string' && colour in CodeColour ? (colour as CodeColour) : null;
}
