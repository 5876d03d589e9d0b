// Case status for a province system (SPEC §9): only cases whose issuing province or current province is the key's
// province; anything else is not found. No personal data: reference, state, decision and correction only.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CaseState, CaseType, DecisionLevel, DecisionOutcome, CodeColour } from '@/lib/db/generated/enums';
import type { ApiClient } from './authenticate';
import { findLatestCorrectionOrder } from './correction-orders';
import { targetColourOf } from './outbox-payloads';
import { notFound } from './errors';
import { findLatestReliefSummary, type InterimReliefSummary } from './interim-relief-summary';

export interface CaseStatus {
  reference: string;
  type: CaseType;
  state: CaseState;
  provinceCode: string;
  issuingProvinceCode: string;
  filedAt: string;
  dueAt: string;
  decision: { level: DecisionLevel; outcome: DecisionOutcome; decidedAt: string } | null;
  correction: {
    orderId: string;
    toColour: CodeColour;
    orderedAt: string;
    sentAt: string | null;
    confirmedAt: string | null;
  } | null;
  interimRelief: InterimReliefSummary | null;
}

export async function getCaseStatus(client: ApiClient, reference: string): Promise<CaseStatus> {
  const found = await prisma.case.findFirst({
    where: { reference, OR: [{ issuingProvinceCode: client.provinceCode }, { provinceCode: client.provinceCode }] },
    select: {
      id: true,
      reference: true,
      type: true,
      state: true,
      provinceCode: true,
      issuingProvinceCode: true,
      filedAt: true,
      dueAt: true,
      decisions: { orderBy: { decidedAt: 'desc' }, select: { level: true, outcome: true, decidedAt: true } },
    },
  });
  if (!found) throw notFound();
  // A second-level decision supersedes the first.
  const decision = found.decisions.find((d) => d.level === 'SECOND') ?? found.decisions[0] ?? null;
  const order = await findLatestCorrectionOrder(prisma, found.id);
  const relief = await findLatestReliefSummary(found.provinceCode, found.id);
  const toColour = order ? targetColourOf(order) : null;
  return {
    reference: found.reference,
    type: found.type,
    state: found.state,
    provinceCode: found.provinceCode,
    issuingProvinceCode: found.issuingProvinceCode,
    filedAt: found.filedAt.toISOString(),
    dueAt: found.dueAt.toISOString(),
    decision: decision
      ? { level: decision.level, outcome: decision.outcome, decidedAt: decision.decidedAt.toISOString() }
      : null,
    correction:
      order && toColour
        ? {
            orderId: order.id,
            toColour,
            orderedAt: order.createdAt.toISOString(),
            sentAt: order.deliveredAt?.toISOString() ?? null,
            confirmedAt: order.confirmedAt?.toISOString() ?? null,
          }
        : null,
    interimRelief: relief,
  };
}
