// One database on the loopback Citus cluster (scripts/citus/cluster.sh): created on the coordinator and both workers
// with the citus extension and the roles of lib/db/roles.ts, migrated as the owner role, distributed
// (npm run db:distribute) and seeded (reference data or the demo) as the runtime role the app connects as.
// CLI: tsx --conditions=react-server scripts/citus/database.ts <name> [--seed] [--fresh]   (prints the runtime URL)
import { distributeDatabase, dropCitusDatabase, parseNodes, prepareCitusDatabase } from '@/lib/db/citus';
import { migrate } from '@/lib/db/migrate';
import { EMBEDDED_OWNER, EMBEDDED_RUNTIME, urlAs } from '@/lib/db/roles';

const port = Number(process.env.CITUS_PORT ?? 9700);
export const CITUS_ADMIN_URL = process.env.CITUS_ADMIN_URL ?? `postgres://postgres@127.0.0.1:${port}/postgres`;
export const CITUS_WORKERS = parseNodes(process.env.CITUS_WORKERS ?? `127.0.0.1:${port + 1},127.0.0.1:${port + 2}`);

export interface CitusDatabaseUrls {
  /** The app's login (runtime role). */
  runtime: string;
  /** The owner role (migrations, direct SQL in tests). */
  owner: string;
  /** A superuser (Citus metadata: placements, shards). */
  admin: string;
}

export async function setUpCitusDatabase(
  name: string,
  options: { fresh?: boolean; seed?: 'reference' | 'demo' | 'none'; shardCount?: number } = {},
): Promise<CitusDatabaseUrls> {
  if (options.fresh) await dropCitusDatabase(CITUS_ADMIN_URL, CITUS_WORKERS, name);
  const admin = await prepareCitusDatabase(CITUS_ADMIN_URL, CITUS_WORKERS, name);
  const urls = { admin, owner: urlAs(admin, EMBEDDED_OWNER), runtime: urlAs(admin, EMBEDDED_RUNTIME) };
  await migrate(urls.owner);
  await distributeDatabase(admin, { shardCount: options.shardCount });
  const seed = options.seed ?? 'none';
  if (seed !== 'none') {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = urls.runtime;
    const { getPrisma } = await import('@/lib/db/client');
    if (seed === 'demo') {
      const { seed: seedDemo } = await import('@/prisma/seed/seed');
      await seedDemo({ force: true });
    } else {
      const { seedReferenceData } = await import('@/prisma/seed/reference-data');
      await seedReferenceData(getPrisma());
    }
    await getPrisma().$disconnect();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
  return urls;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2];
  if (!name || name.startsWith('--')) {
    console.error('usage: scripts/citus/database.ts <database> [--seed] [--fresh]');
    process.exit(2);
  }
  const urls = await setUpCitusDatabase(name, {
    fresh: process.argv.includes('--fresh'),
    seed: process.argv.includes('--seed') ? 'demo' : 'reference',
  });
  console.log(urls.runtime);
}
