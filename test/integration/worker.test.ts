// `npm run worker` as a real process: it delivers pending events, and on SIGTERM it finishes the delivery in flight
// (recording it) before exiting with 0, so a deploy never loses or half-records an attempt.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { decidedCaseWithOrder, resetIntegrationData, setUpProvince, WebhookReceiver } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
let receiver: WebhookReceiver;
let worker: ChildProcess | null = null;

function startWorker(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  let output = '';
  // As `npm run worker` runs it: node with tsx as a loader, so SIGTERM reaches the worker directly (no CLI wrapper).
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, WORKER_POLL_MS: '50' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  worker = child;
  return { child, exited, output: () => output };
}

beforeEach(async () => {
  await resetIntegrationData();
  receiver = new WebhookReceiver();
  await receiver.start();
  await setUpProvince('34', { webhookUrl: receiver.url });
});

afterEach(async () => {
  worker?.kill('SIGKILL');
  worker = null;
  await receiver.stop();
});

describe('npm run worker', () => {
  it('delivers, and on SIGTERM finishes the delivery in flight before exiting cleanly', async () => {
    const first = await decidedCaseWithOrder('34');
    const { child, exited, output } = startWorker();
    await expect
      .poll(async () => (await getPrisma().outboxEvent.findFirstOrThrow({ where: { id: first.orderId } })).status, {
        timeout: 20_000,
      })
      .toBe('SENT');

    // The receiver holds the next delivery; the signal arrives while it is in flight.
    let release: () => void = () => {};
    receiver.respond = () => new Promise((resolve) => (release = () => resolve(200)));
    const second = await decidedCaseWithOrder('34');
    await expect
      .poll(() => receiver.received.some((w) => w.eventId === second.orderId), { timeout: 20_000 })
      .toBe(true);
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(child.exitCode, output()).toBeNull();
    release();
    expect(await exited).toBe(0);
    const recorded = await getPrisma().outboxEvent.findFirstOrThrow({ where: { id: second.orderId } });
    expect(recorded).toMatchObject({ status: 'SENT', attempts: 1, lockedUntil: null });
    expect(await getPrisma().webhookDelivery.count({ where: { outboxEventId: second.orderId } })).toBe(1);
    expect(output()).toContain('stopping after the current cycle');
    expect(output()).not.toMatch(/139\d{8}/);
  }, 60_000);
});
