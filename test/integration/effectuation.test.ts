// Effectuation status on the case and the supervisors' list of corrections not confirmed within 2 hours; and the
// administrators' key and webhook management (shown once, stored sealed, audited).
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { ForbiddenActionError, ValidationError } from '@/lib/core/errors';
import { createApiKey, listApiKeys, rotateApiKey } from '@/lib/integration/api-keys';
import type { ApiClient } from '@/lib/integration/authenticate';
import { confirmCorrection } from '@/lib/integration/confirm-correction';
import { listWebhookDeliveries } from '@/lib/integration/delivery-log';
import { runDeliveryCycle } from '@/lib/integration/deliver-webhooks';
import { findUnconfirmedCorrections, getEffectuationStatus } from '@/lib/integration/effectuation';
import { configureProvinceSystem, rotateWebhookSecret } from '@/lib/integration/province-systems';
import { openSecret } from '@/lib/integration/secrets';
import { createUser, type TestUser } from '@/test/support/fixtures';
import { createAdmin, decidedCaseWithOrder, resetIntegrationData, setUpProvince, WebhookReceiver } from './helpers';

const db = () => getPrisma();
const HOUR = 3600_000;
let admin: TestUser;

beforeEach(async () => {
  await resetIntegrationData();
  admin = await createAdmin();
});

function clientOf(provinceCode: string, keyId: string): ApiClient {
  return { apiKeyId: 'unused', keyId, provinceCode, rateLimitPerMinute: 100 };
}

describe('effectuation status', () => {
  it('follows an order from ordered to sent to confirmed, with the time to confirm', async () => {
    const receiver = new WebhookReceiver();
    await receiver.start();
    try {
      const key = await setUpProvince('34', { admin, webhookUrl: receiver.url });
      const order = await decidedCaseWithOrder('34');
      expect(await getEffectuationStatus(order.caseId)).toMatchObject({
        orderId: order.orderId,
        toColour: 'GREEN',
        sentAt: null,
        confirmedAt: null,
        late: false,
      });
      expect(await getEffectuationStatus(order.caseId, new Date(Date.now() + 3 * HOUR))).toMatchObject({ late: true });

      await runDeliveryCycle();
      const sent = await getEffectuationStatus(order.caseId);
      expect(sent?.sentAt).toBeInstanceOf(Date);
      expect(sent).toMatchObject({ deliveryAttempts: 1, confirmedAt: null, timeToConfirmMs: null });
      expect(await listWebhookDeliveries({ outboxEventId: order.orderId })).toMatchObject([
        { attempt: 1, delivered: true, httpStatus: 200 },
      ]);

      const confirmedAt = new Date(sent!.orderedAt.getTime() + 30 * 60_000);
      await confirmCorrection(
        clientOf('34', key.keyId),
        order.orderId,
        { appliedAt: new Date().toISOString(), colour: 'GREEN' },
        confirmedAt,
      );
      expect(await getEffectuationStatus(order.caseId)).toMatchObject({
        confirmedAt,
        timeToConfirmMs: 30 * 60_000,
        late: false,
      });
      const appealCase = await db().case.findFirstOrThrow({ where: { id: order.caseId } });
      expect(appealCase.correctionConfirmedAt).toEqual(confirmedAt);
      expect(appealCase.correctionSentAt).toEqual(sent!.sentAt);
    } finally {
      await receiver.stop();
    }
  });

  it('a case without a correction order has no effectuation status', async () => {
    const citizenCase = await decidedCaseWithOrder('34');
    await db().outboxEvent.deleteMany({ where: { caseId: citizenCase.caseId } });
    expect(await getEffectuationStatus(citizenCase.caseId)).toBeNull();
  });
});

describe('findUnconfirmedCorrections', () => {
  it('lists orders unconfirmed after 2 hours, oldest first, per province, and drops confirmed and superseded ones', async () => {
    const anhui = await setUpProvince('34', { admin });
    await setUpProvince('41', { admin });
    const old = await decidedCaseWithOrder('34');
    const confirmed = await decidedCaseWithOrder('34');
    const henan = await decidedCaseWithOrder('41');
    const fresh = await decidedCaseWithOrder('34');
    const backdate = (orderId: string, hours: number) =>
      db().outboxEvent.updateMany({ where: { id: orderId }, data: { createdAt: new Date(Date.now() - hours * HOUR) } });
    await backdate(old.orderId, 5);
    await backdate(confirmed.orderId, 4);
    await backdate(henan.orderId, 3);
    await confirmCorrection(clientOf('34', anhui.keyId), confirmed.orderId, {
      appliedAt: new Date().toISOString(),
      colour: 'GREEN',
    });

    const all = await findUnconfirmedCorrections();
    expect(all.map((c) => c.orderId)).toEqual([old.orderId, henan.orderId]);
    expect(all[0]).toMatchObject({
      reference: old.reference,
      provinceCode: '34',
      caseProvinceCode: '34',
      deliveryStatus: 'PENDING',
      sentAt: null,
    });
    expect(all[0]!.waitingMs).toBeGreaterThanOrEqual(5 * HOUR - 60_000);
    expect((await findUnconfirmedCorrections({ provinceCode: '41' })).map((c) => c.orderId)).toEqual([henan.orderId]);
    expect((await findUnconfirmedCorrections({ olderThanMs: 0 })).map((c) => c.orderId)).toContain(fresh.orderId);

    // A newer order for the same case (second-level review) supersedes the old one on the board.
    await db().outboxEvent.create({
      data: {
        provinceCode: '34',
        kind: 'CORRECTION_ORDER',
        caseId: old.caseId,
        payload: { reference: old.reference, toColour: 'GREEN' },
        createdAt: new Date(Date.now() - HOUR),
      },
    });
    expect((await findUnconfirmedCorrections()).map((c) => c.orderId)).toEqual([henan.orderId]);
  });
});

describe('administering keys and webhooks', () => {
  it('only administrators manage keys; secrets are shown once and stored sealed; every change is audited', async () => {
    const reviewer = await createUser('REVIEWER', { provinceCode: '34' });
    await expect(configureProvinceSystem(reviewer, { provinceCode: '34', name: 'x' })).rejects.toBeInstanceOf(
      ForbiddenActionError,
    );
    await expect(createApiKey(admin, { provinceCode: '34', name: 'before system' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(configureProvinceSystem(admin, { provinceCode: '99', name: 'nowhere' })).rejects.toBeInstanceOf(
      ValidationError,
    );

    const system = await configureProvinceSystem(admin, {
      provinceCode: '34',
      name: '安徽省健康码',
      webhookUrl: 'https://hc.example.cn/hook',
    });
    expect(system.webhookSecret).toMatch(/^whs_/);
    const stored = await db().provinceSystem.findUniqueOrThrow({ where: { provinceCode: '34' } });
    expect(stored.webhookSecretCipher).not.toContain(system.webhookSecret!);
    expect(openSecret(stored.webhookSecretCipher!)).toBe(system.webhookSecret);
    // Reconfiguring keeps the secret (and does not show it again).
    expect(
      (await configureProvinceSystem(admin, { provinceCode: '34', name: '安徽省健康码', webhookUrl: null }))
        .webhookSecret,
    ).toBeNull();
    const rotatedWebhook = await rotateWebhookSecret(admin, { provinceCode: '34' });
    expect(rotatedWebhook.webhookSecret).not.toBe(system.webhookSecret);

    const key = await createApiKey(admin, { provinceCode: '34', name: '生产' });
    expect(key.keyId).toMatch(/^hk34_[0-9a-f]{20}$/);
    const row = await db().apiKey.findUniqueOrThrow({ where: { keyId: key.keyId } });
    expect(JSON.stringify(row)).not.toContain(key.secret);
    const rotated = await rotateApiKey(admin, { keyId: key.keyId });
    expect(rotated.previousKeyExpiresAt.getTime() - Date.now()).toBeGreaterThan(23 * HOUR);
    const listed = await listApiKeys(admin, '34');
    expect(listed.map((k) => k.keyId)).toEqual([rotated.keyId, key.keyId]);
    expect(JSON.stringify(listed)).not.toContain(key.secret);
    await expect(listApiKeys(reviewer)).rejects.toBeInstanceOf(ForbiddenActionError);

    const actions = (await db().auditEvent.findMany({ where: { chain: 'national' }, orderBy: { seq: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'INTEGRATION_CONFIGURED',
      'INTEGRATION_CONFIGURED',
      'INTEGRATION_CONFIGURED',
      'API_KEY_CREATED',
      'API_KEY_ROTATED',
    ]);
    const payloads = JSON.stringify(
      (await db().auditEvent.findMany({ where: { chain: 'national' } })).map((e) => [e.before, e.after, e.reason]),
    );
    for (const secret of [system.webhookSecret!, rotatedWebhook.webhookSecret, key.secret, rotated.secret])
      expect(payloads).not.toContain(secret);
  });
});
