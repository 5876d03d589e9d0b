// Both languages are complete: the same keys in zh-CN and English, and every domain error key has a text in each.
import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_MESSAGES } from '@/lib/core/errors';
import { EVIDENCE_ERROR_MESSAGES } from '@/lib/cases/rules/evidence-limits';
import { CASE_ACTION_ERROR_MESSAGES, FILING_ERROR_MESSAGES } from '@/lib/cases/forms/schemas';
import { MESSAGE_AREAS, messagesFor } from './messages';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [key, child]) => ({ ...all, ...flatten(child, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

describe('message files', () => {
  const zhKeys = flatten(messagesFor('zh-CN'));
  const enKeys = flatten(messagesFor('en'));

  it('never repeat a top-level namespace across area files', () => {
    for (const areas of Object.values(MESSAGE_AREAS)) {
      const namespaces = Object.values(areas).flatMap((messages) => Object.keys(messages));
      expect(namespaces.length).toBe(new Set(namespaces).size);
    }
  });

  it('have the same keys in both languages, none empty', () => {
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(zhKeys).sort());
    expect(Object.entries(zhKeys).filter(([, text]) => !text.trim())).toEqual([]);
    expect(Object.entries(enKeys).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it('contain every domain, filing, action and evidence error key', () => {
    const required = [
      DOMAIN_ERROR_MESSAGES,
      FILING_ERROR_MESSAGES,
      CASE_ACTION_ERROR_MESSAGES,
      EVIDENCE_ERROR_MESSAGES,
    ].flatMap(Object.keys);
    expect(required.filter((key) => !(key in zhKeys))).toEqual([]);
    expect(required.filter((key) => !(key in enKeys))).toEqual([]);
  });
});
