import { describe, expect, it } from 'vitest';
import { rawClient } from '@/test/support/db';
import { allocateReference } from './allocate-reference';
import { parseReference } from '@/lib/cases/rules/reference';

describe('allocateReference (real PostgreSQL)', () => {
  it('gives 200 concurrent filings in two provinces distinct, gap-free numbers per province and day', async () => {
    const at = new Date('2026-11-26T16:30:00Z');
    const provinces = Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? '34' : '41'));
    const references = await Promise.all(provinces.map((province) => allocateReference(province, at)));

    expect(new Set(references).size).toBe(200);
    for (const province of ['34', '41']) {
      const parsed = references.map(parseReference).filter((reference) => reference?.provinceCode === province);
      expect(parsed.every((reference) => reference?.day === '20261127')).toBe(true);
      expect(parsed.map((reference) => reference?.seq).sort((a = 0, b = 0) => a - b)).toEqual(
        Array.from({ length: 100 }, (_, index) => index + 1),
      );
    }

    const client = await rawClient();
    try {
      const { rows } = await client.query(
        'SELECT province_code, day, last_value FROM reference_counter ORDER BY province_code',
      );
      expect(rows).toEqual([
        { province_code: '34', day: '20261127', last_value: 100 },
        { province_code: '41', day: '20261127', last_value: 100 },
      ]);
    } finally {
      await client.end();
    }
  });

  it('starts each Asia/Shanghai day at 1', async () => {
    expect(await allocateReference('34', new Date('2026-11-27T16:00:00Z'))).toBe('SS-34-20261128-000001');
    expect(await allocateReference('34', new Date('2026-11-28T15:59:00Z'))).toBe('SS-34-20261128-000002');
  });
});
