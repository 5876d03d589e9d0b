// Turns a sign-in refusal code into a sentence in the user's language (messages under signIn.errors).
import { minutesToWait, type SignInError } from '@/lib/auth/sign-in-errors';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function describeSignInError(t: Translate, error: SignInError): string {
  switch (error.code) {
    case 'code_wrong':
      return t('errors.code_wrong', { count: error.count ?? 0 });
    case 'rate_limited':
    case 'locked':
      return t(`errors.${error.code}`, { minutes: minutesToWait(error.count) });
    default:
      return t(`errors.${error.code}`);
  }
}
