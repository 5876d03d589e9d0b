// An administrator publishes a new version of a province's deadline policy (SPEC §7). It is refused when any decision
// deadline is longer than the national maximum (or the citizen's reply time shorter); published versions are never
// edited, and cases already filed keep the deadlines they were given. Audited as POLICY_PUBLISHED in the province's chain.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { appendAuditEvent, lockAuditChain } from '@/lib/audit/append';
import { DeadlineError, validateProvincialPolicy, type DeadlineRule } from '@/lib/cases/rules/deadlines';
import { parseInput } from '@/lib/core/parse-input';
import { chainOf } from '@/lib/audit/append';
import { provinceName } from '@/lib/reference/divisions';
import { AppError } from '@/lib/core/errors';
import { fieldRefusal, stale } from './errors';
import { findNationalPolicy, toPolicyRecord } from './list-deadline-policies';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';
import { publishDeadlinePolicySchema } from './schemas';

const DECISION_RULES: readonly DeadlineRule[] = [
  'redHours',
  'yellowHours',
  'recognitionHours',
  'secondReviewWorkingDays',
];

export async function publishDeadlinePolicy(
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<{ id: number; version: number }> {
  assertAdmin(actor);
  const input = parseInput(publishDeadlinePolicySchema, raw);
  if (!(await provinceName(input.provinceCode))) throw fieldRefusal({ provinceCode: 'admin.errors.provinceInvalid' });
  const national = await findNationalPolicy(now);
  if (!national) throw new AppError('errors.deadlineRules', 409);

  const { basedOnVersion, provinceCode, ...values } = input;
  try {
    validateProvincialPolicy(toPolicyRecord(national), { id: 0, version: 0, provinceCode, ...values });
  } catch (error) {
    if (!(error instanceof DeadlineError)) throw error;
    // The same rule, said per field so the form can show each one beside its input.
    const fieldErrors: Record<string, string> = {};
    for (const rule of DECISION_RULES)
      if (values[rule] > national[rule]) fieldErrors[rule] = 'admin.errors.longerThanNational';
    if (values.citizenReplyHours < national.citizenReplyHours)
      fieldErrors.citizenReplyHours = 'admin.errors.replyShorterThanNational';
    throw fieldRefusal(Object.keys(fieldErrors).length > 0 ? fieldErrors : { _form: 'admin.errors.invalid' });
  }

  return prisma.$transaction(async (tx) => {
    await lockAuditChain(tx, chainOf(provinceCode));
    const latest = await tx.deadlinePolicy.findFirst({
      where: { provinceCode },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    if ((latest?.version ?? null) !== basedOnVersion) throw stale();
    const version = (latest?.version ?? 0) + 1;
    const policy = await tx.deadlinePolicy.create({
      data: { provinceCode, version, ...values, effectiveFrom: now, createdAt: now },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      chain: chainOf(provinceCode),
      actorId: actor.id,
      actorRole: actor.role,
      action: 'POLICY_PUBLISHED',
      after: {
        policyId: policy.id,
        provinceCode,
        version,
        ...values,
        nationalVersion: national.version,
        effectiveFrom: now.toISOString(),
      },
      occurredAt: now,
    });
    return { id: policy.id, version };
  });
}
