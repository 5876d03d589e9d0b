// Onboarding a province (SPEC §18) through the use cases the admin pages and `npm run integration` call: a real signed
// test delivery to a loopback receiver, replay of a failed delivery, the delivery log's filters, the status of every
// province, and refusals (other roles, bad input) that change nothing. Everything audited in the national chain.
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { GET as getCaseStatus } from '@/app/api/v1/cases/[reference]/status/route';
import { NATIONAL_CHAIN } from '@/lib/audit/append';
import { verifyAuditChains } from '@/lib/audit/verify';
import { ForbiddenActionError, ValidationError } from '@/lib/core/errors';
import { getPrisma } from '@/lib/db/client';
import { createApiKey, revokeApiKey, rotateApiKey } from '@/lib/integration/api-keys';
import { runDeliveryCycle } from '@/lib/integration/deliver-webhooks';
import { listIntegrationStatus } from '@/lib/integration/integration-status';
import { listDeliveryLog } from '@/lib/integration/list-delivery-log';
import { configureProvinceSystem } from '@/lib/integration/province-systems';
import { replayDelivery } from '@/lib/integration/replay-delivery';
import { sendTestDelivery } from '@/lib/integration/send-test-delivery';
import { verifySignature } from '@/lib/integration/signature';
import { createUser, type TestUser } from '@/test/support/fixtures';
import {
  createAdmin,
  decidedCaseWithOrder,
  resetIntegrationData,
  setUpProvince,
  signedRequest,
  WebhookReceiver,
  type ProvinceKey,
} from './helpers';

const db = () => getPrisma();
const STARTED = Math.floor(Date.now() / 1000) * 1000;
let admin: TestUser;
let receiver: WebhookReceiver;
let anhui: ProvinceKey;

beforeEach(async () => {
  await resetIntegrationData();
  admin = await createAdmin();
  receiver = new WebhookReceiver();
  await receiver.start();
  anhui = await setUpProvince('34', { admin, webhookUrl: receiver.url });
});

afterEach(async () => {
  await receiver.stop();
});

async function auditActions(): Promise<string[]> {
  const events = await db().auditEvent.findMany({ where: { chain: NATIONAL_CHAIN }, orderBy: { seq: 'asc' } });
  return events.map((event) => event.action);
}

let requests = 0;
/** Each request signed at another second (back from a fixed start), so two identical requests are no replay. */
function statusRequest(reference: string, key: { keyId: string; secret: string }) {
  requests += 1;
  const at = new Date(STARTED - requests * 1000);
  const request = signedRequest({ path: `/api/v1/cases/${reference}/status`, key, at });
  return getCaseStatus(request, { params: Promise.resolve({ reference }) });
}

describe('test delivery', () => {
  it('posts a signed TEST event to the webhook, shows the answer and audits it', async () => {
    const result = await sendTestDelivery(admin, { provinceCode: '34' });
    expect(result).toMatchObject({ delivered: true, httpStatus: 200, error: null, webhookUrl: receiver.url });
    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    expect(webhook).toMatchObject({ eventType: 'TEST', eventId: result.eventId, path: '/hooks/health-code?via=test' });
    expect(JSON.parse(webhook!.body)).toMatchObject({ id: result.eventId, type: 'TEST', provinceCode: '34' });
    // The receiver can check it with the webhook secret exactly as it checks real deliveries.
    expect(
      verifySignature(
        anhui.webhookSecret!,
        { timestamp: webhook!.timestamp, method: 'POST', path: webhook!.path, body: webhook!.body },
        webhook!.signature,
      ),
    ).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'WEBHOOK_TEST_SENT' } });
    expect(audit).toMatchObject({ actorId: admin.id, actorRole: 'ADMIN' });
    expect(audit.after).toMatchObject({ provinceCode: '34', delivered: true, httpStatus: 200 });
    // Nothing was queued: a test is not an outbox event.
    expect(await db().outboxEvent.count({ where: { provinceCode: '34' } })).toBe(0);
  });

  it('reports a refusing receiver and an unreachable one as failures', async () => {
    receiver.respond = () => 500;
    expect(await sendTestDelivery(admin, { provinceCode: '34' })).toMatchObject({
      delivered: false,
      httpStatus: 500,
      error: 'HTTP 500',
    });
    await receiver.stop();
    const unreachable = await sendTestDelivery(admin, { provinceCode: '34' }, { timeoutMs: 2000 });
    expect(unreachable).toMatchObject({ delivered: false, httpStatus: null });
    expect(unreachable.error).toMatch(/^TypeError: (ECONNREFUSED|UND_ERR_SOCKET)/);
  });

  it('is refused for a province without a webhook or system, and for anyone but an administrator', async () => {
    await configureProvinceSystem(admin, { provinceCode: '34', name: '安徽', webhookUrl: '' });
    await expect(sendTestDelivery(admin, { provinceCode: '34' })).rejects.toMatchObject({
      fieldErrors: { provinceCode: 'integration.errors.webhookMissing' },
    });
    await expect(sendTestDelivery(admin, { provinceCode: '41' })).rejects.toMatchObject({
      fieldErrors: { provinceCode: 'integration.errors.provinceSystemMissing' },
    });
    const reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340100' });
    await expect(sendTestDelivery(reviewer, { provinceCode: '34' })).rejects.toBeInstanceOf(ForbiddenActionError);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('replay of a failed delivery', () => {
  it('delivers a failed event at once, audits the replay and leaves a delivered event alone', async () => {
    const order = await decidedCaseWithOrder('34');
    receiver.respond = () => 503;
    expect(await runDeliveryCycle()).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await db().outboxEvent.findUniqueOrThrow({
      where: { provinceCode_id: { provinceCode: '34', id: order.orderId } },
    });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    receiver.respond = () => 200;
    const result = await replayDelivery(admin, { provinceCode: '34', outboxEventId: order.orderId });
    expect(result.attempt).toMatchObject({ attempt: 2, delivered: true, httpStatus: 200, eventStatus: 'SENT' });
    expect(receiver.received.map((webhook) => webhook.eventId)).toEqual([order.orderId, order.orderId]);
    const replayed = await db().auditEvent.findFirstOrThrow({ where: { action: 'WEBHOOK_DELIVERY_REPLAYED' } });
    expect(replayed.after).toMatchObject({ outboxEventId: order.orderId, attemptsBefore: 1, lastError: 'HTTP 503' });
    // The success path of the worker ran: the correction is recorded as ordered.
    expect(await db().auditEvent.count({ where: { action: 'CORRECTION_ORDERED', caseId: order.caseId } })).toBe(1);

    await expect(replayDelivery(admin, { provinceCode: '34', outboxEventId: order.orderId })).rejects.toMatchObject({
      fieldErrors: { outboxEventId: 'integration.errors.eventNotFailed' },
    });
    // Another province's code does not find the event.
    await expect(replayDelivery(admin, { provinceCode: '41', outboxEventId: order.orderId })).rejects.toMatchObject({
      fieldErrors: { outboxEventId: 'integration.errors.eventUnknown' },
    });
    expect(receiver.received).toHaveLength(2);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it('a replay that fails again is logged and stays for the worker; non-administrators change nothing', async () => {
    const order = await decidedCaseWithOrder('34');
    receiver.respond = () => 500;
    await runDeliveryCycle();
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    const before = await db().auditEvent.count();
    await expect(
      replayDelivery(supervisor, { provinceCode: '34', outboxEventId: order.orderId }),
    ).rejects.toBeInstanceOf(ForbiddenActionError);
    expect(await db().auditEvent.count()).toBe(before);
    expect(receiver.received).toHaveLength(1);

    const result = await replayDelivery(admin, { provinceCode: '34', outboxEventId: order.orderId });
    expect(result.attempt).toMatchObject({ attempt: 2, delivered: false, httpStatus: 500, eventStatus: 'PENDING' });
    expect(await db().outboxEvent.findFirstOrThrow({ where: { id: order.orderId } })).toMatchObject({
      status: 'PENDING',
      attempts: 2,
    });
  });
});

describe('delivery log filters', () => {
  it('filters by result, event type and Asia/Shanghai days, and refuses bad filters', async () => {
    const order = await decidedCaseWithOrder('34');
    receiver.respond = (_webhook, index) => (index === 0 ? 500 : 200);
    await runDeliveryCycle();
    await replayDelivery(admin, { provinceCode: '34', outboxEventId: order.orderId });
    const all = await listDeliveryLog(admin, { provinceCode: '34' });
    expect(all.map((row) => [row.attempt, row.delivered])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(await listDeliveryLog(admin, { provinceCode: '34', result: 'failed' })).toMatchObject([{ attempt: 1 }]);
    expect(await listDeliveryLog(admin, { provinceCode: '34', kind: 'STATUS_CHANGED' })).toEqual([]);
    expect(await listDeliveryLog(admin, { provinceCode: '34', kind: 'CORRECTION_ORDER' })).toHaveLength(2);
    expect(await listDeliveryLog(admin, { provinceCode: '41' })).toEqual([]);

    // Attempts at 23:30 on 1 March (Shanghai) belong to that day, not to 2 March (UTC already says 1 March 15:30).
    await db().webhookDelivery.updateMany({
      where: { outboxEventId: order.orderId, attempt: 1 },
      data: { attemptedAt: new Date('2026-03-01T15:30:00Z') },
    });
    expect(await listDeliveryLog(admin, { provinceCode: '34', from: '2026-03-01', to: '2026-03-01' })).toMatchObject([
      { attempt: 1 },
    ]);
    expect(await listDeliveryLog(admin, { provinceCode: '34', from: '2026-03-02', to: '2026-03-02' })).toEqual([]);

    await expect(listDeliveryLog(admin, { provinceCode: '34', from: '1 March' })).rejects.toMatchObject({
      fieldErrors: { from: 'integration.errors.dayInvalid' },
    });
    for (const impossible of ['2026-13-01', '2026-02-30']) {
      await expect(listDeliveryLog(admin, { provinceCode: '34', to: impossible })).rejects.toMatchObject({
        fieldErrors: { to: 'integration.errors.dayInvalid' },
      });
    }
    await expect(
      listDeliveryLog(admin, { provinceCode: '34', from: '2026-03-02', to: '2026-03-01' }),
    ).rejects.toMatchObject({ fieldErrors: { to: 'integration.errors.dayOrder' } });
    await expect(listDeliveryLog(admin, { provinceCode: '34', result: 'lost' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(listDeliveryLog(admin, { provinceCode: '99' })).rejects.toMatchObject({
      fieldErrors: { provinceCode: 'integration.errors.provinceUnknown' },
    });
    const citizen = await createUser('CITIZEN');
    await expect(listDeliveryLog(citizen, { provinceCode: '34' })).rejects.toBeInstanceOf(ForbiddenActionError);
  });
});

describe('integration status of every province', () => {
  it('shows connection, keys, last inbound request, last delivery, failures and unconfirmed corrections', async () => {
    const order = await decidedCaseWithOrder('34');
    receiver.respond = () => 502;
    await runDeliveryCycle();
    const { reference } = order;
    expect((await statusRequest(reference, anhui)).status).toBe(200);

    const rows = await listIntegrationStatus(admin);
    expect(rows).toHaveLength(31);
    const anhuiRow = rows.find((row) => row.provinceCode === '34')!;
    expect(anhuiRow).toMatchObject({
      provinceName: '安徽省',
      systemName: '省级健康码系统 34',
      webhookUrl: receiver.url,
      liveKeys: 1,
      lastDeliveryOk: false,
      recentFailures: 1,
      failingEvents: 1,
      unconfirmedCorrections: 1,
      lateCorrections: 0,
    });
    expect(anhuiRow.lastInboundAt).not.toBeNull();
    expect(anhuiRow.lastDeliveryAt).not.toBeNull();
    expect(rows.find((row) => row.provinceCode === '41')).toMatchObject({
      systemName: null,
      liveKeys: 0,
      lastInboundAt: null,
      lastDeliveryAt: null,
      unconfirmedCorrections: 0,
    });
    // Three hours on, the correction is late.
    const later = await listIntegrationStatus(admin, new Date(Date.now() + 3 * 3600_000));
    expect(later.find((row) => row.provinceCode === '34')).toMatchObject({ lateCorrections: 1 });
    const reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340100' });
    await expect(listIntegrationStatus(reviewer)).rejects.toBeInstanceOf(ForbiddenActionError);
  });
});

describe('keys through the onboarding use cases', () => {
  it('a revoked key gets 401 at once; a rotated key keeps working during its overlap', async () => {
    const order = await decidedCaseWithOrder('34');
    const issued = await createApiKey(admin, { provinceCode: '34', name: '生产' });
    expect((await statusRequest(order.reference, issued)).status).toBe(200);
    const rotated = await rotateApiKey(admin, { keyId: issued.keyId, overlapMinutes: 60 });
    const afterRotation = await statusRequest(order.reference, issued);
    expect(afterRotation.status, await afterRotation.clone().text()).toBe(200);
    expect((await statusRequest(order.reference, rotated)).status).toBe(200);
    await revokeApiKey(admin, { keyId: rotated.keyId });
    expect((await statusRequest(order.reference, rotated)).status).toBe(401);
    await expect(rotateApiKey(admin, { keyId: issued.keyId, overlapMinutes: 99_999 })).rejects.toMatchObject({
      fieldErrors: { overlapMinutes: 'integration.errors.overlapInvalid' },
    });
    await expect(
      configureProvinceSystem(admin, { provinceCode: '34', name: '', webhookUrl: 'ftp://x' }),
    ).rejects.toMatchObject({
      fieldErrors: { name: 'integration.errors.nameRequired', webhookUrl: 'integration.errors.webhookUrlInvalid' },
    });
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['API_KEY_CREATED', 'API_KEY_ROTATED', 'API_KEY_REVOKED', 'INTEGRATION_CONFIGURED']),
    );
  });
});
