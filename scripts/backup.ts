// npm run backup [-- --out <folder>] — the database (pg_dump of the owner's database), the evidence store and a record
// of the keys (fingerprints, not the keys), consistent with each other, in one new folder (default
// BACKUP_DIR/backup-<time>, BACKUP_DIR defaulting to ./backups). lib/ops/backup/create-backup.ts says how.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';
import { createBackup } from '@/lib/ops/backup/create-backup';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });

async function main(): Promise<void> {
  loadEnv();
  const database = await connectDatabase();
  try {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dir = path.resolve(args.out ?? path.join(process.env.BACKUP_DIR ?? 'backups', `backup-${stamp}`));
    const started = performance.now();
    const manifest = await createBackup({ ownerUrl: database.ownerUrl, dir });
    console.log(
      `备份完成 / backup written to ${dir}: database ${manifest.database.dumpBytes} bytes (PostgreSQL ` +
        `${manifest.database.serverVersion}, pg_dump ${manifest.database.pgDumpVersion}), ` +
        `${manifest.evidence.objects.length} evidence objects, ${manifest.checkpoints.length} checkpointed chains, ` +
        `key fingerprints; ${Math.round(performance.now() - started)} ms ${JSON.stringify(manifest.durationsMs)}`,
    );
    if (manifest.evidence.missing.length > 0) {
      console.error(`erased while the backup ran (not in the backup): ${manifest.evidence.missing.join(', ')}`);
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
