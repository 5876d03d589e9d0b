// Chooses the SMS provider from configuration (SMS_PROVIDER); only the built-in one exists so far.
import 'server-only';
import { builtInSmsProvider } from './built-in-provider';
import type { SmsProvider } from './provider';

export function getSmsProvider(): SmsProvider {
  const configured = process.env.SMS_PROVIDER ?? 'built-in';
  if (configured !== 'built-in') throw new Error(`Unknown SMS_PROVIDER "${configured}"`);
  return builtInSmsProvider;
}
