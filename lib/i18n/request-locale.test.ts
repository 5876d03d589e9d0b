// Which language a request gets: the visitor's choice, then the browser's Accept-Language, then Chinese.
import { describe, expect, it } from 'vitest';
import { requestLocale } from './request-locale';

describe('requestLocale', () => {
  it('keeps the language the visitor chose, whatever the browser says', () => {
    expect(requestLocale('en', 'zh-CN,zh;q=0.9')).toBe('en');
    expect(requestLocale('zh-CN', 'en-US,en;q=0.9')).toBe('zh-CN');
  });

  it('follows Accept-Language, with its q-values, when no choice was made', () => {
    expect(requestLocale(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(requestLocale(undefined, 'de-DE,de;q=0.9,en-GB;q=0.7')).toBe('en');
    expect(requestLocale(undefined, 'en;q=0.2,zh-CN;q=0.8')).toBe('zh-CN');
    expect(requestLocale(undefined, 'zh-TW,zh;q=0.9,en;q=0.5')).toBe('zh-CN');
  });

  it('falls back to Chinese for other languages, a missing header or an unknown cookie value', () => {
    expect(requestLocale(undefined, 'fr-FR,fr;q=0.9')).toBe('zh-CN');
    expect(requestLocale(undefined, null)).toBe('zh-CN');
    expect(requestLocale('xx', 'en')).toBe('en');
    expect(requestLocale(undefined, ';;;q=abc,,')).toBe('zh-CN');
  });
});
