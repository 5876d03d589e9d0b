'use server';
// Granting or refusing interim relief (SPEC §15), from the reviewer's and the supervisor's case pages: the wrapper
// checks the session and the role, the use case loads the case through the caller's scope (another province's case
// is "not found" and nothing changes) and checks that the caller holds the case or supervises it.
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { decideReliefSchema, type DecideReliefInput } from '@/lib/cases/forms/schemas';
import { decideInterimRelief } from '@/lib/cases/use-cases/decide-interim-relief';

const decide = defineAction({
  schema: decideReliefSchema,
  roles: ['REVIEWER', 'SUPERVISOR'],
  async handler(input, { user }) {
    const relief = await decideInterimRelief(user, input);
    return { reliefId: relief.id, status: relief.status };
  },
});

export async function decideInterimReliefAction(
  input: DecideReliefInput,
): Promise<ActionResult<{ reliefId: string; status: string }>> {
  return decide(input);
}
