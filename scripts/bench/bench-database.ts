// A fresh embedded PostgreSQL for an in-process benchmark: migrated, with the reference data seeded, DATABASE_URL set
// for the app's client; stopped afterwards, whatever happens.
import { ensureDevelopmentEnvFile, loadEnv } from '@/lib/config/load-env';
import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';

export async function withBenchDatabase<T>(
  options: { name: string; port: number; postgresFlags?: string[] },
  run: (databaseUrl: string) => Promise<T>,
): Promise<T> {
  ensureDevelopmentEnvFile();
  loadEnv();
  const database = await startEmbeddedPostgres({ ...options, fresh: true });
  process.env.DATABASE_URL = database.url;
  try {
    await migrate(database.url);
    const { getPrisma } = await import('@/lib/db/client');
    const { seedReferenceData } = await import('@/prisma/seed/reference-data');
    await seedReferenceData(getPrisma());
    const result = await run(database.url);
    await getPrisma().$disconnect();
    return result;
  } finally {
    await database.stop();
  }
}
