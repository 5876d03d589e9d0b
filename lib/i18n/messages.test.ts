// Both languages are complete: the same keys in zh-CN and English, and every refusal key the code names has a text
// in each.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { flatMessages, MESSAGE_AREAS } from './messages';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every message key of a refusal written in the source (`'admin.errors.stale'`, `` `totp.errors.${…}` `` aside). */
function refusalKeysInSource(): string[] {
  const keys = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !['generated', 'messages'].includes(entry.name)) visit(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        for (const match of readFileSync(full, 'utf8').matchAll(/'((?:[a-zA-Z]+\.)?errors\.[a-zA-Z_]+)'/g))
          keys.add(match[1]!);
      }
    }
  };
  for (const dir of ['lib', 'app', 'components']) visit(path.join(ROOT, dir));
  return [...keys].sort();
}

describe('message files', () => {
  const zhKeys = flatMessages('zh-CN');
  const enKeys = flatMessages('en');

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

  it('contain every refusal key the source names, in both languages (error texts live only here)', () => {
    const required = refusalKeysInSource();
    expect(required.length).toBeGreaterThan(60);
    // A key may be relative to the namespace of its translator (`useTranslations('signIn')` → 'errors.code_wrong').
    const known = (keys: Record<string, string>, key: string) =>
      key in keys || Object.keys(keys).some((full) => full.endsWith(`.${key}`));
    expect(required.filter((key) => !known(zhKeys, key))).toEqual([]);
    expect(required.filter((key) => !known(enKeys, key))).toEqual([]);
  });
});
