// Supervisors move work (SPEC §6): one case to a named reviewer, or every open case of a reviewer in one action.
// The engine changes and audits each case; this adds the scope check on the reviewer (outside scope: not found).
import 'server-only';
import { prisma } from '@/lib/db/client';
import { CaseNotFoundError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/parse-input';
import { reassignAllOpenCases, reassignCase, type BulkReassignResult } from '@/lib/cases/use-cases/reassign-cases';
import { reassignAllSchema, reassignCaseSchema } from './schemas';
import { actorOf, type SupervisorScope } from './scope';

async function requireReviewerInScope(scope: SupervisorScope, reviewerId: string): Promise<void> {
  const reviewer = await prisma.user.findFirst({
    where: { id: reviewerId, role: 'REVIEWER', ...(scope.provinceCode ? { provinceCode: scope.provinceCode } : {}) },
    select: { id: true },
  });
  if (!reviewer) throw new CaseNotFoundError();
}

export async function reassignOneCase(scope: SupervisorScope, raw: unknown): Promise<{ reference: string }> {
  const input = parseInput(reassignCaseSchema, raw);
  await requireReviewerInScope(scope, input.reviewerId);
  const changed = await reassignCase(actorOf(scope), input);
  return { reference: changed.case.reference };
}

export async function reassignReviewerCases(scope: SupervisorScope, raw: unknown): Promise<BulkReassignResult> {
  const input = parseInput(reassignAllSchema, raw);
  await requireReviewerInScope(scope, input.fromReviewerId);
  return reassignAllOpenCases(actorOf(scope), input);
}
