// Chooses the SMS provider from configuration (SMS_PROVIDER): the built-in one (default, development), Alibaba Cloud or
// Tencent Cloud. A real provider is built once per process (its SDK client keeps connections).
import 'server-only';
import { createAlibabaSmsProvider } from './alibaba-provider';
import { builtInSmsProvider } from './built-in-provider';
import type { SmsProvider } from './provider';
import { createTencentSmsProvider } from './tencent-provider';

const FACTORIES: Readonly<Record<string, () => SmsProvider>> = {
  'built-in': () => builtInSmsProvider,
  alibaba: () => createAlibabaSmsProvider(),
  tencent: () => createTencentSmsProvider(),
};

let cached: { settings: string; provider: SmsProvider } | null = null;

export function getSmsProvider(): SmsProvider {
  const configured = process.env.SMS_PROVIDER ?? 'built-in';
  const factory = FACTORIES[configured];
  if (!factory) throw new Error(`Unknown SMS_PROVIDER "${configured}" (built-in, alibaba or tencent)`);
  // The built-in provider has no settings: nothing to compare (reading every variable costs ~0.2 ms per message).
  if (configured === 'built-in') return builtInSmsProvider;
  // Rebuilt when any SMS setting changes (tests point it at different local servers).
  const settings = JSON.stringify(
    Object.entries(process.env).filter(([key]) => /^(SMS|ALIBABA_SMS|TENCENT_SMS)_/.test(key)),
  );
  if (cached?.settings !== settings) cached = { settings, provider: factory() };
  return cached.provider;
}
