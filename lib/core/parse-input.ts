// Every use case parses its input with the same zod schema the form uses; a failure becomes a ValidationError
// of { field: messageKey }, so callers (server actions, the API, scripts) all get the same answer.
import type { z } from 'zod';
import { findNulCharacter, NUL_CHARACTER_MESSAGE_KEY } from '@/lib/security/nul-characters';
import { ValidationError } from './errors';

/** Turns zod issues into { field: messageKey }, first issue per field; form-level issues under `_form`. */
export function fieldErrorsOf(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    errors[field] ??= issue.message;
  }
  return errors;
}

export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const nul = findNulCharacter(input);
  if (nul !== null) throw new ValidationError({ [nul]: NUL_CHARACTER_MESSAGE_KEY });
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}
