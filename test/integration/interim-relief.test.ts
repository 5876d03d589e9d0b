// Interim relief (SPEC §15) against a real PostgreSQL: asked for at filing or later, granted or refused by the case's
// reviewer or a supervisor, granted at once by the system on prima facie overreach, reverted on expiry (supervisors
// alerted), made permanent or reverted by the decision, confirmed by the province through the API; outsiders get
// "not found" and change nothing. Every step is in the case's audit chain, which still verifies.
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as postConfirmation } from '@/app/api/v1/corrections/[orderId]/confirmation/route';
import { GET as getCaseStatus } from '@/app/api/v1/cases/[reference]/status/route';
import { verifyAuditChains } from '@/lib/audit/verify';
import { getPrisma } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import { CaseNotFoundError, ConflictError, ValidationError } from '@/lib/core/errors';
import { interimReliefOrderPayloadSchema } from '@/lib/integration/outbox-payloads';
import { caseStatusSchema, interimReliefOrderWebhookSchema } from '@/lib/integration/schemas';
import { buildWebhookBody } from '@/lib/integration/webhook-payload';
import { MAX_RELIEF_HOURS } from '@/lib/cases/rules/interim-relief';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { decideInterimRelief } from '@/lib/cases/use-cases/decide-interim-relief';
import { expireInterimRelief } from '@/lib/cases/use-cases/expire-interim-relief';
import { requestInterimRelief } from '@/lib/cases/use-cases/request-interim-relief';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { getReliefOverview } from '@/lib/supervision/interim-relief';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { readJson, resetIntegrationData, setUpProvince, signedRequest, type ProvinceKey } from './helpers';

const db = () => getPrisma();
const HOUR = 3600_000;
const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';
const GRANT_REASON = '申诉人需要明日到医院复诊，先行临时更正。';

let citizen: TestUser;
let otherCitizen: TestUser;
let reviewer: TestUser;
let otherReviewer: TestUser;
let supervisor: TestUser;
let henanReviewer: TestUser;
let henanSupervisor: TestUser;
let anhui: ProvinceKey;
let henan: ProvinceKey;

/** A red code for a close contact: red is allowed, so no prima facie overreach (nothing is granted automatically). */
async function fileOrdinary(overrides: Parameters<typeof validFiling>[0] = {}) {
  const { case: filed } = await submitAppeal(citizen, validFiling({ statedReasonCode: 'CLOSE_CONTACT', ...overrides }));
  expect(filed.primaFacieOverreach).toBe(false);
  expect(filed.assigneeId).toBe(reviewer.id);
  return filed;
}

async function reliefsOf(caseId: string) {
  return db().interimRelief.findMany({ where: { caseId }, orderBy: { requestedAt: 'asc' } });
}

async function reliefOrders(caseId: string) {
  const rows = await db().outboxEvent.findMany({
    where: { caseId, kind: 'INTERIM_RELIEF_ORDER' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({
    id: row.id,
    provinceCode: row.provinceCode,
    ...interimReliefOrderPayloadSchema.parse(row.payload),
  }));
}

async function actionsOf(caseId: string) {
  const events = await db().auditEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
  return events.map((event) => [event.action, event.actorRole] as const);
}

async function notificationsOf(caseId: string) {
  const rows = await db().notification.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => [row.template, row.channel, row.recipientUserId] as const);
}

async function requestRelief(filed: Case, actor: TestUser = citizen) {
  return requestInterimRelief(actor, { caseId: filed.id, reason: 'MEDICAL_CARE', detail: '需要去医院做透析' });
}

async function grant(
  filed: Case,
  actor: TestUser = reviewer,
  toColour: 'GREEN' | 'YELLOW' = 'GREEN',
  extra: { expectedVersion?: number } = {},
) {
  const pending = (await reliefsOf(filed.id)).find((relief) => relief.status === 'REQUESTED');
  return decideInterimRelief(actor, {
    caseId: filed.id,
    reliefId: pending!.id,
    expectedVersion: pending!.version,
    decision: 'GRANT',
    toColour,
    reason: GRANT_REASON,
    ...extra,
  });
}

/** Starts the review and decides the case as its reviewer. */
async function decide(filed: Case, outcome: 'UPHELD' | 'REVOKED') {
  const started = await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version });
  return decideCase(reviewer, {
    caseId: filed.id,
    expectedVersion: started.case.version,
    outcome,
    ruleCode: 'CLOSE_CONTACT',
    reasons: REASONS,
  });
}

async function snapshot() {
  const [reliefs, events, outbox, notifications] = await Promise.all([
    db().interimRelief.findMany({ orderBy: { id: 'asc' } }),
    db().auditEvent.count(),
    db().outboxEvent.count(),
    db().notification.count(),
  ]);
  return { reliefs, events, outbox, notifications };
}

function confirm(orderId: string, key: ProvinceKey, colour: string) {
  const body = JSON.stringify({ appliedAt: new Date(Date.now() - 60_000).toISOString(), colour });
  const path = `/api/v1/corrections/${orderId}/confirmation`;
  return postConfirmation(signedRequest({ path, body, key }), { params: Promise.resolve({ orderId }) });
}

beforeEach(async () => {
  await resetIntegrationData();
  anhui = await setUpProvince('34');
  henan = await setUpProvince('41');
  citizen = await createUser('CITIZEN');
  otherCitizen = await createUser('CITIZEN');
  // The reviewer gets Anhui's cases (Hefei codes; the reviewer is from Wuhu, no conflict of interest).
  reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
  otherReviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200', capacity: 0 });
  supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
  henanReviewer = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410200' });
  henanSupervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
});

describe('asking and deciding', () => {
  it('a citizen asks from the case page; the reviewer grants a temporary yellow with a 72-hour expiry', async () => {
    const filed = await fileOrdinary();
    const before = Date.now();
    const requested = await requestRelief(filed);
    expect(requested).toMatchObject({ status: 'REQUESTED', reason: 'MEDICAL_CARE', fromColour: 'RED' });
    // The reviewer holding the case is told there is a request to answer.
    expect(await notificationsOf(filed.id)).toContainEqual(['INTERIM_RELIEF_REQUESTED', 'IN_APP', reviewer.id]);

    const granted = await grant(filed, reviewer, 'YELLOW');
    expect(granted).toMatchObject({
      status: 'GRANTED',
      toColour: 'YELLOW',
      decidedById: reviewer.id,
      decidedByRole: 'REVIEWER',
      automatic: false,
      decisionReason: GRANT_REASON,
    });
    const expiry = granted.expiresAt!.getTime() - granted.decidedAt!.getTime();
    expect(expiry).toBe(MAX_RELIEF_HOURS * HOUR);
    expect(granted.decidedAt!.getTime()).toBeGreaterThanOrEqual(before);

    const [order] = await reliefOrders(filed.id);
    expect(order).toMatchObject({
      id: granted.orderId,
      provinceCode: '34',
      action: 'GRANT',
      fromColour: 'RED',
      toColour: 'YELLOW',
      reliefId: granted.id,
      expiresAt: granted.expiresAt!.toISOString(),
      cause: null,
    });
    const sms = await db().notification.findFirstOrThrow({
      where: { caseId: filed.id, template: 'INTERIM_RELIEF_GRANTED' },
    });
    expect(sms).toMatchObject({ channel: 'SMS', recipientMobile: filed.mobile });
    expect(sms.params).toMatchObject({ reference: filed.reference, colour: 'YELLOW' });
    // The case itself is untouched: relief is not a decision.
    const after = await db().case.findFirstOrThrow({ where: { id: filed.id } });
    expect(after).toMatchObject({ state: filed.state, version: filed.version, correctionSentAt: null });

    expect(await actionsOf(filed.id)).toEqual(
      expect.arrayContaining([
        ['INTERIM_RELIEF_REQUESTED', 'CITIZEN'],
        ['INTERIM_RELIEF_GRANTED', 'REVIEWER'],
      ]),
    );
    const grantedEvent = await db().auditEvent.findFirstOrThrow({
      where: { caseId: filed.id, action: 'INTERIM_RELIEF_GRANTED' },
    });
    expect(grantedEvent.chain).toBe('34');
    expect(grantedEvent.reason).toBe(GRANT_REASON);
    // The citizen's own words never enter the chain.
    const chain = await db().auditEvent.findMany({
      where: { caseId: filed.id },
      select: { after: true, reason: true },
    });
    expect(JSON.stringify(chain)).not.toContain('透析');
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it("a supervisor of the case's province refuses with a reason; the citizen may ask again later", async () => {
    const filed = await fileOrdinary();
    await requestRelief(filed);
    await expect(requestRelief(filed)).rejects.toMatchObject({ messageKey: 'errors.reliefAlreadyOpen' });
    const [pending] = await reliefsOf(filed.id);
    const refused = await decideInterimRelief(supervisor, {
      caseId: filed.id,
      reliefId: pending!.id,
      expectedVersion: pending!.version,
      decision: 'REFUSE',
      reason: '申诉人未说明就医安排，暂不予临时更正。',
    });
    expect(refused).toMatchObject({ status: 'REFUSED', decidedById: supervisor.id, toColour: null, orderId: null });
    expect(await reliefOrders(filed.id)).toEqual([]);
    expect(await notificationsOf(filed.id)).toContainEqual(['INTERIM_RELIEF_REFUSED', 'SMS', null]);
    expect(await actionsOf(filed.id)).toContainEqual(['INTERIM_RELIEF_REFUSED', 'SUPERVISOR']);
    // A refused request is answered: deciding it again is refused and changes nothing.
    const before = await snapshot();
    await expect(
      decideInterimRelief(supervisor, {
        caseId: filed.id,
        reliefId: pending!.id,
        expectedVersion: refused.version,
        decision: 'GRANT',
        toColour: 'GREEN',
        reason: GRANT_REASON,
      }),
    ).rejects.toMatchObject({ messageKey: 'errors.reliefNotPending' });
    expect(await snapshot()).toEqual(before);
    // A new request after a refusal is allowed (circumstances change).
    await requestInterimRelief(citizen, { caseId: filed.id, reason: 'WORK', detail: null });
    expect((await reliefsOf(filed.id)).map((row) => row.status)).toEqual(['REFUSED', 'REQUESTED']);
  });

  it('is granted at once by the system at filing when the case is prima facie overreach', async () => {
    // A red code for a spatio-temporal companion: the catalogue allows yellow at most.
    const { case: filed } = await submitAppeal(
      citizen,
      validFiling({ reliefReason: 'TRAVEL', reliefDetail: '下周需回老家照顾老人' }),
    );
    expect(filed.primaFacieOverreach).toBe(true);
    const [relief] = await reliefsOf(filed.id);
    expect(relief).toMatchObject({
      status: 'GRANTED',
      reason: 'TRAVEL',
      detail: '下周需回老家照顾老人',
      automatic: true,
      decidedById: null,
      decidedByRole: 'SYSTEM',
      toColour: 'GREEN',
    });
    expect(relief!.requestedAt.getTime()).toBe(filed.filedAt.getTime());
    const [order] = await reliefOrders(filed.id);
    expect(order).toMatchObject({ action: 'GRANT', toColour: 'GREEN', fromColour: 'RED' });
    // Filed, then asked by the citizen, then granted by the system: all in the filing's transaction and chain.
    const actions = await actionsOf(filed.id);
    expect(actions.filter(([action]) => action.startsWith('INTERIM_RELIEF') || action === 'CASE_FILED')).toEqual([
      ['CASE_FILED', 'CITIZEN'],
      ['INTERIM_RELIEF_REQUESTED', 'CITIZEN'],
      ['INTERIM_RELIEF_GRANTED', 'SYSTEM'],
    ]);
    const grantedEvent = await db().auditEvent.findFirstOrThrow({
      where: { caseId: filed.id, action: 'INTERIM_RELIEF_GRANTED' },
    });
    expect(grantedEvent.after).toMatchObject({ automatic: true, basis: 'PRIMA_FACIE_OVERREACH' });
    // Asked for later on an overreach case: granted at once too.
    const { case: second } = await submitAppeal(citizen, validFiling());
    expect(await reliefsOf(second.id)).toEqual([]);
    expect(await requestRelief(second)).toMatchObject({ status: 'GRANTED', automatic: true });
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it('a filing asking for relief on an ordinary case leaves it waiting; bad relief fields are refused whole', async () => {
    const filed = await fileOrdinary({ reliefReason: 'WORK', reliefDetail: '' });
    expect(await reliefsOf(filed.id)).toMatchObject([{ status: 'REQUESTED', reason: 'WORK', detail: null }]);
    const none = await fileOrdinary({ reliefReason: '', reliefDetail: '' });
    expect(await reliefsOf(none.id)).toEqual([]);

    const before = await db().case.count();
    const refusals: [Parameters<typeof validFiling>[0], string, string][] = [
      [{ reliefReason: 'HOLIDAY' as never }, 'reliefReason', 'filing.errors.reliefReasonInvalid'],
      [{ reliefReason: 'WORK', reliefDetail: 'x'.repeat(501) }, 'reliefDetail', 'filing.errors.reliefDetailTooLong'],
      [{ reliefDetail: '需要上班' }, 'reliefReason', 'filing.errors.reliefDetailWithoutReason'],
    ];
    for (const [overrides, field, key] of refusals) {
      const error = await submitAppeal(citizen, validFiling(overrides)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors[field]).toBe(key);
    }
    expect(await db().case.count()).toBe(before);
  });

  it('only the reviewer holding the case or a supervisor decides, with a colour milder than the code', async () => {
    const filed = await fileOrdinary();
    await requestRelief(filed);
    const [pending] = await reliefsOf(filed.id);
    const before = await snapshot();
    await expect(grant(filed, otherReviewer)).rejects.toMatchObject({ messageKey: 'errors.reliefNotDecider' });
    await expect(grant(filed, citizen)).rejects.toMatchObject({ messageKey: 'errors.reliefNotDecider' });
    await expect(grant(filed, reviewer, 'GREEN', { expectedVersion: pending!.version + 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await snapshot()).toEqual(before);

    // A yellow code can only become green.
    const yellow = await fileOrdinary({ colour: 'YELLOW', statedReasonCode: 'SECONDARY_CLOSE_CONTACT' });
    await requestRelief(yellow);
    await expect(grant(yellow, reviewer, 'YELLOW')).rejects.toMatchObject({
      messageKey: 'errors.reliefColourNotAllowed',
    });
  });
});

describe('how relief ends', () => {
  it('expiry without a decision reverts it, tells the citizen and alerts the supervisors; a second run does nothing', async () => {
    const filed = await fileOrdinary();
    await requestRelief(filed);
    const granted = await grant(filed);
    // Not yet expired: nothing happens.
    expect(await expireInterimRelief(new Date(granted.expiresAt!.getTime() - 1000))).toEqual({ expired: 0 });
    const later = new Date(granted.expiresAt!.getTime() + 60_000);
    expect(await expireInterimRelief(later)).toEqual({ expired: 1 });
    const [relief] = await reliefsOf(filed.id);
    expect(relief).toMatchObject({ status: 'REVERTED', endCause: 'EXPIRED' });
    expect(relief!.endedAt?.getTime()).toBe(later.getTime());
    const orders = await reliefOrders(filed.id);
    expect(orders.map((order) => [order.action, order.fromColour, order.toColour, order.cause])).toEqual([
      ['GRANT', 'RED', 'GREEN', null],
      ['REVERT', 'GREEN', 'RED', 'EXPIRED'],
    ]);
    expect(relief!.revertOrderId).toBe(orders[1]!.id);
    const notices = await notificationsOf(filed.id);
    expect(notices).toContainEqual(['INTERIM_RELIEF_REVERTED', 'SMS', null]);
    expect(notices).toContainEqual(['INTERIM_RELIEF_EXPIRED', 'IN_APP', supervisor.id]);
    expect(await actionsOf(filed.id)).toContainEqual(['INTERIM_RELIEF_REVERTED', 'SYSTEM']);
    // Idempotent: a second run (or a second scheduler) finds nothing left.
    const before = await snapshot();
    expect(await expireInterimRelief(new Date(later.getTime() + 60_000))).toEqual({ expired: 0 });
    expect(await snapshot()).toEqual(before);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it('a decision in the citizen’s favour makes it permanent', async () => {
    const filed = await fileOrdinary();
    await requestRelief(filed);
    await grant(filed, reviewer, 'YELLOW');
    await decide(filed, 'REVOKED');
    const [relief] = await reliefsOf(filed.id);
    expect(relief).toMatchObject({ status: 'PERMANENT', endCause: 'DECISION_CORRECTS', revertOrderId: null });
    const decision = await db().decision.findFirstOrThrow({ where: { caseId: filed.id } });
    const orders = await reliefOrders(filed.id);
    expect(orders.map((order) => [order.action, order.cause, order.decisionId])).toEqual([
      ['GRANT', null, null],
      ['MAKE_PERMANENT', 'DECISION_CORRECTS', decision.id],
    ]);
    // The decision's own correction order sets the final colour.
    expect(await db().outboxEvent.count({ where: { caseId: filed.id, kind: 'CORRECTION_ORDER' } })).toBe(1);
    expect(await notificationsOf(filed.id)).toContainEqual(['INTERIM_RELIEF_PERMANENT', 'SMS', null]);
    // Nothing left to expire.
    expect(await expireInterimRelief(new Date(Date.now() + 100 * HOUR))).toEqual({ expired: 0 });
  });

  it('a decision keeping the code reverts it; a request nobody answered lapses', async () => {
    const filed = await fileOrdinary();
    await requestRelief(filed);
    await grant(filed);
    await decide(filed, 'UPHELD');
    const [relief] = await reliefsOf(filed.id);
    expect(relief).toMatchObject({ status: 'REVERTED', endCause: 'DECISION_UPHOLDS' });
    const orders = await reliefOrders(filed.id);
    expect(orders.map((order) => [order.action, order.fromColour, order.toColour])).toEqual([
      ['GRANT', 'RED', 'GREEN'],
      ['REVERT', 'GREEN', 'RED'],
    ]);
    expect(await actionsOf(filed.id)).toContainEqual(['INTERIM_RELIEF_REVERTED', 'REVIEWER']);

    const waiting = await fileOrdinary();
    await requestRelief(waiting);
    await decide(waiting, 'REVOKED');
    expect(await reliefsOf(waiting.id)).toMatchObject([{ status: 'LAPSED', endCause: 'DECISION_CORRECTS' }]);
    expect(await reliefOrders(waiting.id)).toEqual([]);
    // Decided: no more relief on this case.
    await expect(requestRelief(waiting)).rejects.toMatchObject({ messageKey: 'errors.reliefNotAvailable' });
  });

  it('withdrawing the appeal reverts relief in force', async () => {
    const filed = await fileOrdinary();
    await requestRelief(filed);
    await grant(filed);
    await withdrawCase(citizen, { caseId: filed.id });
    expect(await reliefsOf(filed.id)).toMatchObject([{ status: 'REVERTED', endCause: 'WITHDRAWN' }]);
    expect((await reliefOrders(filed.id)).map((order) => order.action)).toEqual(['GRANT', 'REVERT']);
  });
});

describe('the province system', () => {
  it('confirms a temporary correction and its revert like a correction order, and reads relief in the case status', async () => {
    const filed = await fileOrdinary();
    await requestRelief(filed);
    const granted = await grant(filed, reviewer, 'YELLOW');
    // The wrong colour is refused; another province's key does not find the order.
    expect((await confirm(granted.orderId!, anhui, 'GREEN')).status).toBe(409);
    expect((await confirm(granted.orderId!, henan, 'YELLOW')).status).toBe(404);
    const confirmed = await readJson(await confirm(granted.orderId!, anhui, 'YELLOW'));
    expect(confirmed).toMatchObject({ status: 200, body: { orderId: granted.orderId, alreadyConfirmed: false } });
    const again = await readJson(await confirm(granted.orderId!, anhui, 'YELLOW'));
    expect(again.body).toMatchObject({ alreadyConfirmed: true });

    const [relief] = await reliefsOf(filed.id);
    expect(relief!.orderConfirmedAt).not.toBeNull();
    expect(await notificationsOf(filed.id)).toContainEqual(['INTERIM_RELIEF_CONFIRMED', 'SMS', null]);
    const events = await db().auditEvent.findMany({ where: { caseId: filed.id, action: 'INTERIM_RELIEF_CONFIRMED' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ chain: '34', actorRole: 'HEALTH_CODE_SYSTEM' });
    expect(events[0]!.after).toMatchObject({ reliefId: granted.id, reliefAction: 'GRANT', colour: 'YELLOW' });
    // The decision's effectuation fields are not the relief's.
    expect(await db().case.findFirstOrThrow({ where: { id: filed.id } })).toMatchObject({
      correctionConfirmedAt: null,
      correctionSentAt: null,
    });

    const path = `/api/v1/cases/${filed.reference}/status`;
    const status = await readJson(
      await getCaseStatus(signedRequest({ path, key: anhui }), {
        params: Promise.resolve({ reference: filed.reference }),
      }),
    );
    expect(status.status).toBe(200);
    const parsed = caseStatusSchema.parse(status.body);
    expect(parsed.interimRelief).toMatchObject({
      status: 'GRANTED',
      toColour: 'YELLOW',
      orderId: granted.orderId,
      automatic: false,
    });
    expect(parsed.interimRelief?.confirmedAt).not.toBeNull();
    expect(JSON.stringify(status.body)).not.toContain('MEDICAL_CARE');

    // The revert on expiry is confirmed the same way, back to red.
    await expireInterimRelief(new Date(granted.expiresAt!.getTime() + 1000));
    const [, revert] = await reliefOrders(filed.id);
    expect((await confirm(revert!.id, anhui, 'RED')).status).toBe(200);
    expect((await reliefsOf(filed.id))[0]!.revertConfirmedAt).not.toBeNull();
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });
});

describe('the webhook', () => {
  it('carries a relief order in the envelope the OpenAPI document describes, with the id to confirm', async () => {
    const filed = await fileOrdinary();
    await requestRelief(filed);
    const granted = await grant(filed, reviewer, 'YELLOW');
    const event = await db().outboxEvent.findFirstOrThrow({
      where: { caseId: filed.id, kind: 'INTERIM_RELIEF_ORDER' },
    });
    const body = interimReliefOrderWebhookSchema.parse(JSON.parse(await buildWebhookBody(db(), event)));
    expect(body).toMatchObject({
      id: granted.orderId,
      type: 'INTERIM_RELIEF_ORDER',
      provinceCode: '34',
      data: { orderId: granted.orderId, action: 'GRANT', toColour: 'YELLOW', reference: filed.reference },
    });
    expect(body.data.expiresAt).toBe(granted.expiresAt!.toISOString());
  });
});

describe('outsiders', () => {
  it("another citizen's or another province's case is not found and nothing changes", async () => {
    const filed = await fileOrdinary();
    await requestRelief(filed);
    const before = await snapshot();
    await expect(requestRelief(filed, otherCitizen)).rejects.toBeInstanceOf(CaseNotFoundError);
    for (const outsider of [henanReviewer, henanSupervisor]) {
      await expect(grant(filed, outsider)).rejects.toBeInstanceOf(CaseNotFoundError);
    }
    // Staff do not ask for relief on a citizen's behalf.
    await expect(requestRelief(filed, reviewer)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('supervision', () => {
  it('shows requests waiting, the time from filing to relief and grants by issuing authority, in scope only', async () => {
    const waiting = await fileOrdinary();
    await requestRelief(waiting);
    const granted = await fileOrdinary();
    await requestRelief(granted);
    await grant(granted);
    await submitAppeal(citizen, validFiling({ reliefReason: 'WORK' }));

    const now = new Date(Date.now() + 2 * HOUR);
    const overview = await getReliefOverview(supervisor, now);
    expect(overview).toMatchObject({ waitingCount: 1, inForce: 2, granted: 2 });
    expect(overview.waiting).toMatchObject([{ reference: waiting.reference, reason: 'MEDICAL_CARE' }]);
    expect(overview.waiting[0]!.waitingHours).toBeGreaterThan(1.9);
    // Both grants came within seconds of filing.
    expect(overview.medianHoursToRelief).not.toBeNull();
    expect(overview.medianHoursToRelief!).toBeLessThan(0.1);
    expect(overview.byAuthority).toEqual([
      {
        issuingUnitCode: '340100',
        issuingUnitName: expect.stringContaining('合肥') as string,
        granted: 2,
        automatic: 1,
        permanent: 0,
        reverted: 0,
      },
    ]);
    // Another province's supervisor sees none of it; a national one sees it all.
    expect(await getReliefOverview(henanSupervisor, now)).toMatchObject({
      waitingCount: 0,
      granted: 0,
      waiting: [],
      byAuthority: [],
      medianHoursToRelief: null,
    });
    const national = await createUser('SUPERVISOR', { provinceCode: null });
    expect(await getReliefOverview(national, now)).toMatchObject({ waitingCount: 1, granted: 2 });
  });
});
