// npm run restore-drill [-- --from <backup folder>] [--keep] — restores a backup (default: the newest under
// BACKUP_DIR, ./backups) into a fresh database on the same server, then runs audit:verify against the published
// checkpoints, retention and evidence:check on it (lib/ops/backup/restore-drill.ts). --keep leaves the database.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';
import { runRestoreDrill } from '@/lib/ops/backup/restore-drill';

const { values: args } = parseArgs({
  options: { from: { type: 'string' }, keep: { type: 'boolean', default: false } },
});

function newestBackup(): string {
  const root = path.resolve(process.env.BACKUP_DIR ?? 'backups');
  const newest = readdirSync(root)
    .filter((name) => name.startsWith('backup-'))
    .sort()
    .at(-1);
  if (!newest) throw new Error(`no backup in ${root} (npm run backup)`);
  return path.join(root, newest);
}

async function main(): Promise<void> {
  loadEnv();
  const database = await connectDatabase();
  try {
    const backupDir = path.resolve(args.from ?? newestBackup());
    console.log(`恢复演练 / restore drill of ${backupDir}`);
    const result = await runRestoreDrill({
      backupDir,
      ownerUrl: database.ownerUrl,
      runtimeUrl: database.url,
      keep: args.keep,
    });
    console.log(
      `恢复演练通过 / restore drill passed in ${result.totalMs} ms: ` +
        result.steps.map((step) => `${step.step} ${step.ms} ms`).join(', '),
    );
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`恢复演练失败 / restore drill FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
