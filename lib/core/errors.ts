// The one error type of the app: a message key (its texts live only in lib/i18n/messages), the HTTP status, a
// stable code for machine clients, and optionally field errors and values for the message. Use cases, the
// administration, sign-in and the integration API all throw it; the action wrapper (lib/auth/action.ts) and the API
// handler (lib/integration/api-handler.ts) turn it into answers, so no caller ever shows an internal message.
import type { CaseState } from '@/lib/db/generated/enums';

export interface AppErrorDetails {
  /** Field name → message key (e.g. issuingUnitCode → filing.errors.issuingUnitUnknown). */
  fieldErrors?: Record<string, string>;
  /** Values the message names (minutes to wait, a limit). */
  values?: Record<string, string | number>;
  /** A stable code for machine clients; by default the status's. */
  code?: string;
  /** Extra response headers (Retry-After). */
  headers?: Record<string, string>;
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

export class AppError extends Error {
  readonly code: string;
  readonly fieldErrors?: Readonly<Record<string, string>>;
  readonly values?: Readonly<Record<string, string | number>>;
  readonly headers?: Readonly<Record<string, string>>;
  constructor(
    readonly messageKey: string,
    readonly status = 400,
    details: AppErrorDetails = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
    this.code = details.code ?? CODE_OF_STATUS[status] ?? 'ERROR';
    if (details.fieldErrors) this.fieldErrors = { ...details.fieldErrors };
    if (details.values) this.values = { ...details.values };
    if (details.headers) this.headers = { ...details.headers };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Anything the caller may not see, or that does not exist: outsiders learn nothing, not even that it exists. */
export const notFound = (): AppError => new AppError('errors.notFound', 404, { code: 'NOT_FOUND' });

/** Field name → message key. */
export const fieldRefusal = (fieldErrors: Record<string, string>): AppError =>
  new AppError('errors.validation', 422, { fieldErrors });

// The case engine's refusals, named because callers and tests tell them apart.
/** Also used for cases outside the caller's scope: outsiders learn nothing, not even that the case exists. */
export class CaseNotFoundError extends AppError {
  constructor() {
    super('errors.caseNotFound', 404, { code: 'CASE_NOT_FOUND' });
  }
}

/** The caller can see the case, but their role may not perform this action on it. */
export class ForbiddenActionError extends AppError {
  constructor(readonly action: string) {
    super('errors.forbiddenAction', 403, { code: 'FORBIDDEN_ACTION' });
  }
}

export class IllegalTransitionError extends AppError {
  constructor(
    readonly from: CaseState,
    readonly action: string,
  ) {
    super('errors.illegalTransition', 409, { code: 'ILLEGAL_TRANSITION' });
  }
}

/** Optimistic concurrency: the caller acted on a version of the case that is no longer current. */
export class ConflictError extends AppError {
  constructor() {
    super('errors.staleVersion', 409, { code: 'STALE_VERSION' });
  }
}

/** Field name → message key (e.g. issuingUnitCode → filing.errors.issuingUnitUnknown). */
export class ValidationError extends AppError {
  declare readonly fieldErrors: Readonly<Record<string, string>>;
  constructor(fieldErrors: Record<string, string>) {
    super('errors.validation', 422, { code: 'VALIDATION_FAILED', fieldErrors });
  }
}

/** The idempotency key was already used with a different payload (the same payload returns the first case instead). */
export class IdempotencyConflictError extends AppError {
  constructor() {
    super('errors.idempotencyConflict', 409, { code: 'IDEMPOTENCY_CONFLICT' });
  }
}

/** A rule beyond the transitions table refuses the action (reply window, 15-day window, first decider …). */
export class RuleViolationError extends AppError {
  constructor(messageKey: string) {
    super(messageKey, 409, { code: 'RULE_VIOLATION' });
  }
}
