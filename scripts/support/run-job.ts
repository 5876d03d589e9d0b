// The frame of a one-shot maintenance command (`npm run sweep`, `npm run retention`): the environment, the database
// (the configured one, or the embedded one started for the command), the job, its one-line summary with the time it
// took, then a clean stop. A failure prints its message and exits 1. Not a script itself: scripts/ lists the
// commands (scripts/build-scripts.mjs bundles each file there), this folder what they share.
import { loadEnv } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';

/** Runs `job` (which returns its summary line) inside the database's lifetime. */
export function runJob(job: () => Promise<string>): void {
  const main = async (): Promise<void> => {
    loadEnv();
    const database = await connectDatabase();
    try {
      const started = performance.now();
      const summary = await job();
      console.log(`${summary} (${Math.round(performance.now() - started)} ms)`);
      const { getPrisma } = await import('@/lib/db/client');
      await getPrisma().$disconnect();
    } finally {
      await database.stop();
    }
  };
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
