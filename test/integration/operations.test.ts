// Operations (SPEC §18) against a real PostgreSQL: jobs run once per slot however many instances race for it, and
// failures are recorded; two scheduler processes (`npm run scheduler -- --once`) run each job once between them;
// /api/health, /api/ready and /api/metrics answer as documented.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as metricsRoute } from '@/app/api/metrics/route';
import { GET as ready } from '@/app/api/ready/route';
import { prisma } from '@/lib/db/client';
import { checkCalendarCoverage } from '@/lib/reference/calendar-coverage';
import { runJobOnce, slotOf, type JobDefinition } from '@/lib/ops/jobs';
import { bearerTokenMatches } from '@/lib/ops/metrics';
import { SCHEDULED_JOBS } from '@/lib/ops/schedule';
import { resetCaseData } from '@/test/support/db';

const run = promisify(execFile);

beforeEach(async () => {
  await resetCaseData();
  await prisma.jobRun.deleteMany();
});

async function loadCalendarYears(years: number[]): Promise<void> {
  for (const year of years) {
    await prisma.calendarVersion.upsert({
      where: { year_version: { year, version: 1 } },
      create: { year, version: 1, source: 'test', note: 'test calendar' },
      update: {},
    });
  }
}

describe('scheduled jobs', () => {
  it('runs a job once per slot, however many instances race for it, and again in the next slot', async () => {
    let calls = 0;
    const job: JobDefinition = {
      name: 'probe',
      intervalMs: 60_000,
      async run() {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { calls };
      },
    };
    const now = new Date('2026-12-04T10:00:30Z');
    const outcomes = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((instance) => runJobOnce(job, now, instance)));
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(calls).toBe(1);
    // Later in the same minute: nothing; the next minute: once more.
    expect(await runJobOnce(job, new Date('2026-12-04T10:00:59Z'))).toEqual({ ran: false });
    expect(await runJobOnce(job, new Date('2026-12-04T10:01:00Z'))).toMatchObject({ ran: true, ok: true });
    expect(await prisma.jobRun.findUniqueOrThrow({ where: { name: 'probe' } })).toMatchObject({
      runs: 2,
      failures: 0,
      lastStatus: 'OK',
      lastSlot: slotOf(new Date('2026-12-04T10:01:00Z'), 60_000),
      lastResult: { calls: 2 },
    });
  });

  it('records a failure with its message, and the next slot runs again', async () => {
    let fail = true;
    const job: JobDefinition = {
      name: 'flaky',
      intervalMs: 60_000,
      async run() {
        if (fail) throw new Error('provider unreachable');
        return {};
      },
    };
    expect(await runJobOnce(job, new Date('2026-12-04T10:00:00Z'))).toMatchObject({
      ran: true,
      ok: false,
      error: 'provider unreachable',
    });
    expect(await prisma.jobRun.findUniqueOrThrow({ where: { name: 'flaky' } })).toMatchObject({
      lastStatus: 'FAILED',
      lastError: 'provider unreachable',
      failures: 1,
      lastSucceededAt: null,
    });
    fail = false;
    expect(await runJobOnce(job, new Date('2026-12-04T10:01:00Z'))).toMatchObject({ ran: true, ok: true });
    expect(await prisma.jobRun.findUniqueOrThrow({ where: { name: 'flaky' } })).toMatchObject({
      lastStatus: 'OK',
      lastError: null,
      runs: 2,
      failures: 1,
    });
  });

  it('two scheduler processes run each job once between them', { timeout: 120_000 }, async () => {
    // One clock for both, so that they compete for the same slots even when a minute turns between their starts.
    const AT = new Date().toISOString();
    // The checkpoint job signs with a key of its own and writes to a folder of this test, never the developer's.
    const checkpointEnv = {
      AUDIT_CHECKPOINT_KEY: randomBytes(32).toString('base64'),
      AUDIT_CHECKPOINT_DIR: mkdtempSync(path.join(tmpdir(), 'checkpoints-')),
    };
    const scheduler = () =>
      run('npx', ['tsx', '--conditions=react-server', 'scripts/scheduler.ts', '--once', '--at', AT], {
        env: { ...process.env, LOG_LEVEL: 'error', ...checkpointEnv },
        timeout: 90_000,
      });
    const [first, second] = await Promise.all([scheduler(), scheduler()]);
    const rows = await prisma.jobRun.findMany({ orderBy: { name: 'asc' } });
    expect(rows.map((row) => row.name)).toEqual(SCHEDULED_JOBS.map((job) => job.name).sort());
    for (const row of rows) expect(row, row.name).toMatchObject({ runs: 1, lastStatus: 'OK', failures: 0 });
    // Each run is reported by the process that ran it, and only there.
    for (const job of SCHEDULED_JOBS) {
      const reports = [first.stdout, second.stdout].filter((out) => out.includes(` ${job.name}: ok`));
      expect(reports, job.name).toHaveLength(1);
    }
  });
});

describe('health and readiness', () => {
  it('/api/health answers while the process is alive', async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/api/ready is 503 until the sweep has run and the calendar covers the next 60 days, then 200', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-04T02:00:00Z'));
    try {
      // The seeded calendar ends with 2026: 2027 begins within 60 days.
      expect(await checkCalendarCoverage()).toMatchObject({ ok: false, missingYear: 2027 });

      const before = await ready();
      expect(before.status).toBe(503);
      const body = (await before.json()) as { checks: Record<string, { ok: boolean; detail: string }> };
      expect(body.checks.database).toEqual({ ok: true, detail: 'reachable' });
      expect(body.checks.migrations?.ok).toBe(true);
      expect(body.checks.sweep).toMatchObject({ ok: false, detail: expect.stringContaining('never run') });

      await loadCalendarYears([2026, 2027]);
      const sweep = SCHEDULED_JOBS.find((job) => job.name === 'sweep')!;
      expect(await runJobOnce(sweep)).toMatchObject({ ran: true, ok: true });
      const after = await ready();
      expect(await after.json()).toMatchObject({ status: 'ready' });
      expect(after.status).toBe(200);

      // Four minutes without a sweep: not ready (the scheduler has stopped).
      vi.setSystemTime(new Date('2026-12-04T02:04:00Z'));
      const stale = await ready();
      expect(stale.status).toBe(503);
      expect(await stale.json()).toMatchObject({ checks: { sweep: { ok: false } } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('the calendar check names the year that is not loaded', async () => {
    const coverage = await checkCalendarCoverage(new Date('2031-12-01T00:00:00Z'));
    expect(coverage).toMatchObject({ ok: false, missingYear: 2031, message: expect.stringContaining('2031') });
  });
});

describe('metrics', () => {
  it('are refused without the token and served in the Prometheus format with it', async () => {
    vi.stubEnv('METRICS_TOKEN', 'metrics-token-0123456789');
    try {
      expect(bearerTokenMatches(null)).toBe(false);
      expect(bearerTokenMatches('Bearer wrong-token-0123456789')).toBe(false);
      expect(bearerTokenMatches('Bearer metrics-token-0123456789', 'short')).toBe(false);

      await prisma.notification.create({
        data: {
          provinceCode: '34',
          channel: 'SMS',
          recipientMobile: '13800000009',
          template: 'CASE_DECIDED',
          params: {},
        },
      });
      await ready();
      const response = await metricsRoute(
        new Request('http://localhost/api/metrics', { headers: { Authorization: 'Bearer metrics-token-0123456789' } }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toMatch(/^hc_sms_pending 1$/m);
      expect(text).toMatch(/^hc_outbox_backlog 0$/m);
      expect(text).toContain('# TYPE hc_overdue_cases gauge');
      expect(text).toContain('hc_failed_deliveries_24h{channel="sms"} 0');
      expect(text).toMatch(/^hc_http_requests_total\{route="\/api\/ready",method="GET",status="503"\} \d+$/m);
      expect(text).toContain('hc_http_request_duration_seconds_bucket{le="0.01",route="/api/ready",method="GET"}');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the operations page data', () => {
  it('is for administrators only', async () => {
    await prisma.jobRun.create({ data: { name: 'sweep', runs: 3, lastStatus: 'OK' } });
    const { listJobStatuses } = await import('@/lib/ops/jobs');
    expect(await listJobStatuses({ id: 'x', role: 'ADMIN', provinceCode: null })).toEqual([
      expect.objectContaining({ name: 'sweep', runs: 3, lastStatus: 'OK' }),
    ]);
    for (const role of ['SUPERVISOR', 'REVIEWER', 'CITIZEN'] as const) {
      await expect(
        listJobStatuses({ id: 'x', role, provinceCode: role === 'SUPERVISOR' ? null : '34' }),
      ).rejects.toMatchObject({ status: 404 });
    }
  });
});
