// Runs an administration use case inside a server action: its refusals become ActionRefusals (shown to the user),
// everything else goes on to the action wrapper's generic handling.
import 'server-only';
import { ActionRefusal } from '@/lib/auth/action';
import { AdminRefusal } from './errors';

export async function withAdminRefusals<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AdminRefusal)
      throw new ActionRefusal(error.messageKey, error.status, undefined, error.fieldErrors);
    throw error;
  }
}
