// Where the database is: DATABASE_URL when set, otherwise an embedded PostgreSQL under .data/.
import { startEmbeddedPostgres } from './embedded';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const DEFAULT_EMBEDDED_PORT = 5433;

export async function connectDatabase(
  options: { name?: string; port?: number; fresh?: boolean } = {},
): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = options.port ?? Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const server = await startEmbeddedPostgres({ name: options.name ?? 'pg', port, fresh: options.fresh });
  process.env.DATABASE_URL = server.url;
  return {
    url: server.url,
    embedded: true,
    async stop() {
      delete process.env.DATABASE_URL;
      await server.stop();
    },
  };
}
