import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shanghaiCompactDate } from '@/lib/core/calendar';
import { formatReference, parseReference } from '@/lib/cases/rules/reference';

describe('formatReference', () => {
  it('writes province, Asia/Shanghai day and a six-digit sequence', () => {
    expect(formatReference('34', new Date('2026-11-27T03:00:00Z'), 123)).toBe('SS-34-20261127-000123');
  });

  it('takes the day in Asia/Shanghai, not UTC', () => {
    expect(formatReference('34', new Date('2026-11-26T16:30:00Z'), 1)).toBe('SS-34-20261127-000001');
    expect(formatReference('34', new Date('2026-11-26T15:59:59.999Z'), 1)).toBe('SS-34-20261126-000001');
    expect(shanghaiCompactDate(new Date('2026-12-31T16:00:00Z'))).toBe('20270101');
  });

  it('refuses what cannot be written in the format', () => {
    const at = new Date('2026-11-27T03:00:00Z');
    expect(() => formatReference('3', at, 1)).toThrow(RangeError);
    expect(() => formatReference('34', at, 0)).toThrow(RangeError);
    expect(() => formatReference('34', at, 1_000_000)).toThrow(RangeError);
    expect(() => formatReference('34', at, 1.5)).toThrow(RangeError);
    expect(() => formatReference('34', new Date('nonsense'), 1)).toThrow(RangeError);
  });
});

describe('parseReference', () => {
  it('reads a reference, forgiving spaces and lower case', () => {
    expect(parseReference('SS-34-20261127-000123')).toEqual({ provinceCode: '34', day: '20261127', seq: 123 });
    expect(parseReference('  ss-34-20261127-000123 ')).toEqual({ provinceCode: '34', day: '20261127', seq: 123 });
  });

  it.each([
    '',
    'SS-34-20261127-00012',
    'SS-34-20261127-0001234',
    'SS-340-20261127-000123',
    'XX-34-20261127-000123',
    'SS-34-2026-11-27-000123',
    'SS-34-20261131-000123',
    'SS-34-20261127-000000',
    'SS-34-20261127-000123 extra',
    'SS34-20261127-000123',
  ])('returns null for %j', (text) => {
    expect(parseReference(text)).toBeNull();
  });

  it('round-trips every reference it formats (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{2}$/),
        fc.date({
          min: new Date('2020-02-01T00:00:00+08:00'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 999_999 }),
        (provinceCode, at, seq) => {
          const reference = formatReference(provinceCode, at, seq);
          expect(reference).toMatch(/^SS-\d{2}-\d{8}-\d{6}$/);
          expect(parseReference(reference)).toEqual({ provinceCode, day: shanghaiCompactDate(at), seq });
        },
      ),
    );
  });
});
