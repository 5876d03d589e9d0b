// Where the database is: DATABASE_URL (the app's runtime role) and DATABASE_OWNER_URL (the owner role, for migrations)
// when set, otherwise an embedded PostgreSQL under .data/ with both roles (lib/db/roles.ts).
import { startEmbeddedPostgres } from './embedded';
import { EMBEDDED_OWNER, EMBEDDED_RUNTIME, ensureEmbeddedRoles, handDatabaseToOwner, urlAs } from './roles';

export interface DatabaseHandle {
  /** The runtime role: what the app, the seed and the scripts connect as. */
  url: string;
  /** The owner role: migrations and resets only. */
  ownerUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const DEFAULT_EMBEDDED_PORT = 5433;

export async function connectDatabase(
  options: { name?: string; port?: number; fresh?: boolean } = {},
): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    return { url, ownerUrl: process.env.DATABASE_OWNER_URL ?? url, embedded: false, stop: async () => {} };
  }
  const port = options.port ?? Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const server = await startEmbeddedPostgres({ name: options.name ?? 'pg', port, fresh: options.fresh });
  await ensureEmbeddedRoles(server.adminUrl);
  await handDatabaseToOwner(server.url);
  const url = urlAs(server.url, EMBEDDED_RUNTIME);
  const ownerUrl = urlAs(server.url, EMBEDDED_OWNER);
  process.env.DATABASE_URL = url;
  process.env.DATABASE_OWNER_URL = ownerUrl;
  return {
    url,
    ownerUrl,
    embedded: true,
    async stop() {
      delete process.env.DATABASE_URL;
      delete process.env.DATABASE_OWNER_URL;
      await server.stop();
    },
  };
}

/** For command-line scripts: closes the app's Prisma client (if it was loaded), then the database handle. */
export async function closeScriptDatabase(database: DatabaseHandle): Promise<void> {
  const { getPrisma } = await import('./client');
  await getPrisma()
    .$disconnect()
    .catch(() => {});
  await database.stop();
}
