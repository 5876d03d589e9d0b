// Formula-safe CSV: neutralised cells, byte-order mark and CRLF line ends.
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv';

describe('neutraliseCell', () => {
  it.each(['=SUM(A1:A9)', '+86 138', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://evil","click")'])(
    'prefixes %j with an apostrophe',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text, numbers and empty cells as they are', () => {
    expect(neutraliseCell('SS-34-20261127-000123')).toBe('SS-34-20261127-000123');
    expect(neutraliseCell('合肥市')).toBe('合肥市');
    expect(neutraliseCell(-5)).toBe('-5');
    expect(neutraliseCell(0.25)).toBe('0.25');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark, ends lines with CRLF and neutralises header and body cells', () => {
    const csv = toCsv(
      ['reference', '=header'],
      [
        ['SS-34-20261127-000001', '=1+1'],
        ['SS-34-20261127-000002', '说明, 带逗号'],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe(
      `reference,'=header\r\nSS-34-20261127-000001,'=1+1\r\nSS-34-20261127-000002,"说明, 带逗号"\r\n`,
    );
  });
});
