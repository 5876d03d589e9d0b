// npm run db:migrate | db:seed | db:reset — against DATABASE_URL, or the embedded PostgreSQL when it is unset.
import { loadEnv, ensureDevelopmentEnvFile } from '@/lib/config/load-env';
import { closeScriptDatabase, connectDatabase } from '@/lib/db/connect';
import { migrate } from '@/lib/db/migrate';
import { resetDatabase } from '@/lib/db/reset';

async function main(command: string | undefined): Promise<void> {
  if (process.env.NODE_ENV !== 'production') ensureDevelopmentEnvFile();
  loadEnv();
  const database = await connectDatabase();
  try {
    if (command === 'reset') {
      await resetDatabase(database.ownerUrl);
      console.log('数据库已清空 / database emptied');
    }
    if (command === 'migrate' || command === 'reset') {
      const result = await migrate(database.ownerUrl);
      console.log(
        `迁移完成 / migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`,
      );
    }
    if (command === 'seed' || command === 'reset') {
      const { seed } = await import('@/prisma/seed/seed');
      await seed({ force: process.argv.includes('--force') });
    }
    if (!['migrate', 'seed', 'reset'].includes(command ?? '')) {
      throw new Error('usage: tsx scripts/db.ts migrate|seed|reset [--force]');
    }
  } finally {
    await closeScriptDatabase(database);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
