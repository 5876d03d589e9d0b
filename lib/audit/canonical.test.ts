import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawClient } from '@/test/support/db';
import { auditHash, CANONICAL_EVENT_SQL, CANONICAL_EVENT_TEXT_SQL, canonicalJson, GENESIS_HASH } from './canonical';

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

describe("CANONICAL_EVENT_TEXT_SQL (the verifier's form)", () => {
  const text = fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000'));
  const event = fc.record({
    // Up to 8 characters (the column's length), quotes, backslashes and non-ASCII among them.
    chain: fc.string({ unit: fc.constantFrom('4', '1', 'a', '"', '\\', ' ', '中', '\n'), maxLength: 8 }),
    seq: fc.bigInt({ min: 1n, max: 2n ** 62n }),
    occurredAt: fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    actorId: fc.option(fc.uuid()),
    actorRole: text,
    caseId: fc.option(fc.uuid()),
    action: text,
    before: fc.option(jsonbValue),
    after: fc.option(jsonbValue),
    reason: fc.option(text),
  });

  it("is the same text as the jsonb form, and as the app's canonicalJson, for any event (property, real database)", async () => {
    const client = await rawClient();
    try {
      await client.query(`CREATE TEMP TABLE e (chain VARCHAR(8), seq BIGINT, occurred_at TIMESTAMPTZ(3), actor_id UUID,
                            actor_role TEXT, case_id UUID, action TEXT, before JSONB, after JSONB, reason TEXT)`);
      await fc.assert(
        fc.asyncProperty(event, async (value) => {
          await client.query('TRUNCATE e');
          await client.query('INSERT INTO e VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)', [
            value.chain,
            value.seq.toString(),
            value.occurredAt,
            value.actorId,
            value.actorRole,
            value.caseId,
            value.action,
            value.before === null ? null : JSON.stringify(value.before),
            value.after === null ? null : JSON.stringify(value.after),
            value.reason,
          ]);
          const {
            rows: [row],
          } = await client.query<{ jsonb: string; text: string }>(
            `SELECT ${CANONICAL_EVENT_SQL} AS jsonb, ${CANONICAL_EVENT_TEXT_SQL} AS text FROM e`,
          );
          expect(row!.text).toBe(row!.jsonb);
          expect(row!.text).toBe(canonicalJson(value));
        }),
        { numRuns: 200 },
      );
    } finally {
      await client.end();
    }
  });
});
