// A province system confirms it applied a correction order (SPEC §5 effectuation): the order and, when it is the
// case's latest, the case record when it was confirmed, with CORRECTION_CONFIRMED in the case's audit chain, in one
// transaction. Idempotent; an order of another province is not found.
import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append';
import { formatSmsTime } from '@/lib/i18n/format-date';
import { prisma } from '@/lib/db/client';
import { queueNotifications } from '@/lib/notifications/queue';
import type { ApiClient } from './authenticate';
import { findLatestCorrectionOrder } from './correction-orders';
import { recordReliefOrderConfirmation } from './confirm-relief-order';
import { targetColourOf } from './outbox-payloads';
import { apiError, notFound } from './errors';
import type { CorrectionConfirmationInput } from './schemas';

export const HEALTH_CODE_SYSTEM_ROLE = 'HEALTH_CODE_SYSTEM';

export interface ConfirmationResult {
  orderId: string;
  reference: string;
  confirmedAt: string;
  alreadyConfirmed: boolean;
}

export async function confirmCorrection(
  client: ApiClient,
  orderId: string,
  input: CorrectionConfirmationInput,
  now = new Date(),
): Promise<ConfirmationResult> {
  return prisma.$transaction(async (tx) => {
    // The row lock makes two simultaneous confirmations of one order apply once.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM outbox_event
       WHERE id = ${orderId}::uuid AND kind IN ('CORRECTION_ORDER', 'INTERIM_RELIEF_ORDER')
         AND province_code = ${client.provinceCode}
       FOR UPDATE`;
    if (locked.length === 0) throw notFound();
    const order = await tx.outboxEvent.findUniqueOrThrow({
      where: { provinceCode_id: { provinceCode: client.provinceCode, id: orderId } },
    });
    // The case may be held by another province than the order's (a recognition complaint, a transfer): found by id.
    const appealCase = order.caseId ? await tx.case.findFirst({ where: { id: order.caseId } }) : null;
    if (!appealCase) throw notFound();
    if (order.confirmedAt) {
      return {
        orderId,
        reference: appealCase.reference,
        confirmedAt: order.confirmedAt.toISOString(),
        alreadyConfirmed: true,
      };
    }
    const target = targetColourOf(order);
    if (target !== input.colour) {
      throw apiError(409, 'CORRECTION_MISMATCH', {
        values: { target: target ?? 'another colour' },
        details: { colour: `Expected ${target ?? 'the colour of the order'}.` },
      });
    }
    // The province can only confirm what it received: an order not yet marked delivered (the worker stopped between
    // the receiver's 2xx and recording it) is delivered now.
    const deliveredAt = order.deliveredAt ?? now;
    await tx.outboxEvent.update({
      where: { provinceCode_id: { provinceCode: order.provinceCode, id: order.id } },
      data: {
        confirmedAt: now,
        ...(order.status === 'SENT' ? {} : { status: 'SENT', deliveredAt, lockedUntil: null }),
      },
    });
    // An interim relief order (SPEC §15) is recorded on its relief; the case's effectuation is the decision's.
    const relief =
      order.kind === 'INTERIM_RELIEF_ORDER' ? await recordReliefOrderConfirmation(tx, order, appealCase, now) : null;
    if (relief) await queueNotifications(tx, appealCase.provinceCode, appealCase.id, relief.notifications);
    const latest = relief ? null : await findLatestCorrectionOrder(tx, appealCase.id);
    if (latest?.id === order.id) {
      await tx.case.update({
        where: { provinceCode_id: { provinceCode: appealCase.provinceCode, id: appealCase.id } },
        data: { correctionSentAt: deliveredAt, correctionConfirmedAt: now },
      });
      // The citizen learns that the code was actually changed (SPEC §5).
      if (appealCase.mobile) {
        await queueNotifications(tx, appealCase.provinceCode, appealCase.id, [
          {
            channel: 'SMS',
            recipientMobile: appealCase.mobile,
            template: 'CORRECTION_CONFIRMED',
            params: { reference: appealCase.reference, confirmedAt: formatSmsTime(now) },
          },
        ]);
      }
    }
    await appendAuditEvent(tx, {
      chain: appealCase.provinceCode,
      actorId: null,
      actorRole: HEALTH_CODE_SYSTEM_ROLE,
      caseId: appealCase.id,
      action: relief ? 'INTERIM_RELIEF_CONFIRMED' : 'CORRECTION_CONFIRMED',
      after: {
        ...relief?.audit,
        reference: appealCase.reference,
        orderId: order.id,
        keyId: client.keyId,
        colour: input.colour,
        appliedAt: new Date(input.appliedAt).toISOString(),
      },
      occurredAt: now,
    });
    return { orderId, reference: appealCase.reference, confirmedAt: now.toISOString(), alreadyConfirmed: false };
  });
}
