'use server';
// Publishes a new version of a province's deadline policy (refused when longer than the national maxima).
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { publishDeadlinePolicy } from '@/lib/admin/publish-deadline-policy';
import { publishDeadlinePolicySchema, type PublishDeadlinePolicyInput } from '@/lib/admin/schemas';

const publish = defineAction({
  schema: publishDeadlinePolicySchema,
  roles: ['ADMIN'] as const,
  handler: (input, { user }) => publishDeadlinePolicy(user, input),
});

export async function publishDeadlinePolicyAction(
  input: PublishDeadlinePolicyInput,
): Promise<ActionResult<{ id: number; version: number }>> {
  return publish(input);
}
