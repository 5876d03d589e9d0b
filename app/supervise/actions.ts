'use server';
// Server actions of the supervision console: reassign one case or all of a reviewer's, start and decide a
// second-level review, verify the audit chains. Each goes through defineAction (schema, session, role) and a use
// case that starts from the supervisor's scope; outsiders get "not found".
import { revalidatePath } from 'next/cache';
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { caseActionSchema, decideSchema } from '@/lib/cases/forms/schemas';
import { verifyScopeChains } from '@/lib/supervision/audit-log';
import { reassignCase as reassignOneCase, reassignReviewerCases } from '@/lib/cases/use-cases/reassign-cases';
import { startSecondReview } from '@/lib/cases/use-cases/start-second-review';
import { decideSecondReview } from '@/lib/cases/use-cases/decide-second-review';
import { reassignAllSchema, reassignCaseSchema, verifyChainsSchema } from '@/lib/supervision/schemas';
import { supervisorScopeOf } from '@/lib/supervision/scope';

const SUPERVISOR = ['SUPERVISOR'] as const;

/** Only the named fields of a posted form (React adds its own hidden fields; the strict schemas would refuse them). */
function fieldsOf(formData: unknown, names: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  // Called over HTTP with anything but a form, the schema (not this helper) refuses the missing fields.
  if (!(formData instanceof FormData)) return fields;
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

function refreshConsole(): void {
  revalidatePath('/supervise', 'layout');
}

const reassignCase = defineAction({
  schema: reassignCaseSchema,
  roles: SUPERVISOR,
  handler: async (input, { user }) => ({ reference: (await reassignOneCase(user, input)).case.reference }),
});

export async function reassignCaseAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ reference: string }>> {
  const result = await reassignCase(fieldsOf(formData, ['caseId', 'expectedVersion', 'reviewerId', 'reason']));
  if (result.ok) refreshConsole();
  return result;
}

const reassignAll = defineAction({
  schema: reassignAllSchema,
  roles: SUPERVISOR,
  handler: (input, { user }) => reassignReviewerCases(user, input),
});

export async function reassignAllAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ reassigned: number; pooled: number; unchanged: number }>> {
  const result = await reassignAll(fieldsOf(formData, ['fromReviewerId', 'reason']));
  if (result.ok) refreshConsole();
  return result;
}

const startReview = defineAction({
  schema: caseActionSchema,
  roles: SUPERVISOR,
  handler: async (input, { user }) => ({ reference: (await startSecondReview(user, input)).case.reference }),
});

export async function startSecondReviewAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ reference: string }>> {
  const fields = fieldsOf(formData, ['caseId', 'expectedVersion']);
  const result = await startReview({ caseId: fields.caseId, expectedVersion: Number(fields.expectedVersion) });
  if (result.ok) refreshConsole();
  return result;
}

const decideReview = defineAction({
  schema: decideSchema,
  roles: SUPERVISOR,
  handler: async (input, { user }) => ({ reference: (await decideSecondReview(user, input)).case.reference }),
});

/** Called with the decide form's values (the same decideSchema checks them in the browser first). */
export async function decideSecondReviewAction(input: unknown): Promise<ActionResult<{ reference: string }>> {
  const result = await decideReview(input);
  if (result.ok) refreshConsole();
  return result;
}

const verifyChains = defineAction({
  schema: verifyChainsSchema,
  roles: SUPERVISOR,
  handler: (_input, { user }) => verifyScopeChains(supervisorScopeOf(user)),
});

export async function verifyChainsAction(): Promise<ActionResult<Awaited<ReturnType<typeof verifyScopeChains>>>> {
  return verifyChains({});
}
