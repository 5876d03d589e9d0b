// A react-hook-form resolver that validates what will be sent (the form's values turned into the action's payload)
// with the same zod schema the server uses, and puts each message key on its field (nested, as react-hook-form keeps them).
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

type Tree = Record<string, unknown>;

function setPath(tree: Tree, path: readonly string[], value: unknown): void {
  let node = tree;
  path.slice(0, -1).forEach((key) => {
    node[key] ??= {};
    node = node[key] as Tree;
  });
  const last = path.at(-1);
  if (last !== undefined && node[last] === undefined) node[last] = value;
}

/** The message key at a dotted path (`days.3.date`) of react-hook-form's errors. */
export function errorKeyAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Tree)[key];
  }
  const message = node && typeof node === 'object' ? (node as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}

export function payloadResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toPayload: (values: V) => unknown,
): Resolver<V> {
  return async (values) => {
    const parsed = schema.safeParse(toPayload(values));
    if (parsed.success) return { values, errors: {} };
    const errors: Tree = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.length > 0 ? issue.path.map(String) : ['root'];
      setPath(errors, path, { type: 'validation', message: issue.message });
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
