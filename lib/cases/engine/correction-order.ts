// Writes a correction order to the outbox, in the transaction of the decision that orders it (SPEC §5 effectuation).
import type { TransactionClient } from '@/lib/db/client';
import type { Case, CodeColour, DecisionOutcome } from '@/lib/db/generated/client';
import { colourAfter } from '@/lib/cases/rules/decision-outcome';
import { deliverAfterCommit } from '@/lib/integration/deliver-webhooks';
import type { CorrectionOrderPayload } from '@/lib/integration/outbox-payloads';

/** Where a correction is carried out: a code appeal where the code was issued; a recognition complaint where it was refused. */
export function correctionProvinceOf(
  current: Pick<Case, 'type' | 'refusingProvinceCode' | 'provinceCode' | 'issuingProvinceCode'>,
) {
  return current.type === 'RECOGNITION_COMPLAINT'
    ? (current.refusingProvinceCode ?? current.provinceCode)
    : current.issuingProvinceCode;
}

/** The outbox row of a correction order (one decision's, or each of a group finding's, written in one statement). */
export function correctionOrderRow(
  current: Case,
  decisionId: string,
  outcome: DecisionOutcome,
  now: Date,
  fromColour: CodeColour = current.colour,
) {
  return {
    provinceCode: correctionProvinceOf(current),
    kind: 'CORRECTION_ORDER' as const,
    caseId: current.id,
    payload: {
      reference: current.reference,
      decisionId,
      issuingUnitCode: current.issuingUnitCode,
      fromColour,
      toColour: colourAfter(outcome, current.colour),
      codeAssignedAt: current.codeAssignedAt.toISOString(),
      orderedAt: now.toISOString(),
    } satisfies CorrectionOrderPayload,
  };
}

/** The order the issuing province's health-code system must carry out (delivered by the integration worker). */
export async function queueCorrectionOrder(
  tx: TransactionClient,
  current: Case,
  decisionId: string,
  outcome: DecisionOutcome,
  now: Date,
  fromColour: CodeColour = current.colour,
) {
  // A new order (after a second-level review) restarts effectuation: sent and confirmed refer to this order.
  await tx.case.update({
    where: { provinceCode_id: { provinceCode: current.provinceCode, id: current.id } },
    data: { correctionSentAt: null, correctionConfirmedAt: null },
  });
  await tx.outboxEvent.create({ data: correctionOrderRow(current, decisionId, outcome, now, fromColour) });
  deliverAfterCommit(tx);
}
