// Refusals of the administration use cases: a message key under `admin.errors` (safe to show), an HTTP status and,
// for form fields, field → message key. The action wrapper turns them into answers (lib/admin/action-refusal.ts).
export class AdminRefusal extends Error {
  constructor(
    readonly messageKey: string,
    readonly status = 400,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(messageKey);
    this.name = 'AdminRefusal';
  }
}

/** An account, version or year outside what exists: the same answer as for anything the caller may not see. */
export function notFound(): AdminRefusal {
  return new AdminRefusal('errors.notFound', 404);
}

/** Someone else changed the record since the form was loaded. */
export function stale(): AdminRefusal {
  return new AdminRefusal('admin.errors.stale', 409);
}

export function fieldRefusal(fieldErrors: Record<string, string>): AdminRefusal {
  return new AdminRefusal('errors.validation', 422, fieldErrors);
}
