// Onboarding a province (SPEC §18) in the browser, against a real HTTP receiver started here: webhook address and
// its secret (shown once), a real signed test delivery, API keys created, rotated with an overlap and revoked (the
// revoked key gets 401 from /api/v1), replay of a failed delivery, the status of every province, and English place
// names. Province 65 (Xinjiang), which the demo data leaves unconnected and no other spec touches.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { sign, unixSeconds, verifySignature } from '@/lib/integration/signature';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';
import type { ReceivedWebhook } from '@/test/integration/helpers';
import { gotoReady } from './admin-helpers';

test.use({ storageState: STORAGE_STATE.admin });
test.describe.configure({ mode: 'serial' });

const received: ReceivedWebhook[] = [];
let answer = 200;
let server: Server;
let webhookUrl = '';
let webhookSecret = '';
const keys: { keyId: string; secret: string }[] = [];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test.beforeAll(async () => {
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      received.push({
        eventId: String(request.headers['x-event-id']),
        eventType: String(request.headers['x-event-type']),
        timestamp: String(request.headers['x-timestamp']),
        signature: String(request.headers['x-signature']),
        path: request.url ?? '',
        body,
      });
      response.statusCode = answer;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xj-health-code/webhook`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A signed API v1 call with a key; an unknown case answers 404 once authenticated, 401 when the key is refused. */
async function statusCall(request: APIRequestContext, key: { keyId: string; secret: string }): Promise<number> {
  const path = `/api/v1/cases/SS-65-20260101-${String(Math.floor(Math.random() * 999_999)).padStart(6, '0')}/status`;
  const timestamp = unixSeconds(new Date());
  const response = await request.get(path, {
    headers: {
      'X-Key-Id': key.keyId,
      'X-Timestamp': timestamp,
      'X-Signature': sign(key.secret, { timestamp, method: 'GET', path, body: '' }),
    },
  });
  return response.status();
}

test('the status page lists every province; the demo province is connected', async ({ page }) => {
  await page.goto('/admin/integration');
  await expect(page.getByRole('heading', { level: 1, name: '省级系统对接' })).toBeVisible();
  await expect(page.locator('[data-testid^="integration-"]')).toHaveCount(31);
  const anhui = page.getByTestId('integration-34');
  await expect(anhui).toContainText('安徽省健康码系统（演示：本机接收端）');
  await expect(page.getByTestId('integration-65')).toContainText('未接入');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('webhook address: the signing secret is shown once and a test delivery really reaches the receiver', async ({
  page,
}) => {
  await gotoReady(page, '/admin/integration/65');
  await page.getByLabel('系统名称').fill('新疆健康码系统');
  await page.getByLabel('接收地址（Webhook）').fill('ftp://not-a-webhook');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('请填写以 https:// 或 http:// 开头的完整网址')).toBeVisible();
  await page.getByLabel('接收地址（Webhook）').fill(webhookUrl);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  webhookSecret = (await page.getByTestId('webhook-secret').innerText()).trim();
  expect(webhookSecret).toMatch(/^whs_/);

  await page.getByRole('button', { name: '发送测试推送' }).click();
  await expect(page.getByTestId('test-delivery-result')).toContainText('推送成功');
  await expect(page.getByTestId('test-delivery-result')).toContainText('HTTP 200');
  const test = received.at(-1)!;
  expect(test.eventType).toBe('TEST');
  expect(
    verifySignature(
      webhookSecret,
      { timestamp: test.timestamp, method: 'POST', path: test.path, body: test.body },
      test.signature,
    ),
  ).toBe(true);

  answer = 500;
  await page.getByRole('button', { name: '发送测试推送' }).click();
  await expect(page.getByTestId('test-delivery-result')).toContainText('推送失败');
  await expect(page.getByTestId('test-delivery-result')).toContainText('HTTP 500');
  answer = 200;

  await page.reload();
  await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
  expect(await page.content()).not.toContain(webhookSecret);
  const [audit] = await queryRows<{ count: string }>(
    `SELECT count(*) FROM audit_event WHERE action = 'WEBHOOK_TEST_SENT' AND after->>'provinceCode' = '65'`,
  );
  expect(Number(audit!.count)).toBe(2);
});

test('API keys: created (secret once), rotated with an overlap, revoked — the revoked key gets 401', async ({
  page,
}) => {
  await gotoReady(page, '/admin/integration/65');
  await page.getByLabel('密钥名称').fill('生产环境');
  await page.getByRole('button', { name: '创建接口密钥' }).click();
  const first = {
    keyId: (await page.getByTestId('api-key-id').innerText()).trim(),
    secret: (await page.getByTestId('api-key-secret').innerText()).trim(),
  };
  expect(first.secret).toMatch(/^hks_/);
  keys.push(first);
  expect(await statusCall(page.request, first)).toBe(404);

  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(await page.content()).not.toContain(first.secret);
  const row = page.getByTestId(`key-${first.keyId}`);
  await expect(row).toContainText('有效');

  await row.getByLabel('旧密钥过渡期（分钟）').fill('60');
  await row.getByRole('button', { name: '轮换' }).click();
  const second = {
    keyId: (await page.getByTestId('api-key-id').innerText()).trim(),
    secret: (await page.getByTestId('api-key-secret').innerText()).trim(),
  };
  expect(second.keyId).not.toBe(first.keyId);
  keys.push(second);
  // During the overlap both keys work.
  expect(await statusCall(page.request, first)).toBe(404);
  expect(await statusCall(page.request, second)).toBe(404);
  await page.reload();
  await expect(page.getByTestId(`key-${first.keyId}`)).toContainText('有效至');

  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: `吊销密钥 ${second.keyId}` }).click();
  await expect(page.getByTestId(`key-${second.keyId}`)).toContainText('已于');
  expect(await statusCall(page.request, second)).toBe(401);
  expect(await statusCall(page.request, first)).toBe(404);
  const actions = await queryRows<{ action: string }>(
    `SELECT action FROM audit_event WHERE action LIKE 'API_KEY_%' AND (after->>'provinceCode' = '65' OR before->>'provinceCode' = '65') ORDER BY seq`,
  );
  expect(actions.map((event) => event.action)).toEqual(['API_KEY_CREATED', 'API_KEY_ROTATED', 'API_KEY_REVOKED']);
});

test('the delivery log filters attempts and replays a failed delivery for real', async ({ page }) => {
  // A status change that failed earlier (its receiver was down): waiting for its next retry in an hour.
  const eventId = randomUUID();
  await queryRows(
    `INSERT INTO outbox_event (id, province_code, kind, payload, status, attempts, next_attempt_at, last_error, created_at)
       VALUES ($1, '65', 'STATUS_CHANGED', '{"reference":"SS-65-20260101-000001","state":"IN_REVIEW"}', 'PENDING', 1,
               now() + interval '1 hour', 'TypeError: ECONNREFUSED', now() - interval '10 minutes')`,
    [eventId],
  );
  await queryRows(
    `INSERT INTO webhook_delivery (id, outbox_event_id, province_code, attempt, attempted_at, http_status, error, duration_ms, delivered)
       VALUES (gen_random_uuid(), $1, '65', 1, now() - interval '9 minutes', NULL, 'TypeError: ECONNREFUSED', 3, false)`,
    [eventId],
  );
  await gotoReady(page, '/admin/integration/65/deliveries?result=failed&kind=STATUS_CHANGED');
  await expect(page.getByTestId('delivery-count')).toContainText('共 1 条');
  await expect(page.getByTestId(`delivery-${eventId}-1`)).toContainText('ECONNREFUSED');
  await page.getByRole('button', { name: `重新推送事件 ${eventId.slice(0, 8)}` }).click();
  await expect(page.getByTestId(`replay-result-${eventId}`)).toContainText('推送成功');
  expect(received.at(-1)).toMatchObject({ eventId, eventType: 'STATUS_CHANGED' });

  await gotoReady(page, '/admin/integration/65/deliveries?result=delivered');
  await expect(page.getByTestId(`delivery-${eventId}-2`)).toContainText('成功');
  await gotoReady(page, '/admin/integration/65/deliveries?from=2026-13-01');
  await expect(page.getByText('请按 年-月-日 填写日期。')).toBeVisible();
  const [event] = await queryRows<{ status: string }>('SELECT status FROM outbox_event WHERE id = $1', [eventId]);
  expect(event!.status).toBe('SENT');
  await page.goto('/admin/integration');
  await expect(page.getByTestId('integration-65')).toContainText('新疆健康码系统');
});

test('English pages name provinces in English', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  await page.goto('/admin/integration');
  await expect(page.getByRole('heading', { level: 1, name: 'Provincial systems' })).toBeVisible();
  await expect(page.getByTestId('integration-34')).toContainText('Anhui');
  await expect(page.getByTestId('integration-61')).toContainText('Shaanxi');
  await expect(page.getByTestId('integration-14')).toContainText('Shanxi');
  await expect(page.getByTestId('integration-15')).toContainText('Inner Mongolia');
  await expect(page.getByTestId('integration-65')).toContainText('Xinjiang');
});

test('a reviewer gets 404 for the onboarding pages', async ({ browser }) => {
  const context = await browser.newContext({ storageState: STORAGE_STATE.reviewer });
  const page = await context.newPage();
  for (const path of ['/admin/integration', '/admin/integration/65', '/admin/integration/65/deliveries']) {
    expect((await page.goto(path))?.status()).toBe(404);
  }
  await context.close();
});
