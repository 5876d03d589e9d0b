// npm run audit:verify — re-computes every audit chain; exits non-zero and names the first broken event if any.
import { loadEnv } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';
import { verifyAuditChains } from '@/lib/audit/verify';

async function main(): Promise<boolean> {
  loadEnv();
  const database = await connectDatabase();
  try {
    const started = performance.now();
    const result = await verifyAuditChains(database.url);
    const seconds = (performance.now() - started) / 1000;
    for (const chain of result.chains) {
      console.log(
        chain.broken
          ? `✗ ${chain.chain}: 第 ${chain.broken.seq} 号事件损坏 / broken at #${chain.broken.seq} (${chain.broken.problem}); intact through #${chain.intactThrough}`
          : `✓ ${chain.chain}: 完整至 #${chain.intactThrough} / intact through #${chain.intactThrough}, head ${chain.headHash}`,
      );
    }
    console.log(
      `${result.events} events in ${seconds.toFixed(2)} s (${Math.round(result.events / Math.max(seconds, 1e-6))} events/s)`,
    );
    console.log(result.intact ? '审计链完整 / intact' : '审计链已损坏 / BROKEN');
    return result.intact;
  } finally {
    await database.stop();
  }
}

main().then(
  (intact) => process.exit(intact ? 0 : 1),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
