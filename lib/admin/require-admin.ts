// Every administration use case starts here: only administrators manage staff and settings (SPEC §2), whoever calls
// and however; anyone else is answered as if nothing were there (404).
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/core/parse-input';
import { notFound } from './errors';

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'ADMIN') throw notFound();
}

/**
 * An administration use case taking raw input (a form's or a route's): refuses anyone but an administrator, parses
 * the input once with `schema` (a ValidationError with field errors), then runs with the typed input.
 */
export function adminUseCase<S extends z.ZodType, R>(
  schema: S,
  run: (actor: Actor, input: z.output<S>, now: Date) => Promise<R>,
): (actor: Actor, raw: unknown, now?: Date) => Promise<R> {
  return async (actor, raw, now = new Date()) => {
    assertAdmin(actor);
    return run(actor, parseInput(schema, raw), now);
  };
}
