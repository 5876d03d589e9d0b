// U+0000 cannot be stored in PostgreSQL text (SQLSTATE 22021): a string holding it is refused at the boundary,
// before anything (evidence files included) is written, instead of failing half-way with a 500.

/** Deepest nesting looked into; deeper input is refused by the schemas anyway. */
const MAX_DEPTH = 64;

/**
 * The path (`field.0.name`) of the first string holding U+0000 in `value` — strings, arrays, plain objects and the
 * names of uploaded files — or null when there is none. `_form` when the value itself is such a string.
 */
export function findNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_form' : null;
  if (path.length > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (typeof File !== 'undefined' && value instanceof File) return findNulCharacter(value.name, path);
  if (typeof FormData !== 'undefined' && value instanceof FormData) {
    for (const [key, entry] of value.entries()) {
      const found = findNulCharacter(key, path) ?? findNulCharacter(entry, [...path, key]);
      if (found !== null) return found;
    }
    return null;
  }
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const keyPath = [...path, String(key)];
    if (typeof key === 'string' && key.includes('\u0000')) return keyPath.join('.');
    const found = findNulCharacter(child, keyPath);
    if (found !== null) return found;
  }
  return null;
}

export const NUL_CHARACTER_MESSAGE_KEY = 'errors.nulCharacter';
