import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH } from './canonical';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('writes dates as ISO strings and bigints as strings', () => {
    expect(canonicalJson({ at: new Date('2026-11-27T01:00:00.000Z'), seq: 12n })).toBe('{"at":"2026-11-27T01:00:00.000Z","seq":"12"}');
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
});

describe('auditHash', () => {
  const event = {
    chain: '34', seq: 1n, occurredAt: new Date('2026-11-27T01:00:00.000Z'), actorId: null, actorRole: 'SYSTEM',
    caseId: null, action: 'CASE_FILED', before: null, after: { state: 'SUBMITTED' }, reason: null,
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
