'use server';
// Reviewer pool changes by administrators: a reviewer's capacity (activity is the account's status, set on the staff page
// or here through the same use case).
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { setReviewerCapacitySchema, type SetReviewerCapacityInput } from '@/lib/admin/schemas';
import { setReviewerCapacity } from '@/lib/admin/set-reviewer-capacity';

const setCapacity = defineAction({
  schema: setReviewerCapacitySchema,
  roles: ['ADMIN'] as const,
  handler: (input, { user }) => setReviewerCapacity(user, input),
});

export async function setReviewerCapacityAction(
  input: SetReviewerCapacityInput,
): Promise<ActionResult<{ capacity: number; changed: boolean }>> {
  return setCapacity(input);
}
