// Errors of the integration API: a stable code, an HTTP status and an English message safe to show to a machine
// client. Every refusal answers `{ "error": { "code", "message", "details"? } }`.

export type ApiErrorCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'TIMESTAMP_OUT_OF_WINDOW'
  | 'REPLAYED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_JSON'
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CORRECTION_MISMATCH'
  | 'INTERNAL_ERROR';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (): ApiError => new ApiError(404, 'NOT_FOUND', 'Not found.');

export function validationFailed(details: Record<string, string>): ApiError {
  return new ApiError(422, 'VALIDATION_FAILED', 'The request is not valid; see details.', details);
}

export function errorBody(error: ApiError): {
  error: { code: ApiErrorCode; message: string; details?: Record<string, string> };
} {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}
