// Every refusal a data-rights form or use case can give has a text in both languages.
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/messages';
import { PRIVACY_ERROR_KEYS } from './schemas';

function lookup(messages: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe('data-rights messages', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`has every error key in ${locale}`, () => {
      const messages = messagesFor(locale);
      expect(PRIVACY_ERROR_KEYS.filter((key) => typeof lookup(messages, key) !== 'string')).toEqual([]);
    });
  }
});
