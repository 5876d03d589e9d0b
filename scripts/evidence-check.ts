// npm run evidence:check [-- --delete-orphans] — after restoring a backup, checks that the database and the evidence
// store (local folder or S3 bucket) agree: exits 1 when evidence rows lack their file; lists (and with
// --delete-orphans removes) files no row references, so retention erasures are not undone by an older store.
import { loadEnv } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';

async function main(): Promise<void> {
  loadEnv();
  const database = await connectDatabase();
  try {
    const { checkEvidenceConsistency } = await import('@/lib/evidence/store-consistency');
    const result = await checkEvidenceConsistency({ deleteOrphans: process.argv.includes('--delete-orphans') });
    console.log(
      `证据存储 evidence store (${result.store}): 数据库记录 rows with files ${result.rowsWithFiles}, 对象 objects ${result.objects}, ` +
        `缺失 missing ${result.missing.length}, 孤立 orphans ${result.orphans.length}` +
        (result.orphansDeleted ? `, 已删除孤立 orphans deleted ${result.orphansDeleted}` : ''),
    );
    for (const key of result.missing) console.log(`missing ${key}`);
    for (const key of result.orphans) console.log(`orphan ${key}`);
    const { getPrisma } = await import('@/lib/db/client');
    await getPrisma().$disconnect();
    if (result.missing.length > 0) process.exitCode = 1;
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
