// The journey's Citus part (playwright.citus.config.ts, after the filing, deciding and supervisor specs ran against
// the same cluster): a reviewer transfers a case to another province in the browser and it moves with its rows, the
// SMS of the filings went out, the webhook worker delivers a correction order to a real receiver, the sweep runs, the
// audit chains verify intact, and the case data really sits on both workers.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { queryCount, queryRows } from '../../e2e/helpers/database';
import { STORAGE_STATE } from '../../e2e/helpers/sign-in';
import { decideThroughEngine } from '../../e2e/citizen/citizen-helpers';

test.describe.configure({ mode: 'serial' });

const appEnv = () => ({
  ...process.env,
  DATABASE_URL: process.env.CITUS_RUNTIME_URL!,
  DATABASE_OWNER_URL: process.env.CITUS_OWNER_URL!,
});

function runScript(script: string, args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', '--conditions=react-server', script, ...args], { env: appEnv() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

test('a reviewer transfers a case to Henan in the browser; it moves with its rows and both chains record it', async ({
  browser,
}) => {
  const [found] = await queryRows<{ id: string; reference: string; evidence: string; decisions: string }>(
    `SELECT c.id::text, c.reference,
            (SELECT count(*) FROM evidence e WHERE e.province_code = c.province_code AND e.case_id = c.id)::text AS evidence,
            (SELECT count(*) FROM notification n WHERE n.province_code = c.province_code AND n.case_id = c.id)::text AS decisions
       FROM appeal_case c JOIN app_user u ON u.id = c.assignee_id
      WHERE u.username = 'reviewer-ah-1' AND c.province_code = '34' AND c.state = 'IN_REVIEW'
      ORDER BY c.filed_at LIMIT 1`,
  );
  expect(found, 'an Anhui case in review by reviewer-ah-1').toBeDefined();
  const context = await browser.newContext({ storageState: STORAGE_STATE.reviewer });
  const page = await context.newPage();
  await page.goto(`/review/cases/${found!.id}`);
  await page.getByText('移送外省或退回待领取池').click();
  await page.getByLabel('移送至').selectOption('41');
  await page.getByLabel('移送理由').fill('该案赋码单位实际属于河南省，分送错误，移送河南省处理。');
  await page.getByRole('button', { name: '移送', exact: true }).click();
  await expect(page).toHaveURL(/\/review\?notice=transferred/);
  await context.close();

  expect(await queryCount(`SELECT count(*) FROM appeal_case WHERE id = $1 AND province_code = '41'`, [found!.id])).toBe(
    1,
  );
  expect(await queryCount(`SELECT count(*) FROM appeal_case WHERE id = $1 AND province_code = '34'`, [found!.id])).toBe(
    0,
  );
  expect(
    await queryCount(`SELECT count(*) FROM evidence WHERE province_code = '41' AND case_id = $1`, [found!.id]),
  ).toBe(Number(found!.evidence));
  expect(
    await queryCount(`SELECT count(*) FROM evidence WHERE province_code = '34' AND case_id = $1`, [found!.id]),
  ).toBe(0);
  const chains = await queryRows<{ chain: string }>(
    `SELECT chain FROM audit_event WHERE case_id = $1 AND action = 'CASE_TRANSFERRED' ORDER BY chain`,
    [found!.id],
  );
  expect(chains.map((row) => row.chain)).toEqual(['34', '41']);
});

let receiver: Server | undefined;
let worker: ChildProcess | undefined;
test.afterAll(async () => {
  worker?.kill('SIGTERM');
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

test('the webhook worker delivers the correction orders to the province’s system', async () => {
  test.setTimeout(150_000);
  const received: { eventId: string; type: string }[] = [];
  receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push({ eventId: String(request.headers['x-event-id']), type: String(request.headers['x-event-type']) });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
  // The demo connects Anhui to its own receiver: point Anhui's system at this one first, so every delivery from now on
  // (the worker's, or the engine's immediate attempt after a decision) reaches it.
  const configured = await runScript('test/citus/configure-webhook.ts', ['34', url]);
  expect(configured.code, configured.output).toBe(0);
  const [clock] = await queryRows<{ now: string }>('SELECT now()::text AS now');
  // Run on its own (without the filing journey before it), revoke an Anhui code first so an order is due.
  const dueNow = `SELECT id::text FROM outbox_event WHERE province_code = '34' AND kind = 'CORRECTION_ORDER'
                     AND status = 'PENDING' AND next_attempt_at <= now()`;
  if ((await queryRows(dueNow)).length === 0) {
    const [open] = await queryRows<{ reference: string }>(
      `SELECT reference FROM appeal_case WHERE province_code = '34' AND issuing_province_code = '34'
          AND type = 'CODE_APPEAL' AND state IN ('ASSIGNED', 'IN_REVIEW') ORDER BY reference LIMIT 1`,
    );
    decideThroughEngine(open!.reference, 'REVOKED');
  }
  // The correction orders due now or made since (the demo also holds one whose retry waits out a back-off: not due).
  const due = (
    await queryRows<{ id: string }>(
      `SELECT id::text FROM outbox_event WHERE province_code = '34' AND kind = 'CORRECTION_ORDER'
          AND ((status = 'PENDING' AND next_attempt_at <= now()) OR created_at >= $1::timestamptz)`,
      [clock!.now],
    )
  ).map((row) => row.id);
  expect(due.length, 'an Anhui correction order waits for delivery').toBeGreaterThan(0);
  worker = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/worker.ts'], {
    env: { ...appEnv(), WORKER_POLL_MS: '300' },
  });
  await expect
    .poll(() => queryCount(`SELECT count(*) FROM outbox_event WHERE id = ANY($1::uuid[]) AND status = 'SENT'`, [due]), {
      timeout: 90_000,
    })
    .toBe(due.length);
  const delivered = new Set(received.filter((hook) => hook.type === 'CORRECTION_ORDER').map((hook) => hook.eventId));
  expect(due.filter((id) => !delivered.has(id))).toEqual([]);
  expect(
    await queryCount(`SELECT count(*) FROM webhook_delivery WHERE province_code = '34' AND delivered`),
  ).toBeGreaterThan(0);
  worker.kill('SIGTERM');
});

test('the sweep runs on the cluster, twice without marking anything twice', async () => {
  const first = await runScript('scripts/sweep.ts');
  expect(first.code, first.output).toBe(0);
  const second = await runScript('scripts/sweep.ts');
  expect(second.code, second.output).toBe(0);
  expect(second.output).toMatch(/at risk: 0, 超期 overdue: 0, 结案 closed: 0/);
});

test('the sweep’s dispatch leaves no text message unsent: every SMS notification went out through the provider', async () => {
  expect(await queryCount(`SELECT count(*) FROM notification WHERE channel = 'SMS' AND status = 'PENDING'`)).toBe(0);
  expect(
    await queryCount(`SELECT count(*) FROM notification WHERE channel = 'SMS' AND status = 'SENT'`),
  ).toBeGreaterThan(0);
  expect(await queryCount(`SELECT count(*) FROM sms_delivery WHERE outcome = 'SENT'`)).toBeGreaterThan(0);
});

test('npm run audit:verify finds every chain intact after all of the above', async () => {
  const verified = await runScript('scripts/audit-verify.ts');
  expect(verified.code, verified.output).toBe(0);
  expect(verified.output).toContain('审计链完整 / intact');
  expect(verified.output).toMatch(/✓ 34: /);
  expect(verified.output).toMatch(/✓ 41: /);
});

test('the case data and the audit chains really sit on both workers', async () => {
  for (const table of ['appeal_case', 'audit_event']) {
    const perNode = await queryRows<{ port: number; count: string }>(
      `SELECT nodeport AS port, sum(result::bigint)::text AS count
         FROM run_command_on_placements($1, 'SELECT count(*) FROM %s') GROUP BY nodeport ORDER BY nodeport`,
      [table],
    );
    expect(perNode.length, `${table} has placements on two workers`).toBe(2);
    for (const node of perNode) expect(Number(node.count), `${table} rows on worker ${node.port}`).toBeGreaterThan(0);
  }
});
