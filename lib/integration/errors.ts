// Refusals of the integration API: the one error type (lib/core/errors.ts) with a stable code, answered as
// `{ "error": { "code", "message", "details"? } }` with the message in English (texts under api.errors in the message
// files). For the API, `details` names each field with a plain English description of what is wrong with it.
import { AppError } from '@/lib/core/errors';
import { englishMessage } from '@/lib/i18n/messages';

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

export function apiError(
  status: number,
  code: ApiErrorCode,
  extra: {
    values?: Record<string, string | number>;
    details?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): AppError {
  return new AppError(`api.errors.${code}`, status, {
    code,
    values: extra.values,
    fieldErrors: extra.details,
    headers: extra.headers,
  });
}

export const notFound = (): AppError => apiError(404, 'NOT_FOUND');

export function validationFailed(details: Record<string, string>): AppError {
  return apiError(422, 'VALIDATION_FAILED', { details });
}

export function errorBody(error: AppError): {
  error: { code: string; message: string; details?: Record<string, string> };
} {
  return {
    error: {
      code: error.code,
      message: englishMessage(error.messageKey, error.values),
      ...(error.fieldErrors ? { details: { ...error.fieldErrors } } : {}),
    },
  };
}
