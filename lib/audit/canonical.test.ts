import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawClient } from '@/test/support/db';
import { auditHash, canonicalJson, GENESIS_HASH } from './canonical';

/** JSON values PostgreSQL's jsonb can hold exactly: integers, strings without NUL, booleans, null, arrays, objects. */
const jsonbValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000')),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.string({ unit: 'grapheme', maxLength: 6 }).filter((s) => !s.includes('\u0000')),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

describe('canonicalJson', () => {
  it('orders keys as jsonb does (length, then bytes) at every level, and drops undefined', () => {
    expect(canonicalJson({ bb: 1, a: { d: [2, { zz: 1, y: 2 }], c: undefined } })).toBe(
      '{"a": {"d": [2, {"y": 2, "zz": 1}]}, "bb": 1}',
    );
  });

  it('writes dates as ISO strings and bigints as strings', () => {
    expect(canonicalJson({ at: new Date('2026-11-27T01:00:00.000Z'), seq: 12n })).toBe(
      '{"at": "2026-11-27T01:00:00.000Z", "seq": "12"}',
    );
  });

  it('gives the same text for any key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is exactly the text PostgreSQL prints for the same value as jsonb (property, real database)', async () => {
    const client = await rawClient();
    try {
      await fc.assert(
        fc.asyncProperty(jsonbValue, async (value) => {
          const { rows } = await client.query<{ text: string }>('SELECT $1::jsonb::text AS text', [
            JSON.stringify(value),
          ]);
          expect(canonicalJson(value)).toBe(rows[0]!.text);
        }),
        { numRuns: 300 },
      );
    } finally {
      await client.end();
    }
  });
});

describe('auditHash', () => {
  const event = {
    chain: '34',
    seq: 1n,
    occurredAt: new Date('2026-11-27T01:00:00.000Z'),
    actorId: null,
    actorRole: 'SYSTEM',
    caseId: null,
    action: 'CASE_FILED',
    before: null,
    after: { state: 'SUBMITTED' },
    reason: null,
  };

  it('depends on the previous hash and on every field', () => {
    const base = auditHash(GENESIS_HASH, event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash('1'.repeat(64), event)).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...event, seq: 2n })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...event, after: { state: 'ASSIGNED' } })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...event, reason: 'x' })).not.toBe(base);
  });
});
