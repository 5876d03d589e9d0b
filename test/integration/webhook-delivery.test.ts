// Outbound webhooks against a real HTTP receiver on 127.0.0.1: failures, a receiver that is down, a worker that dies
// holding a claim, and concurrent workers. Every correction order arrives, each exactly once after de-duplication by
// X-Event-Id, every signature verifies, and nothing is lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { verifyAuditChains } from '@/lib/audit/verify';
import {
  claimOutboxEvents,
  runDeliveryCycle,
  runSoonCycle,
  type DeliveryOptions,
} from '@/lib/integration/deliver-webhooks';
import { configureProvinceSystem } from '@/lib/integration/province-systems';
import { sealSecret } from '@/lib/integration/secrets';
import { queueStatusChangedEvent } from '@/lib/integration/queue-status-change';
import { correctionOrderWebhookSchema, statusChangedWebhookSchema } from '@/lib/integration/schemas';
import { statusChangedPayloadSchema } from '@/lib/integration/outbox-payloads';
import { isTimestampFresh, verifySignature } from '@/lib/integration/signature';
import {
  createAdmin,
  decidedCaseWithOrder,
  resetIntegrationData,
  setUpProvince,
  WebhookReceiver,
  type ProvinceKey,
  type ReceivedWebhook,
} from './helpers';

const db = () => getPrisma();
const FAST: DeliveryOptions = { backoff: { baseMs: 20, capMs: 80 }, timeoutMs: 2000 };

let receiver: WebhookReceiver;
let anhui: ProvinceKey;

function signatureVerifies(webhook: ReceivedWebhook): boolean {
  return (
    isTimestampFresh(webhook.timestamp, new Date()) &&
    verifySignature(
      anhui.webhookSecret!,
      { timestamp: webhook.timestamp, method: 'POST', path: webhook.path, body: webhook.body },
      webhook.signature,
    )
  );
}

/** Runs delivery cycles (as a worker loop would) until `done` or the time runs out. */
async function cyclesUntil(
  done: () => Promise<boolean> | boolean,
  options: DeliveryOptions = FAST,
  timeoutMs = 15_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let cycles = 0;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done after ${cycles} cycles`);
    await runDeliveryCycle(options);
    cycles += 1;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return cycles;
}

beforeEach(async () => {
  await resetIntegrationData();
  receiver = new WebhookReceiver();
  await receiver.start();
  anhui = await setUpProvince('34', { webhookUrl: receiver.url });
});

afterEach(async () => {
  await receiver.stop();
});

describe('delivery through failures, an outage and a worker that dies', () => {
  it('every correction order arrives exactly once after de-duplication, signed, and nothing is lost', async () => {
    const orders = [];
    for (let i = 0; i < 4; i += 1) orders.push(await decidedCaseWithOrder('34'));
    const orderIds = orders.map((o) => o.orderId).sort();

    // A worker claims one event and dies before delivering it: the claim must only delay it.
    const [crashed] = await claimOutboxEvents({ limit: 1, leaseMs: 60_000 });
    expect(crashed).toBeDefined();

    // Phase 1: the receiver answers 500 to its first three requests.
    receiver.respond = (_webhook, index) => (index < 3 ? 500 : 200);
    await cyclesUntil(() => receiver.received.length >= 3);
    expect(receiver.received.slice(0, 3).every((w) => w.eventId !== crashed!.id)).toBe(true);

    // Phase 2: the receiver is down for a while.
    await receiver.stop();
    const outageEnds = Date.now() + 400;
    await cyclesUntil(() => Date.now() > outageEnds);
    const refused = await db().webhookDelivery.count({ where: { delivered: false, httpStatus: null } });
    expect(refused).toBeGreaterThan(0);

    // Phase 3: it comes back on the same port; everything but the crashed worker's event gets through.
    await receiver.start();
    const others = orderIds.filter((id) => id !== crashed!.id);
    await cyclesUntil(
      async () => (await db().outboxEvent.count({ where: { id: { in: others }, status: 'SENT' } })) === others.length,
    );
    const stillLeased = await db().outboxEvent.findFirstOrThrow({ where: { id: crashed!.id } });
    expect(stillLeased).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(receiver.received.some((w) => w.eventId === crashed!.id)).toBe(false);

    // The dead worker's lease runs out: the next cycle delivers its event.
    const afterLease = new Date(stillLeased.lockedUntil!.getTime() + 1);
    expect(await runDeliveryCycle({ ...FAST, now: afterLease })).toMatchObject({ claimed: 1, delivered: 1 });

    // Only the first three requests were refused (the outage refused connections): the rest were acknowledged.
    const acknowledged = receiver.received.slice(3);
    expect(receiver.received.every(signatureVerifies)).toBe(true);
    const deliveredIds = new Map<string, number>();
    for (const webhook of acknowledged) deliveredIds.set(webhook.eventId, (deliveredIds.get(webhook.eventId) ?? 0) + 1);
    expect([...new Set(receiver.received.map((w) => w.eventId))].sort()).toEqual(orderIds);
    expect([...deliveredIds.keys()].sort()).toEqual(orderIds);
    expect([...deliveredIds.values()].every((count) => count === 1)).toBe(true);

    for (const webhook of receiver.received) {
      const body = correctionOrderWebhookSchema.parse(JSON.parse(webhook.body));
      expect(body.id).toBe(webhook.eventId);
      expect(body.data.orderId).toBe(webhook.eventId);
      expect(body.data.toColour).toBe('GREEN');
      expect(webhook.eventType).toBe('CORRECTION_ORDER');
    }
    for (const order of orders) {
      const row = await db().outboxEvent.findFirstOrThrow({ where: { id: order.orderId } });
      expect(row).toMatchObject({ status: 'SENT', lockedUntil: null, lastError: null });
      const appealCase = await db().case.findFirstOrThrow({ where: { id: order.caseId } });
      expect(appealCase.correctionSentAt).toEqual(row.deliveredAt);
      expect(await db().auditEvent.count({ where: { caseId: order.caseId, action: 'CORRECTION_ORDERED' } })).toBe(1);
      // The log holds every attempt, numbered 1..n, and the last one delivered.
      const log = await db().webhookDelivery.findMany({
        where: { outboxEventId: order.orderId },
        orderBy: { attempt: 'asc' },
      });
      expect(log.map((entry) => entry.attempt)).toEqual(log.map((_entry, index) => index + 1));
      expect(log.at(-1)).toMatchObject({ delivered: true, httpStatus: 200, error: null });
      expect(log.slice(0, -1).every((entry) => !entry.delivered && entry.error !== null)).toBe(true);
      expect(row.attempts).toBe(log.length);
    }
    expect(await db().webhookDelivery.count({ where: { httpStatus: 500 } })).toBe(3);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  }, 60_000);

  it('a failed attempt is retried only after its back-off, and the attempt is logged with status and duration', async () => {
    const order = await decidedCaseWithOrder('34');
    receiver.respond = () => 503;
    const started = new Date();
    expect(await runDeliveryCycle({ backoff: { baseMs: 60_000, capMs: 60_000 }, now: started })).toMatchObject({
      claimed: 1,
      failed: 1,
    });
    const row = await db().outboxEvent.findFirstOrThrow({ where: { id: order.orderId } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'HTTP 503', lockedUntil: null });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(started.getTime() + 30_000);
    expect(await runDeliveryCycle({ now: new Date(started.getTime() + 1000) })).toMatchObject({ claimed: 0 });
    const [entry] = await db().webhookDelivery.findMany({ where: { outboxEventId: order.orderId } });
    expect(entry).toMatchObject({ attempt: 1, httpStatus: 503, delivered: false, provinceCode: '34' });
    expect(entry!.durationMs).toBeGreaterThanOrEqual(0);
    receiver.respond = () => 204;
    expect(await runDeliveryCycle({ now: new Date(row.nextAttemptAt.getTime() + 1) })).toMatchObject({
      claimed: 1,
      delivered: 1,
    });
  });

  it('events of a province without a webhook stay pending, untouched', async () => {
    await setUpProvince('41', { webhookUrl: null });
    const order = await decidedCaseWithOrder('41');
    expect(await runDeliveryCycle(FAST)).toMatchObject({ claimed: 0 });
    expect(await db().outboxEvent.findFirstOrThrow({ where: { id: order.orderId } })).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      lockedUntil: null,
    });
    expect(receiver.received).toHaveLength(0);
  });

  it('delivers status changes with their own schema', async () => {
    const order = await decidedCaseWithOrder('34');
    const appealCase = await db().case.findFirstOrThrow({ where: { id: order.caseId } });
    await db().$transaction((tx) => queueStatusChangedEvent(tx, appealCase, 'IN_REVIEW', new Date()));
    await cyclesUntil(async () => (await db().outboxEvent.count({ where: { status: 'PENDING' } })) === 0);
    const change = receiver.received.find((w) => w.eventType === 'STATUS_CHANGED');
    expect(change && signatureVerifies(change)).toBe(true);
    expect(statusChangedWebhookSchema.parse(JSON.parse(change!.body)).data).toMatchObject({
      reference: order.reference,
      previousState: 'IN_REVIEW',
      state: 'DECIDED',
      sequence: appealCase.version,
    });
  });

  it('numbers each case’s status changes in the order they happened, so a receiver can reorder them', async () => {
    const order = await decidedCaseWithOrder('34');
    const events = await db().outboxEvent.findMany({
      where: { caseId: order.caseId, kind: 'STATUS_CHANGED' },
      orderBy: { createdAt: 'asc' },
    });
    const changes = events.map((event) => statusChangedPayloadSchema.parse(event.payload));
    expect(changes.map((change) => change.state)).toEqual(['ASSIGNED', 'IN_REVIEW', 'DECIDED']);
    const sequences = changes.map((change) => change.sequence);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(new Set(sequences).size).toBe(sequences.length);
    // Shuffled (as retries deliver them), the sequence alone restores the order.
    const shuffled = [changes[2]!, changes[0]!, changes[1]!];
    expect(shuffled.sort((a, b) => a.sequence - b.sequence).map((change) => change.state)).toEqual([
      'ASSIGNED',
      'IN_REVIEW',
      'DECIDED',
    ]);
  });
});

describe('concurrent workers', () => {
  it('three workers looping at once never deliver the same event twice', async () => {
    for (let i = 0; i < 24; i += 1) await decidedCaseWithOrder('34');
    receiver.respond = () => new Promise((resolve) => setTimeout(() => resolve(200), 30));
    const worker = async () => {
      const totals = { claimed: 0, delivered: 0 };
      for (;;) {
        const result = await runDeliveryCycle({ ...FAST, limit: 5 });
        totals.claimed += result.claimed;
        totals.delivered += result.delivered;
        if (result.claimed === 0 && (await db().outboxEvent.count({ where: { status: 'PENDING' } })) === 0)
          return totals;
      }
    };
    const results = await Promise.all([worker(), worker(), worker()]);
    // Each worker took part of the work.
    expect(results.filter((r) => r.claimed > 0).length).toBeGreaterThan(1);
    expect(results.reduce((sum, r) => sum + r.claimed, 0)).toBe(24);
    expect(results.reduce((sum, r) => sum + r.delivered, 0)).toBe(24);
    expect(receiver.received).toHaveLength(24);
    expect(new Set(receiver.received.map((w) => w.eventId)).size).toBe(24);
    expect([...receiver.maxConcurrentPerEvent.values()].every((n) => n === 1)).toBe(true);
    expect(await db().auditEvent.count({ where: { action: 'CORRECTION_ORDERED' } })).toBe(24);
  }, 60_000);

  it('concurrent claims are disjoint, and a live lease is never taken over', async () => {
    for (let i = 0; i < 10; i += 1) await decidedCaseWithOrder('34');
    const claims = await Promise.all([0, 1, 2, 3].map(() => claimOutboxEvents({ limit: 10, leaseMs: 60_000 })));
    const ids = claims.flat().map((event) => event.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    expect(await claimOutboxEvents({ limit: 10, now: new Date(Date.now() + 59_000) })).toHaveLength(0);
    expect(await claimOutboxEvents({ limit: 10, now: new Date(Date.now() + 61_000) })).toHaveLength(10);
  });

  it('a worker whose lease ran out cannot record over the worker that took the event over', async () => {
    const order = await decidedCaseWithOrder('34');
    const [stale] = await claimOutboxEvents({ leaseMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The second worker takes over and delivers; the first one's late failure must not undo that.
    expect(await runDeliveryCycle(FAST)).toMatchObject({ delivered: 1 });
    expect(stale!.id).toBe(order.orderId);
    const marked = await db().outboxEvent.updateMany({
      where: { id: stale!.id, lockedUntil: stale!.lockedUntil, status: 'PENDING' },
      data: { lastError: 'late' },
    });
    expect(marked.count).toBe(0);
    expect(await db().outboxEvent.findFirstOrThrow({ where: { id: order.orderId } })).toMatchObject({
      status: 'SENT',
      lastError: null,
    });
  });
});

describe('the app’s cycle after a commit (deliverSoon)', () => {
  it('claims in the provinces it last read; reads them again after 30 s or a change made here, as the worker always does', async () => {
    const start = performance.now();
    const anhuiOrder = await decidedCaseWithOrder('34');
    expect(await runSoonCycle(start)).toMatchObject({ delivered: 1 });
    expect(receiver.received.map((webhook) => webhook.eventId)).toEqual([anhuiOrder.orderId]);

    // Another instance configures Henan's webhook: this process has not read it yet.
    await db().provinceSystem.create({
      data: {
        provinceCode: '41',
        name: '河南省健康码系统',
        webhookUrl: receiver.url,
        webhookSecretCipher: sealSecret('whs_x'),
      },
    });
    const henanOrder = await decidedCaseWithOrder('41');
    expect(await runSoonCycle(start + 1_000)).toMatchObject({ claimed: 0 });
    expect(await db().outboxEvent.findFirstOrThrow({ where: { id: henanOrder.orderId } })).toMatchObject({
      status: 'PENDING',
      attempts: 0,
    });
    // 30 s after its last read it reads them again.
    expect(await runSoonCycle(start + 31_000)).toMatchObject({ delivered: 1 });
    expect(receiver.received.map((webhook) => webhook.eventId)).toEqual([anhuiOrder.orderId, henanOrder.orderId]);

    // A change made through this process is seen at once: with no webhook left, a cycle claims nowhere.
    const admin = await createAdmin();
    for (const provinceCode of ['34', '41'])
      await configureProvinceSystem(admin, { provinceCode, name: `省级健康码系统 ${provinceCode}`, webhookUrl: null });
    await decidedCaseWithOrder('34');
    expect(await runSoonCycle(start + 31_001)).toBeNull();
    expect(receiver.received).toHaveLength(2);
  });
});
