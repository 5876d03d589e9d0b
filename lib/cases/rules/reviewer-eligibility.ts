// Who may hold a case (SPEC §6): a reviewer of the case's province, active, not excluded from it.
import type { TransactionClient } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import { RuleViolationError } from '@/lib/core/errors';

/** The reviewer is excluded from this case (a declared or found conflict of interest). */
export async function isExcluded(
  db: TransactionClient,
  current: Pick<Case, 'provinceCode' | 'id'>,
  reviewerId: string,
): Promise<boolean> {
  const exclusion = await db.caseExclusion.findFirst({
    where: { provinceCode: current.provinceCode, caseId: current.id, reviewerId },
    select: { reviewerId: true },
  });
  return exclusion !== null;
}

/** Checks that a reviewer may hold this case: same province, active, not excluded from it. */
export async function requireEligibleReviewer(tx: TransactionClient, current: Case, reviewerId: string): Promise<void> {
  // Two reads, not a subquery from app_user (a reference table) into case data, which Citus refuses (docs/scaling.md).
  const [reviewer, exclusion] = await Promise.all([
    tx.user.findFirst({
      where: { id: reviewerId, role: 'REVIEWER', active: true, provinceCode: current.provinceCode },
      select: { id: true },
    }),
    isExcluded(tx, current, reviewerId),
  ]);
  if (!reviewer || exclusion) throw new RuleViolationError('errors.reviewerNotEligible');
}
