// Turns a sign-in refusal into a sentence in the user's language: its AppError message key (under signIn.errors)
// with the values it names.
import { SignInRefusal, type SignInError } from '@/lib/auth/sign-in-errors';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** `t` is the `signIn` namespace's translator. */
export function describeSignInError(t: Translate, error: SignInError): string {
  const refusal = new SignInRefusal(error);
  return t(refusal.messageKey.replace(/^signIn\./, ''), refusal.values ? { ...refusal.values } : undefined);
}
