// The one wrapper for server actions and route handlers: parse the input with its schema, load the session and check
// the role (outsiders get "not found"), and turn domain errors into safe message keys. Unknown errors are logged and
// answered with a generic message, so no internal detail reaches the browser.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Role } from '@/lib/db/generated/enums';
import type { ActionFailure, ActionResult } from '@/lib/core/action-result';
import { isAppError } from '@/lib/core/errors';
import { fieldErrorsOf } from '@/lib/core/parse-input';
import { getRequestIp } from './request-ip';
import { getCurrentUser } from './session';
import type { CurrentUser } from './sessions';
import { scopedLogger } from '@/lib/security/logger';
import { findNulCharacter, NUL_CHARACTER_MESSAGE_KEY } from '@/lib/security/nul-characters';

export type { ActionFailure, ActionResult };

export interface ActionContext<R extends readonly Role[] | 'public'> {
  user: R extends 'public' ? CurrentUser | null : CurrentUser;
  ip: string;
}

/**
 * A route handler's answer for an action's result: `answer(data)` when it succeeded, else the failure as JSON
 * `{ error: { messageKey, fieldErrors?, values? } }` with its status.
 */
export function routeAnswer<T>(result: ActionResult<T>, answer: (data: T) => Response): Response {
  if (result.ok) return answer(result.data);
  const { status, messageKey, fieldErrors, values } = result;
  return Response.json({ error: { messageKey, fieldErrors, values } }, { status });
}

const NOT_FOUND: ActionFailure = { ok: false, status: 404, messageKey: 'errors.notFound' };

export function defineAction<S extends z.ZodType, T, R extends readonly Role[] | 'public'>(config: {
  schema: S;
  roles: R;
  handler: (input: z.output<S>, context: ActionContext<R>) => Promise<T>;
}): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const user = await getCurrentUser();
      if (config.roles !== 'public' && (!user || !config.roles.includes(user.role))) return NOT_FOUND;
      const nul = findNulCharacter(input);
      if (nul !== null) {
        return {
          ok: false,
          status: 422,
          messageKey: 'errors.validation',
          fieldErrors: { [nul]: NUL_CHARACTER_MESSAGE_KEY },
        };
      }
      const parsed = config.schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, status: 422, messageKey: 'errors.validation', fieldErrors: fieldErrorsOf(parsed.error) };
      }
      const context = { user, ip: await getRequestIp() } as ActionContext<R>;
      return { ok: true, data: await config.handler(parsed.data, context) };
    } catch (error) {
      // redirect() and notFound() signal through exceptions that Next.js must receive.
      unstable_rethrow(error);
      if (isAppError(error)) {
        const { status, messageKey, values, fieldErrors } = error;
        return { ok: false, status, messageKey, values, fieldErrors };
      }
      scopedLogger('action').error({ err: error }, 'unexpected error');
      return { ok: false, status: 500, messageKey: 'errors.generic' };
    }
  };
}
