// Signed requests against the real route handlers and database: unsigned, badly signed, stale and replayed requests
// are refused with 401 and change nothing; a key sees only its own province (404 otherwise); rate limit → 429;
// key rotation and revocation; correction confirmations are idempotent and audited in the case's chain.
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as postCodeAssignment } from '@/app/api/v1/code-assignments/route';
import { GET as getCaseStatus } from '@/app/api/v1/cases/[reference]/status/route';
import { POST as postConfirmation } from '@/app/api/v1/corrections/[orderId]/confirmation/route';
import { verifyAuditChains } from '@/lib/audit/verify';
import { getPrisma } from '@/lib/db/client';
import { revokeApiKey, rotateApiKey } from '@/lib/integration/api-keys';
import { caseStatusSchema, codeAssignmentResultSchema, confirmationResultSchema } from '@/lib/integration/schemas';
import type { TestUser } from '@/test/support/fixtures';
import {
  createAdmin,
  type DecidedCase,
  decidedCaseWithOrder,
  type ProvinceKey,
  readJson,
  resetIntegrationData,
  setUpProvince,
  signedRequest,
  VALID_ASSIGNMENT,
} from './helpers';

const db = () => getPrisma();

let admin: TestUser;
let anhui: ProvinceKey;
let henan: ProvinceKey;

function assignment(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ...VALID_ASSIGNMENT,
    recordId: 'AH-2026-000001',
    assignedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    ...overrides,
  });
}

const CONFIRMATION = JSON.stringify({ appliedAt: new Date(Date.now() - 60_000).toISOString(), colour: 'GREEN' });

function confirm(
  order: DecidedCase,
  key: ProvinceKey | null,
  options: { body?: string; at?: Date; headers?: Record<string, string | null> } = {},
) {
  const path = `/api/v1/corrections/${order.orderId}/confirmation`;
  const request = signedRequest({
    path,
    body: options.body ?? CONFIRMATION,
    key: key ?? undefined,
    at: options.at,
    headers: options.headers,
  });
  return postConfirmation(request, { params: Promise.resolve({ orderId: order.orderId }) });
}

function status(reference: string, key: ProvinceKey | null, at?: Date) {
  const request = signedRequest({ path: `/api/v1/cases/${reference}/status`, key: key ?? undefined, at });
  return getCaseStatus(request, { params: Promise.resolve({ reference }) });
}

/** Everything a refused request must leave untouched. */
async function snapshot(caseId?: string) {
  const [assignments, events, orders, appealCase] = await Promise.all([
    db().codeAssignment.findMany({ orderBy: { id: 'asc' } }),
    db().auditEvent.count(),
    db().outboxEvent.findMany({ orderBy: { id: 'asc' } }),
    caseId ? db().case.findFirst({ where: { id: caseId } }) : null,
  ]);
  return { assignments, events, orders, appealCase };
}

beforeEach(async () => {
  await resetIntegrationData();
  admin = await createAdmin();
  anhui = await setUpProvince('34', { admin });
  henan = await setUpProvince('41', { admin });
});

describe('signatures', () => {
  it('a correctly signed request is accepted and answers what the OpenAPI schema says', async () => {
    const created = await readJson(
      await postCodeAssignment(signedRequest({ path: '/api/v1/code-assignments', body: assignment(), key: anhui })),
    );
    expect(created.status).toBe(201);
    expect(codeAssignmentResultSchema.parse(created.body).status).toBe('created');
    const order = await decidedCaseWithOrder('34');
    const read = await readJson(await status(order.reference, anhui));
    expect(read.status).toBe(200);
    expect(caseStatusSchema.parse(read.body)).toMatchObject({
      reference: order.reference,
      state: 'DECIDED',
      decision: { outcome: 'REVOKED' },
    });
  });

  it('unsigned, wrongly signed, tampered, unknown-key, stale and future requests get 401 and change nothing', async () => {
    const order = await decidedCaseWithOrder('34');
    const before = await snapshot(order.caseId);
    const path = '/api/v1/code-assignments';
    const body = assignment();
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const refused: [string, Response, string][] = [
      ['unsigned', await postCodeAssignment(signedRequest({ path, body })), 'SIGNATURE_MISSING'],
      [
        'no signature header',
        await postCodeAssignment(signedRequest({ path, body, key: anhui, headers: { 'x-signature': null } })),
        'SIGNATURE_MISSING',
      ],
      [
        'wrong secret',
        await postCodeAssignment(signedRequest({ path, body, key: { keyId: anhui.keyId, secret: henan.secret } })),
        'SIGNATURE_INVALID',
      ],
      [
        'garbage signature',
        await postCodeAssignment(signedRequest({ path, body, key: anhui, headers: { 'x-signature': 'zz' } })),
        'SIGNATURE_INVALID',
      ],
      [
        'unknown key',
        await postCodeAssignment(signedRequest({ path, body, key: { keyId: 'hk34_0000', secret: anhui.secret } })),
        'SIGNATURE_INVALID',
      ],
      [
        'stale (6 minutes)',
        await postCodeAssignment(signedRequest({ path, body, key: anhui, at: sixMinutesAgo })),
        'TIMESTAMP_OUT_OF_WINDOW',
      ],
      [
        'future (6 minutes)',
        await postCodeAssignment(signedRequest({ path, body, key: anhui, at: new Date(Date.now() + 6 * 60_000) })),
        'TIMESTAMP_OUT_OF_WINDOW',
      ],
      [
        'timestamp not a number',
        await postCodeAssignment(signedRequest({ path, body, key: anhui, headers: { 'x-timestamp': 'yesterday' } })),
        'TIMESTAMP_OUT_OF_WINDOW',
      ],
      ['stale confirmation', await confirm(order, anhui, { at: sixMinutesAgo }), 'TIMESTAMP_OUT_OF_WINDOW'],
      ['unsigned confirmation', await confirm(order, null), 'SIGNATURE_MISSING'],
      ['unsigned status read', await status(order.reference, null), 'SIGNATURE_MISSING'],
    ];
    // Signed for one body or path, sent with another.
    const signedForOther = signedRequest({ path, body: assignment({ colour: 'YELLOW' }), key: anhui });
    refused.push([
      'body changed after signing',
      await postCodeAssignment(
        new Request(signedForOther.url, { method: 'POST', headers: signedForOther.headers, body }),
      ),
      'SIGNATURE_INVALID',
    ]);
    const signedForStatus = signedRequest({ path: `/api/v1/cases/${order.reference}/status`, key: anhui });
    refused.push([
      'signature of another path',
      await postConfirmation(
        new Request(`http://localhost/api/v1/corrections/${order.orderId}/confirmation`, {
          method: 'POST',
          headers: signedForStatus.headers,
          body: CONFIRMATION,
        }),
        {
          params: Promise.resolve({ orderId: order.orderId }),
        },
      ),
      'SIGNATURE_INVALID',
    ]);
    for (const [what, response, code] of refused) {
      const { status: httpStatus, body: answer } = await readJson(response);
      expect(httpStatus, what).toBe(401);
      expect(answer, what).toEqual({ error: { code, message: expect.any(String) } });
    }
    expect(await snapshot(order.caseId)).toEqual(before);
  });

  it('a replayed request is refused with 401 and changes nothing, even when the first changed something', async () => {
    const order = await decidedCaseWithOrder('34');
    const at = new Date();
    const first = await confirm(order, anhui, { at });
    expect(first.status).toBe(200);
    const after = await snapshot(order.caseId);
    const replay = await readJson(await confirm(order, anhui, { at }));
    expect(replay).toEqual({ status: 401, body: { error: { code: 'REPLAYED', message: expect.any(String) } } });
    expect(await snapshot(order.caseId)).toEqual(after);
    // Signed again with a new timestamp, the same confirmation is accepted (and is idempotent).
    const again = await readJson(await confirm(order, anhui, { at: new Date(at.getTime() + 1000) }));
    expect(again.status).toBe(200);
    expect(again.body.alreadyConfirmed).toBe(true);
  });

  it('a revoked key and a rotated key past its overlap are refused; during the overlap both keys work', async () => {
    const path = '/api/v1/code-assignments';
    const rotated = await rotateApiKey(admin, { keyId: anhui.keyId, overlapMinutes: 10 });
    const newKey = { ...anhui, keyId: rotated.keyId, secret: rotated.secret };
    expect((await postCodeAssignment(signedRequest({ path, body: assignment(), key: anhui }))).status).toBe(201);
    expect(
      (await postCodeAssignment(signedRequest({ path, body: assignment({ recordId: 'AH-2' }), key: newKey }))).status,
    ).toBe(201);
    await rotateApiKey(admin, { keyId: newKey.keyId, overlapMinutes: 0 });
    const expired = await readJson(
      await postCodeAssignment(signedRequest({ path, body: assignment({ recordId: 'AH-3' }), key: newKey })),
    );
    expect(expired).toMatchObject({ status: 401, body: { error: { code: 'SIGNATURE_INVALID' } } });
    await revokeApiKey(admin, { keyId: anhui.keyId });
    const revoked = await readJson(
      await postCodeAssignment(signedRequest({ path, body: assignment({ recordId: 'AH-4' }), key: anhui })),
    );
    expect(revoked).toMatchObject({ status: 401, body: { error: { code: 'SIGNATURE_INVALID' } } });
    expect(await db().codeAssignment.count()).toBe(2);
  });
});

describe('province isolation', () => {
  it("a key of province 41 gets 404 for province 34's case and order, and nothing changes", async () => {
    const order = await decidedCaseWithOrder('34');
    const before = await snapshot(order.caseId);
    expect(await readJson(await status(order.reference, henan))).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Not found.' } },
    });
    expect(await readJson(await confirm(order, henan))).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Not found.' } },
    });
    // An unknown reference and an unknown order answer exactly the same.
    expect(await readJson(await status('SS-34-20200101-000001', anhui))).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Not found.' } },
    });
    expect(await snapshot(order.caseId)).toEqual(before);
    expect((await status(order.reference, anhui)).status).toBe(200);
  });

  it("a key cannot push a code assignment for another province's unit", async () => {
    const answer = await readJson(
      await postCodeAssignment(
        signedRequest({
          path: '/api/v1/code-assignments',
          body: assignment({ issuingUnitCode: '410100' }),
          key: anhui,
        }),
      ),
    );
    expect(answer).toEqual({
      status: 422,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: expect.any(String),
          details: { issuingUnitCode: 'Must be a city or county of province 34.' },
        },
      },
    });
    expect(await db().codeAssignment.count()).toBe(0);
  });

  it('the same record id in two provinces is two records', async () => {
    const path = '/api/v1/code-assignments';
    expect((await postCodeAssignment(signedRequest({ path, body: assignment(), key: anhui }))).status).toBe(201);
    expect(
      (await postCodeAssignment(signedRequest({ path, body: assignment({ issuingUnitCode: '410100' }), key: henan })))
        .status,
    ).toBe(201);
    expect(
      await db().codeAssignment.groupBy({ by: ['provinceCode'], _count: true, orderBy: { provinceCode: 'asc' } }),
    ).toEqual([
      { provinceCode: '34', _count: 1 },
      { provinceCode: '41', _count: 1 },
    ]);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once the key has used its budget, and the refused request changes nothing', async () => {
    const limited = await setUpProvince('32', { admin, rateLimitPerMinute: 3 });
    const path = '/api/v1/code-assignments';
    const push = (n: number) =>
      postCodeAssignment(
        signedRequest({ path, body: assignment({ recordId: `JS-${n}`, issuingUnitCode: '320100' }), key: limited }),
      );
    for (const n of [1, 2, 3]) expect((await push(n)).status).toBe(201);
    const refused = await push(4);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(await db().codeAssignment.count({ where: { provinceCode: '32' } })).toBe(3);
    // Other keys have their own budget.
    expect((await postCodeAssignment(signedRequest({ path, body: assignment(), key: anhui }))).status).toBe(201);
  });
});

describe('correction confirmations', () => {
  it('records the confirmation on the order and the case, audits it in the case chain, and is idempotent', async () => {
    const order = await decidedCaseWithOrder('34');
    const answer = await readJson(await confirm(order, anhui));
    expect(answer.status).toBe(200);
    const result = confirmationResultSchema.parse(answer.body);
    expect(result).toMatchObject({ orderId: order.orderId, reference: order.reference, alreadyConfirmed: false });
    const appealCase = await db().case.findFirstOrThrow({ where: { id: order.caseId } });
    expect(appealCase.correctionConfirmedAt?.toISOString()).toBe(result.confirmedAt);
    // Not delivered before: the province evidently has it, so it counts as sent now.
    expect(appealCase.correctionSentAt).not.toBeNull();
    const events = await db().auditEvent.findMany({ where: { caseId: order.caseId, action: 'CORRECTION_CONFIRMED' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ chain: '34', actorRole: 'HEALTH_CODE_SYSTEM', actorId: null });

    const twice = await readJson(await confirm(order, anhui, { at: new Date(Date.now() + 1000) }));
    expect(twice.body).toEqual({ ...result, alreadyConfirmed: true });
    expect(await db().auditEvent.count({ where: { caseId: order.caseId, action: 'CORRECTION_CONFIRMED' } })).toBe(1);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it('refuses a colour other than the order asks for (409) and two simultaneous confirmations apply once', async () => {
    const order = await decidedCaseWithOrder('34');
    const wrong = await readJson(
      await confirm(order, anhui, { body: JSON.stringify({ appliedAt: new Date().toISOString(), colour: 'YELLOW' }) }),
    );
    expect(wrong).toMatchObject({ status: 409, body: { error: { code: 'CORRECTION_MISMATCH' } } });
    expect((await db().outboxEvent.findFirstOrThrow({ where: { id: order.orderId } })).confirmedAt).toBeNull();
    const now = Date.now();
    const answers = await Promise.all(
      [0, 1, 2].map((i) => confirm(order, anhui, { at: new Date(now + i * 1000) }).then(readJson)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.body.alreadyConfirmed === false)).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { caseId: order.caseId, action: 'CORRECTION_CONFIRMED' } })).toBe(1);
  });
});
