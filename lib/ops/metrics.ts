// Prometheus metrics (SPEC §18), served by /api/metrics to METRICS_TOKEN holders and administrators. Request counts
// and latency are observed in-process (per web instance); the backlog figures are read from the database at scrape
// time, so any instance reports the whole system's state.
import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { prisma } from '@/lib/db/client';

const OPEN_STATES = [
  'SUBMITTED',
  'ASSIGNED',
  'IN_REVIEW',
  'AWAITING_CITIZEN',
  'SECOND_REVIEW_REQUESTED',
  'IN_SECOND_REVIEW',
];

interface Metrics {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'status'>;
  latency: Histogram<'route' | 'method'>;
}

function count(rows: { n: bigint | number }[]): number {
  return Number(rows[0]?.n ?? 0);
}

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'hc_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'hc_http_request_duration_seconds',
    help: 'Time to answer, by route template and method.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'hc_outbox_backlog',
    help: 'Outbound events to provinces not yet delivered.',
    registers: [registry],
    async collect() {
      this.set(count(await prisma.$queryRaw`SELECT count(*) AS n FROM outbox_event WHERE status = 'PENDING'`));
    },
  });
  new Gauge({
    name: 'hc_sms_pending',
    help: 'SMS notifications waiting to be sent.',
    registers: [registry],
    async collect() {
      this.set(
        count(
          await prisma.$queryRaw`SELECT count(*) AS n FROM notification WHERE status = 'PENDING' AND channel = 'SMS'`,
        ),
      );
    },
  });
  new Gauge({
    name: 'hc_overdue_cases',
    help: 'Open cases past their deadline, by province.',
    labelNames: ['province'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await prisma.$queryRaw<{ province_code: string; n: bigint }[]>`
        SELECT province_code, count(*) AS n FROM appeal_case
         WHERE overdue_marked_at IS NOT NULL AND state::text = ANY(${[...OPEN_STATES]}) GROUP BY province_code`;
      for (const row of rows) this.set({ province: row.province_code }, Number(row.n));
    },
  });
  new Gauge({
    name: 'hc_failed_deliveries_24h',
    help: 'Failed deliveries in the last 24 hours: SMS provider calls and webhook attempts.',
    labelNames: ['channel'] as const,
    registers: [registry],
    async collect() {
      const since = new Date(Date.now() - 86_400_000);
      this.set(
        { channel: 'sms' },
        count(
          await prisma.$queryRaw`SELECT count(*) AS n FROM sms_delivery WHERE outcome = 'FAILED' AND created_at >= ${since}`,
        ),
      );
      this.set(
        { channel: 'webhook' },
        count(
          await prisma.$queryRaw`SELECT count(*) AS n FROM webhook_delivery WHERE NOT delivered AND attempted_at >= ${since}`,
        ),
      );
    },
  });
  new Gauge({
    name: 'hc_job_last_success_age_seconds',
    help: 'Seconds since each scheduled job last succeeded (the sweep: job="sweep").',
    labelNames: ['job'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await prisma.jobRun.findMany({ select: { name: true, lastSucceededAt: true } });
      for (const row of rows) {
        if (row.lastSucceededAt) this.set({ job: row.name }, (Date.now() - row.lastSucceededAt.getTime()) / 1000);
      }
    },
  });
  new Gauge({
    name: 'hc_job_failures_total',
    help: 'Failed runs of each scheduled job since it was first run.',
    labelNames: ['job'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await prisma.jobRun.findMany({ select: { name: true, failures: true } })) {
        this.set({ job: row.name }, row.failures);
      }
    },
  });
  return { registry, requests, latency };
}

const holder = globalThis as { __healthCodeMetrics?: Metrics };

function metrics(): Metrics {
  holder.__healthCodeMetrics ??= create();
  return holder.__healthCodeMetrics;
}

/** Answers a request through `handle`, counting it and its latency under the route template (never the raw path). */
export async function measureRequest(
  route: string,
  method: string,
  handle: () => Promise<Response>,
): Promise<Response> {
  const { requests, latency } = metrics();
  const stop = latency.startTimer({ route, method });
  let status = 500;
  try {
    const response = await handle();
    status = response.status;
    return response;
  } finally {
    stop();
    requests.inc({ route, method, status: String(status) });
  }
}

export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/** Whether an Authorization header carries METRICS_TOKEN (which must be at least 16 characters to count). */
export function bearerTokenMatches(authorization: string | null, expected = process.env.METRICS_TOKEN): boolean {
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!expected || expected.length < 16 || !given) return false;
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
