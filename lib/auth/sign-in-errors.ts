// Sign-in refusals are the app's one error type (`AppError`, message keys under signIn.errors). next-auth carries only
// a string from a Credentials provider to the browser, so a refusal travels as its short code (`code_wrong:3`) and
// becomes the same AppError again on the other side. Safe to import in client components.
import { AppError } from '@/lib/core/errors';

export const SIGN_IN_ERROR_CODES = [
  'mobile_invalid',
  'code_format',
  'code_expired',
  'code_wrong',
  'too_many_attempts',
  'rate_limited',
  'account_unavailable',
  'credentials',
  'locked',
  'generic',
] as const;

export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];

export interface SignInError {
  code: SignInErrorCode;
  /** Attempts left for `code_wrong`; seconds to wait for `rate_limited` and `locked`. */
  count?: number;
}

const STATUS: Record<SignInErrorCode, number> = {
  mobile_invalid: 422,
  code_format: 422,
  code_expired: 401,
  code_wrong: 401,
  too_many_attempts: 429,
  rate_limited: 429,
  account_unavailable: 403,
  credentials: 401,
  locked: 429,
  generic: 400,
};

/** A sign-in refusal whose message (what next-auth passes on as `?error=`) is its short code. */
export class SignInRefusal extends AppError {
  constructor(readonly refusal: SignInError) {
    super(`signIn.errors.${refusal.code}`, STATUS[refusal.code], { values: valuesOf(refusal) });
    this.message = encodeSignInError(refusal);
  }
}

function valuesOf(error: SignInError): Record<string, number> | undefined {
  if (error.code === 'code_wrong') return { count: error.count ?? 0 };
  if (error.code === 'rate_limited' || error.code === 'locked') return { minutes: minutesToWait(error.count) };
  return undefined;
}

export function encodeSignInError(error: SignInError): string {
  return error.count === undefined ? error.code : `${error.code}:${error.count}`;
}

export function parseSignInError(value: string | null | undefined): SignInError | null {
  if (!value) return null;
  const [code, count] = value.split(':');
  if (!(SIGN_IN_ERROR_CODES as readonly string[]).includes(code ?? '')) return { code: 'generic' };
  const parsed = count === undefined ? undefined : Number(count);
  return { code: code as SignInErrorCode, count: Number.isFinite(parsed) ? parsed : undefined };
}

/** Minutes to show for a wait in seconds (at least 1). */
export function minutesToWait(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}
