// npm run sweep — the deadline sweep (safe to run at any time, and twice).
import { loadEnv } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';

async function main(): Promise<void> {
  loadEnv();
  const database = await connectDatabase();
  try {
    const { sweepDeadlines } = await import('@/lib/cases/use-cases/sweep-deadlines');
    const started = performance.now();
    const result = await sweepDeadlines();
    // The supervision statistics follow the cases the sweep (and everyone else) changed; a full rebuild once a day.
    const { refreshSupervisionStatsScheduled } = await import('@/lib/supervision/refresh-stats');
    await refreshSupervisionStatsScheduled();
    console.log(
      `临期 at risk: ${result.atRisk}, 超期 overdue: ${result.overdue}, 结案 closed: ${result.closed}, ` +
        `通知 notifications sent: ${result.notificationsSent} (${Math.round(performance.now() - started)} ms)`,
    );
    const { getPrisma } = await import('@/lib/db/client');
    await getPrisma().$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
