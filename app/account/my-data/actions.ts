'use server';
// The citizen's data-rights request (SPEC §17): checked by the session and the use case, which loads the case
// through the citizen's scope (someone else's case is "not found" and nothing is written).
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { fileDataRequest } from '@/lib/privacy/file-data-request';
import { fileDataRequestSchema } from '@/lib/privacy/schemas';

const file = defineAction({
  schema: fileDataRequestSchema,
  roles: ['CITIZEN'],
  async handler(input, { user }) {
    const request = await fileDataRequest(user, input);
    return { id: request.id };
  },
});

export async function fileDataRequestAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return file(input);
}
