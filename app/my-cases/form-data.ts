// Reads the multipart bodies of the citizen's forms: one JSON part with the fields, and the attached files.
// Anything malformed reads as null / no files, so the schema (not this helper) decides what the answer is.

export function jsonPartOf(formData: unknown, name: string): unknown {
  if (!(formData instanceof FormData)) return null;
  const part = formData.get(name);
  if (typeof part !== 'string') return null;
  try {
    return JSON.parse(part) as unknown;
  } catch {
    return null;
  }
}

export function filesOf(formData: unknown, name: string): File[] {
  if (!(formData instanceof FormData)) return [];
  return formData.getAll(name).filter((value): value is File => value instanceof File);
}
