// Property-based fuzzing of every signed endpoint with correctly signed but malformed requests: invalid JSON and
// UTF-8, wrong types, huge strings, deep nesting, unknown keys, odd path parameters and headers. Whatever arrives,
// the answer is never a 5xx; a refusal is a 4xx with `{ error: { code, message } }`.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postCodeAssignment } from '@/app/api/v1/code-assignments/route';
import { GET as getCaseStatus } from '@/app/api/v1/cases/[reference]/status/route';
import { POST as postConfirmation } from '@/app/api/v1/corrections/[orderId]/confirmation/route';
import {
  type DecidedCase,
  decidedCaseWithOrder,
  type ProvinceKey,
  resetIntegrationData,
  setUpProvince,
  signedRequest,
  VALID_ASSIGNMENT,
} from './helpers';

let key: ProvinceKey;
let ownOrder: DecidedCase;
let otherOrder: DecidedCase;

beforeAll(async () => {
  await resetIntegrationData();
  key = await setUpProvince('34');
  await setUpProvince('41');
  ownOrder = await decidedCaseWithOrder('34');
  otherOrder = await decidedCaseWithOrder('41');
});

const HUGE = ['x'.repeat(100_000), '红'.repeat(34_000), '\u{1F600}'.repeat(25_000), '\\"'.repeat(50_000)];
const huge = fc.constantFrom(...HUGE);
const weirdValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  huge,
  fc.string({ unit: 'binary' }),
  fc.constantFrom(null, true, -1, 1e308, '', [], {}),
);

/** A valid body with one thing wrong (or, sometimes, nothing wrong: then 2xx is fine too). */
function mutatedBody(valid: Record<string, unknown>) {
  const field = fc.constantFrom(...Object.keys(valid));
  return fc
    .oneof(
      fc.tuple(field, weirdValue).map(([name, value]) => ({ ...valid, [name]: value })),
      field.map((name) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== name))),
      fc
        .tuple(
          fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.constantFrom('__proto__', 'constructor', 'status', 'provinceCode', 'state'),
          ),
          weirdValue,
        )
        .map(
          ([name, value]) =>
            JSON.parse(
              `{${JSON.stringify(name)}: ${JSON.stringify(value) ?? 'null'}, ${JSON.stringify(valid).slice(1)}`,
            ) as unknown,
        ),
      fc.constant([valid]),
    )
    .map((value) => JSON.stringify(value));
}

/** Bodies that are not even the right kind of JSON. */
const garbage = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)),
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    'null',
    '[]',
    '1',
    '"x"',
    '\u0000',
    `{"recordId":"${HUGE[0]}"}`,
    '['.repeat(5000) + ']'.repeat(5000),
  ),
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
);

async function expectNoServerError(response: Response, allowSuccess: boolean): Promise<void> {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  if (!allowSuccess || response.status >= 400) {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe('string');
    expect(typeof body.error?.message).toBe('string');
  }
}

const FUZZ_ASSIGNMENT = { ...VALID_ASSIGNMENT, recordId: 'AH-fuzz' };
const VALID_CONFIRMATION = { appliedAt: '2026-11-20T08:00:00+08:00', colour: 'GREEN' };
const RUNS = { numRuns: 120 };

/** fast-check repeats values: a query counter keeps each signed request unique, so none is refused as a replay. */
let sequence = 0;
const unique = (path: string) => `${path}?n=${(sequence += 1)}`;

describe('fuzzing', () => {
  it('POST /api/v1/code-assignments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          garbage.map((body) => ({ body, valid: false })),
          mutatedBody(FUZZ_ASSIGNMENT).map((body) => ({ body, valid: true })),
        ),
        async ({ body, valid }) => {
          await expectNoServerError(
            await postCodeAssignment(signedRequest({ path: unique('/api/v1/code-assignments'), body, key })),
            valid,
          );
        },
      ),
      RUNS,
    );
  }, 120_000);

  it('POST /api/v1/corrections/{orderId}/confirmation', async () => {
    const orderId = fc.oneof(
      fc.constant(ownOrder.orderId),
      fc.constant(otherOrder.orderId),
      fc.uuid(),
      fc.string({ maxLength: 80 }),
      huge.map((text) => text.slice(0, 5000)),
    );
    const body = fc.oneof(garbage, mutatedBody(VALID_CONFIRMATION));
    await fc.assert(
      fc.asyncProperty(orderId, body, async (id, payload) => {
        const path = unique(`/api/v1/corrections/${encodeURIComponent(id)}/confirmation`);
        const response = await postConfirmation(signedRequest({ path, body: payload, key }), {
          params: Promise.resolve({ orderId: id }),
        });
        await expectNoServerError(response, id === ownOrder.orderId);
      }),
      RUNS,
    );
  }, 120_000);

  it('GET /api/v1/cases/{reference}/status', async () => {
    const reference = fc.oneof(
      fc.constant(ownOrder.reference),
      fc.constant(otherOrder.reference),
      fc.stringMatching(/^SS-\d{2}-\d{8}-\d{6}$/),
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      huge.map((text) => text.slice(0, 5000)),
    );
    await fc.assert(
      fc.asyncProperty(reference, async (ref) => {
        const path = unique(`/api/v1/cases/${encodeURIComponent(ref)}/status`);
        const response = await getCaseStatus(signedRequest({ path, key }), {
          params: Promise.resolve({ reference: ref }),
        });
        await expectNoServerError(response, ref === ownOrder.reference);
      }),
      RUNS,
    );
  }, 120_000);

  it('signature headers of every shape are refused with 401', async () => {
    const header = fc.oneof(
      fc.string({ maxLength: 100 }),
      huge.map((text) => text.slice(0, 8000)),
      fc.stringMatching(/^[0-9a-f]{64}$/),
      fc.constant(null),
    );
    const printable = (value: string | null) => (value === null ? null : value.replace(/[^\x20-\x7e]/g, 'x'));
    await fc.assert(
      fc.asyncProperty(header, header, header, async (keyId, timestamp, signature) => {
        const request = signedRequest({
          path: '/api/v1/code-assignments',
          body: JSON.stringify(FUZZ_ASSIGNMENT),
          headers: {
            'x-key-id': printable(keyId),
            'x-timestamp': printable(timestamp),
            'x-signature': printable(signature),
          },
        });
        const response = await postCodeAssignment(request);
        expect(response.status).toBe(401);
        await expectNoServerError(response, false);
      }),
      RUNS,
    );
  }, 120_000);

  it('a body over 256 kB is refused with 413 before anything else is read', async () => {
    const body = JSON.stringify({ ...VALID_ASSIGNMENT, recordId: 'x'.repeat(300_000) });
    const response = await postCodeAssignment(signedRequest({ path: '/api/v1/code-assignments', body, key }));
    expect(response.status).toBe(413);
    await expectNoServerError(response, false);
  });
});
