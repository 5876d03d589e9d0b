// Effectuation (SPEC §5, §12): whether a correction order reached the issuing province's system and was confirmed,
// for the case page; and the corrections not confirmed in time, for the supervisors' deadline board.
// Callers load the case through the viewer's scope first; these reads only add the effectuation facts.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CodeColour, DeliveryStatus } from '@/lib/db/generated/enums';
import { findLatestCorrectionOrder, unconfirmedCorrectionOrdersSql } from './correction-orders';
import { targetColourOf } from './outbox-payloads';

/** Corrections not confirmed within this time are shown to supervisors (SPEC §5). */
export const CONFIRMATION_DEADLINE_MS = 2 * 3600 * 1000;

export interface EffectuationStatus {
  orderId: string;
  toColour: CodeColour | null;
  orderedAt: Date;
  sentAt: Date | null;
  confirmedAt: Date | null;
  /** From the order to the confirmation; null until confirmed. */
  timeToConfirmMs: number | null;
  deliveryAttempts: number;
  lastDeliveryError: string | null;
  /** Not confirmed within CONFIRMATION_DEADLINE_MS of the order. */
  late: boolean;
}

/** The case's latest correction order and how far it got; null when no decision ordered a correction. */
export async function getEffectuationStatus(caseId: string, now = new Date()): Promise<EffectuationStatus | null> {
  const order = await findLatestCorrectionOrder(prisma, caseId);
  if (!order) return null;
  const confirmedAt = order.confirmedAt;
  const deadline = order.createdAt.getTime() + CONFIRMATION_DEADLINE_MS;
  return {
    orderId: order.id,
    toColour: targetColourOf(order),
    orderedAt: order.createdAt,
    sentAt: order.deliveredAt,
    confirmedAt,
    timeToConfirmMs: confirmedAt ? confirmedAt.getTime() - order.createdAt.getTime() : null,
    deliveryAttempts: order.attempts,
    lastDeliveryError: order.lastError,
    late: confirmedAt ? confirmedAt.getTime() > deadline : now.getTime() > deadline,
  };
}

export interface UnconfirmedCorrection {
  orderId: string;
  caseId: string;
  reference: string;
  /** The issuing province, whose system must apply the correction. */
  provinceCode: string;
  /** The province whose pool holds the case. */
  caseProvinceCode: string;
  orderedAt: Date;
  sentAt: Date | null;
  deliveryStatus: DeliveryStatus;
  deliveryAttempts: number;
  lastDeliveryError: string | null;
  waitingMs: number;
}

/**
 * Latest correction orders of their cases still unconfirmed `olderThanMs` after they were made (sent or not), oldest
 * first. With `provinceCode`, those where it is the issuing province or the case's province.
 */
export async function findUnconfirmedCorrections(
  options: { olderThanMs?: number; provinceCode?: string | null; limit?: number; now?: Date } = {},
): Promise<UnconfirmedCorrection[]> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.olderThanMs ?? CONFIRMATION_DEADLINE_MS));
  const province = options.provinceCode ?? null;
  const rows = await prisma.$queryRaw<
    {
      id: string;
      case_id: string;
      reference: string;
      province_code: string;
      case_province_code: string;
      created_at: Date;
      delivered_at: Date | null;
      status: DeliveryStatus;
      attempts: number;
      last_error: string | null;
    }[]
  >`
    ${unconfirmedCorrectionOrdersSql(cutoff)}
    SELECT o.id, o.case_id, c.reference, o.province_code, c.province_code AS case_province_code, o.created_at,
           o.delivered_at, o.status, o.attempts, o.last_error
      FROM orders o
      JOIN appeal_case c ON c.id = o.case_id
     WHERE (${province}::text IS NULL OR o.province_code = ${province}::text OR c.province_code = ${province}::text)
     ORDER BY o.created_at, o.id
     LIMIT ${options.limit ?? 200}`;
  return rows.map((row) => ({
    orderId: row.id,
    caseId: row.case_id,
    reference: row.reference,
    provinceCode: row.province_code,
    caseProvinceCode: row.case_province_code,
    orderedAt: row.created_at,
    sentAt: row.delivered_at,
    deliveryStatus: row.status,
    deliveryAttempts: row.attempts,
    lastDeliveryError: row.last_error,
    waitingMs: now.getTime() - row.created_at.getTime(),
  }));
}
