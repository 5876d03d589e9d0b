// Who may hold a case (SPEC §6): a reviewer of the case's province, active, not excluded from it.
import type { TransactionClient } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import { RuleViolationError } from '@/lib/core/errors';

/** Checks that a reviewer may hold this case: same province, active, not excluded from it. */
export async function requireEligibleReviewer(tx: TransactionClient, current: Case, reviewerId: string): Promise<void> {
  const reviewer = await tx.user.findFirst({
    where: {
      id: reviewerId,
      role: 'REVIEWER',
      active: true,
      provinceCode: current.provinceCode,
      exclusions: { none: { caseId: current.id } },
    },
    select: { id: true },
  });
  if (!reviewer) throw new RuleViolationError('errors.reviewerNotEligible');
}
