// One term for one thing (issue 13 point 12): the prima facie overreach of SPEC §4 is called 初步判断越权赋码 /
// "prima facie overreach" on every page, never 疑似违规赋码 or "possible overreach".
import { describe, expect, it } from 'vitest';
import { messagesFor } from './messages';

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  return [];
}

describe('the term for prima facie overreach', () => {
  it('is 初步判断越权赋码 in Chinese wherever a message names it', () => {
    const zh = strings(messagesFor('zh-CN'));
    expect(zh.filter(([, text]) => /疑似违规|违规赋码|疑似越权/.test(text))).toEqual([]);
    const naming = zh.filter(([, text]) => /越权/.test(text) && !/越权分析/.test(text));
    expect(naming.length).toBeGreaterThan(3);
    expect(naming.filter(([, text]) => !text.includes('初步判断越权赋码'))).toEqual([]);
  });

  it('is "prima facie overreach" in English', () => {
    const en = strings(messagesFor('en'));
    expect(en.filter(([, text]) => /possible overreach|suspected overreach/i.test(text))).toEqual([]);
  });
});
