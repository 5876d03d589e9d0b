// Sign-in refusals travel from the Credentials providers to the browser as short codes (`code_wrong:3`);
// the forms turn them into messages in the user's language. Safe to import in client components.
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
