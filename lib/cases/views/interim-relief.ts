// What a case page shows of interim relief (SPEC §15): every request on the case with its answer, expiry, the province's
// confirmation and how it ended, and whether the caller may ask (the citizen) or decide (the case's reviewer, a
// supervisor) now. Loaded through the caller's scope: another citizen's or province's case reads as null.
import 'server-only';
import { caseScopeWhere, type Actor } from '@/lib/auth/actor';
import { correctionProvinceOf } from '@/lib/cases/engine/correction-order';
import {
  OPEN_RELIEF_STATUSES,
  RELIEF_CASE_STATES,
  mayDecideRelief,
  reliefColoursFor,
  type ReliefEndCause,
  type ReliefReason,
  type ReliefStatus,
} from '@/lib/cases/rules/interim-relief';
import { prisma } from '@/lib/db/client';
import type { CodeColour } from '@/lib/db/generated/enums';

export interface ReliefEntry {
  id: string;
  version: number;
  status: ReliefStatus;
  reason: ReliefReason;
  detail: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  /** Granted by the system at once (prima facie overreach). */
  automatic: boolean;
  decisionReason: string | null;
  fromColour: CodeColour;
  toColour: CodeColour | null;
  expiresAt: Date | null;
  /** When the temporary correction reached the province's system, and when it confirmed applying it. */
  orderSentAt: Date | null;
  orderConfirmedAt: Date | null;
  endedAt: Date | null;
  endCause: ReliefEndCause | null;
  revertConfirmedAt: Date | null;
}

export interface CaseReliefView {
  caseId: string;
  entries: ReliefEntry[];
  /** The citizen may ask now (before the first decision, no request open, a code that can be made milder). */
  canRequest: boolean;
  /** The request waiting for an answer, when the caller may answer it. */
  decidable: ReliefEntry | null;
  /** The colours a grant may give. */
  colours: CodeColour[];
}

export async function getCaseRelief(actor: Actor, caseId: string): Promise<CaseReliefView | null> {
  const found = await prisma.case.findFirst({
    where: { AND: [{ id: caseId }, caseScopeWhere(actor)] },
    select: {
      id: true,
      provinceCode: true,
      state: true,
      colour: true,
      assigneeId: true,
      type: true,
      issuingProvinceCode: true,
      refusingProvinceCode: true,
    },
  });
  if (!found) return null;
  const rows = await prisma.interimRelief.findMany({
    where: { provinceCode: found.provinceCode, caseId: found.id },
    orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
  });
  const orderIds = rows.flatMap((row) => (row.orderId ? [row.orderId] : []));
  const orders = orderIds.length
    ? await prisma.outboxEvent.findMany({
        where: { provinceCode: correctionProvinceOf(found), id: { in: orderIds } },
        select: { id: true, deliveredAt: true },
      })
    : [];
  const sent = new Map(orders.map((order) => [order.id, order.deliveredAt]));
  const entries: ReliefEntry[] = rows.map((row) => ({
    id: row.id,
    version: row.version,
    status: row.status as ReliefStatus,
    reason: row.reason as ReliefReason,
    detail: row.detail,
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
    automatic: row.automatic,
    decisionReason: row.decisionReason,
    fromColour: row.fromColour,
    toColour: row.toColour,
    expiresAt: row.expiresAt,
    orderSentAt: row.orderId ? (sent.get(row.orderId) ?? null) : null,
    orderConfirmedAt: row.orderConfirmedAt,
    endedAt: row.endedAt,
    endCause: row.endCause as ReliefEndCause | null,
    revertConfirmedAt: row.revertConfirmedAt,
  }));
  const colours = reliefColoursFor(found.colour);
  const open = RELIEF_CASE_STATES.includes(found.state) && colours.length > 0;
  const pending = entries.find((entry) => entry.status === 'REQUESTED') ?? null;
  return {
    caseId: found.id,
    entries,
    canRequest:
      actor.role === 'CITIZEN' && open && !entries.some((entry) => OPEN_RELIEF_STATUSES.includes(entry.status)),
    decidable: open && pending && mayDecideRelief(actor, found.assigneeId) ? pending : null,
    colours,
  };
}
