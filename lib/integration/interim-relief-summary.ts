// The latest interim relief of a case as the integration API shows it (SPEC §9, §15): status, colour, expiry and
// orders, never the citizen's reason or words (they may be health data).
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CodeColour } from '@/lib/db/generated/enums';
import type { ReliefEndCause, ReliefStatus } from '@/lib/cases/rules/interim-relief';

export interface InterimReliefSummary {
  status: ReliefStatus;
  toColour: CodeColour | null;
  grantedAt: string | null;
  automatic: boolean;
  expiresAt: string | null;
  orderId: string | null;
  confirmedAt: string | null;
  endedAt: string | null;
  endCause: ReliefEndCause | null;
  revertOrderId: string | null;
  revertConfirmedAt: string | null;
}

export async function findLatestReliefSummary(
  provinceCode: string,
  caseId: string,
): Promise<InterimReliefSummary | null> {
  const relief = await prisma.interimRelief.findFirst({
    where: { provinceCode, caseId },
    orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
  });
  if (!relief) return null;
  const granted = relief.toColour !== null;
  return {
    status: relief.status as ReliefStatus,
    toColour: relief.toColour,
    grantedAt: granted ? (relief.decidedAt?.toISOString() ?? null) : null,
    automatic: relief.automatic,
    expiresAt: relief.expiresAt?.toISOString() ?? null,
    orderId: relief.orderId,
    confirmedAt: relief.orderConfirmedAt?.toISOString() ?? null,
    endedAt: relief.endedAt?.toISOString() ?? null,
    endCause: relief.endCause as ReliefEndCause | null,
    revertOrderId: relief.revertOrderId,
    revertConfirmedAt: relief.revertConfirmedAt?.toISOString() ?? null,
  };
}
