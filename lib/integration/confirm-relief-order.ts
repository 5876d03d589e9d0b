// A province system confirms an interim relief order (SPEC §15) through the same endpoint and transaction as a
// correction order (confirm-correction.ts): this records it on the relief (GRANT: the temporary colour is in place;
// REVERT: the code is back), tells the citizen of a temporary correction, and names the step in the audit event.
import 'server-only';
import { formatSmsTime } from '@/lib/i18n/format-date';
import type { TransactionClient } from '@/lib/db/client';
import type { Case, OutboxEvent } from '@/lib/db/generated/client';
import type { NotificationDraft } from '@/lib/notifications/queue';
import { interimReliefOrderPayloadSchema } from './outbox-payloads';

export async function recordReliefOrderConfirmation(
  tx: TransactionClient,
  order: OutboxEvent,
  appealCase: Case,
  now: Date,
): Promise<{ audit: Record<string, unknown>; notifications: NotificationDraft[] }> {
  const payload = interimReliefOrderPayloadSchema.parse(order.payload);
  const where = { provinceCode: appealCase.provinceCode, caseId: appealCase.id, id: payload.reliefId };
  if (payload.action === 'GRANT') await tx.interimRelief.updateMany({ where, data: { orderConfirmedAt: now } });
  if (payload.action === 'REVERT') await tx.interimRelief.updateMany({ where, data: { revertConfirmedAt: now } });
  const notifications: NotificationDraft[] =
    payload.action === 'GRANT' && appealCase.mobile
      ? [
          {
            channel: 'SMS',
            recipientMobile: appealCase.mobile,
            template: 'INTERIM_RELIEF_CONFIRMED',
            params: { reference: appealCase.reference, confirmedAt: formatSmsTime(now) },
          },
        ]
      : [];
  return { audit: { reliefId: payload.reliefId, reliefAction: payload.action }, notifications };
}
