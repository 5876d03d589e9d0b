// npm run scheduler — runs the scheduled jobs (lib/ops/schedule.ts: the sweep every minute, retention daily, clean-ups)
// until stopped. Run one or several (each job still runs once per interval across all of them). `--once` runs every
// job whose slot is free and exits (for cron, tests and drills); `--at <ISO time>` with it runs them as of that time.
import { loadEnv } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';

const TICK_MS = 10_000;

async function main(): Promise<void> {
  loadEnv();
  const database = await connectDatabase();
  const { SCHEDULED_JOBS } = await import('@/lib/ops/schedule');
  const { runJobOnce } = await import('@/lib/ops/jobs');
  const once = process.argv.includes('--once');
  const atIndex = process.argv.indexOf('--at');
  const at = atIndex > 0 ? new Date(process.argv[atIndex + 1] ?? '') : null;
  if (at && (!once || Number.isNaN(at.getTime()))) throw new Error('--at needs --once and an ISO time');
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`调度器 scheduler: ${SCHEDULED_JOBS.map((job) => `${job.name}/${job.intervalMs / 1000}s`).join(', ')}`);
  try {
    do {
      for (const job of SCHEDULED_JOBS) {
        if (stopping) break;
        const outcome = await runJobOnce(job, at ?? new Date());
        if (outcome.ran) {
          console.log(
            `${new Date().toISOString()} ${job.name}: ${outcome.ok ? `ok ${JSON.stringify(outcome.result)}` : `FAILED ${outcome.error}`} (${outcome.durationMs} ms)`,
          );
        }
      }
      if (once) break;
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    } while (!stopping);
  } finally {
    const { getPrisma } = await import('@/lib/db/client');
    await getPrisma().$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
