'use server';
// A supervisor's answer to a citizen's data request (SPEC §17); the use case checks the province scope.
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { answerDataRequest } from '@/lib/privacy/answer-data-request';
import { answerDataRequestSchema } from '@/lib/privacy/schemas';

const answer = defineAction({
  schema: answerDataRequestSchema,
  roles: ['SUPERVISOR'],
  handler: (input, { user }) => answerDataRequest(user, input),
});

export async function answerDataRequestAction(input: unknown): Promise<ActionResult<{ id: string; status: string }>> {
  return answer(input);
}
