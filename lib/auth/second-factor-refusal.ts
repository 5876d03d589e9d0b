// Second-factor and password refusals as answers of the sign-in and account actions (messages under totp.errors).
import 'server-only';
import { AppError } from '@/lib/core/errors';
import { minutesToWait } from './sign-in-errors';

const STATUS: Record<string, number> = {
  locked: 429,
  rate_limited: 429,
  code_wrong: 401,
  current_wrong: 401,
  code_format: 422,
};

export function secondFactorRefusal(error: string, retryAfterSeconds?: number): AppError {
  const values =
    error === 'locked' || error === 'rate_limited' ? { minutes: minutesToWait(retryAfterSeconds) } : undefined;
  const field =
    error === 'current_wrong'
      ? 'currentPassword'
      : error === 'same_as_current' || error === 'contains_username'
        ? 'newPassword'
        : 'code';
  return new AppError(`totp.errors.${error}`, STATUS[error] ?? 409, {
    values,
    fieldErrors: { [field]: `totp.errors.${error}` },
  });
}
