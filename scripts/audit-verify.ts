// npm run audit:verify — re-computes every audit chain, then checks the chains against the signed checkpoints kept
// outside the database (docs/audit.md); exits non-zero naming the chain and the first broken event if any.
import { loadEnv } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';
import { loadPublicKey } from '@/lib/audit/checkpoint-key';
import { getCheckpointStore } from '@/lib/audit/checkpoint-store';
import { verifyAgainstCheckpoints } from '@/lib/audit/verify-checkpoints';
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

    const store = getCheckpointStore();
    const chainsWithCheckpoints = await store.chains();
    const publicKey = loadPublicKey();
    let checkpointsIntact = true;
    if (chainsWithCheckpoints.length === 0) {
      console.log('尚无检查点 / no checkpoints yet (npm run audit:checkpoint)');
    } else if (!publicKey) {
      throw new Error('checkpoints exist but AUDIT_CHECKPOINT_PUBLIC_KEY (or the signing key) is not set');
    } else {
      const checked = await verifyAgainstCheckpoints(database.url, store, publicKey);
      checkpointsIntact = checked.intact;
      for (const chain of checked.chains) {
        console.log(
          chain.broken
            ? `✗ ${chain.chain}: 与检查点不符，第 ${chain.broken.seq} 号 / checkpoint check failed at #${chain.broken.seq} (${chain.broken.problem}, checkpoint #${chain.broken.checkpointSeq})`
            : `✓ ${chain.chain}: 与检查点 #${chain.verifiedCheckpoint?.seq} 一致 / matches checkpoint #${chain.verifiedCheckpoint?.seq} of ${chain.verifiedCheckpoint?.at}`,
        );
      }
    }
    const intact = result.intact && checkpointsIntact;
    console.log(intact ? '审计链完整 / intact' : '审计链已损坏 / BROKEN');
    return intact;
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
