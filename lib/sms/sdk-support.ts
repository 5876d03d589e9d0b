// What both cloud SDK adapters need: the CommonJS default export as Node and the bundler see it, and the template's
// parameters in the registered order (a missing one is a configuration error, not a message with a hole).
import type { SmsMessageInput } from './provider';
import { SmsSendError } from './provider';

/** The class a CommonJS module exports as `default` (Node's ESM wraps it once more than a bundler does). */
export function interopDefault<T>(namespace: unknown): T {
  const outer = (namespace as { default?: unknown }).default;
  const inner = (outer as { default?: unknown } | undefined)?.default;
  return (typeof inner === 'function' ? inner : outer) as T;
}

export function templateParamValues(
  template: { id: string; params: readonly string[] },
  message: SmsMessageInput,
): [string, string][] {
  return template.params.map((name) => {
    const value = message.params[name];
    if (value === undefined) {
      throw new SmsSendError(
        'CONFIGURATION',
        null,
        `template ${template.id} needs "${name}", which ${message.kind} lacks`,
      );
    }
    return [name, value];
  });
}
