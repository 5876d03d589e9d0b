// npm run audit:checkpoint — signs and publishes a checkpoint of every audit chain whose head moved (docs/audit.md).
import { loadEnv } from '@/lib/config/load-env';
import { closeScriptDatabase, connectDatabase } from '@/lib/db/connect';

async function main(): Promise<boolean> {
  loadEnv();
  const database = await connectDatabase();
  try {
    const { publishCheckpoints } = await import('@/lib/audit/publish-checkpoints');
    const result = await publishCheckpoints(new Date());
    for (const checkpoint of result.published) {
      console.log(`✓ ${checkpoint.chain}: 检查点 / checkpoint #${checkpoint.seq} ${checkpoint.headHash}`);
    }
    if (result.unchanged.length > 0) console.log(`unchanged: ${result.unchanged.join(', ')}`);
    for (const refused of result.refused) {
      console.log(`✗ ${refused.chain}: 未签署 / not signed (${refused.problem} at checkpoint #${refused.seq})`);
    }
    return result.refused.length === 0;
  } finally {
    await closeScriptDatabase(database);
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
