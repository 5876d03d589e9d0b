import { describe, expect, it } from 'vitest';
import { findNulCharacter } from './nul-characters';

describe('findNulCharacter', () => {
  it('names the first field holding U+0000, however deep, in keys, values, files and form data', () => {
    expect(findNulCharacter({ statement: 'ok', grounds: 'a\u0000b' })).toBe('grounds');
    expect(findNulCharacter({ filing: { list: ['x', { reason: '\u0000' }] } })).toBe('filing.list.1.reason');
    expect(findNulCharacter({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(findNulCharacter('\u0000')).toBe('_form');
    expect(findNulCharacter({ files: [new File(['x'], 'a\u0000.pdf')] })).toBe('files.0');
    const form = new FormData();
    form.set('reason', 'x\u0000');
    expect(findNulCharacter(form)).toBe('reason');
  });

  it('finds nothing in clean input', () => {
    expect(
      findNulCharacter({ statement: '我当天一直在芜湖上班', n: 1, list: [null, true], at: new Date() }),
    ).toBeNull();
    expect(findNulCharacter(null)).toBeNull();
  });
});
