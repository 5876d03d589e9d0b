// pg_dump and pg_restore for backups (SPEC §18): a dump must be made by a pg_dump at least as new as the server, and
// restored by a pg_restore at least as new as that pg_dump. The embedded PostgreSQL package ships only initdb, pg_ctl
// and postgres, so the client tools come from the system: PG_BIN_DIR when set, then Debian's
// /usr/lib/postgresql/<major>/bin (newest first), then PATH. The first one new enough is used; none is an error that
// says which version is needed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export type PgTool = 'pg_dump' | 'pg_restore';

export interface FoundPgTool {
  file: string;
  major: number;
  version: string;
}

export async function serverMajorVersion(databaseUrl: string): Promise<{ major: number; version: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string; version: string }>(
      "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version",
    );
    return { major: Math.floor(Number(rows[0]!.num) / 10_000), version: rows[0]!.version };
  } finally {
    await client.end();
  }
}

function candidates(tool: PgTool): string[] {
  const list: string[] = [];
  if (process.env.PG_BIN_DIR) list.push(path.join(process.env.PG_BIN_DIR, tool));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const major of readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a))) {
      list.push(path.join(debian, major, 'bin', tool));
    }
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) list.push(path.join(dir, tool));
  return list.filter((file, index) => existsSync(file) && list.indexOf(file) === index);
}

function versionOf(file: string): { major: number; version: string } | null {
  try {
    const text = execFileSync(file, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
    const match = /\(PostgreSQL\) (\d+)(\.\d+)?/.exec(text);
    return match ? { major: Number(match[1]), version: `${match[1]}${match[2] ?? ''}` } : null;
  } catch {
    return null;
  }
}

/** The first `tool` of at least `minimumMajor`, or an error naming the versions found and how to provide one. */
export function findPgTool(tool: PgTool, minimumMajor: number): FoundPgTool {
  const found: string[] = [];
  for (const file of candidates(tool)) {
    const version = versionOf(file);
    if (!version) continue;
    if (version.major >= minimumMajor) return { file, ...version };
    found.push(`${file} (${version.version})`);
  }
  throw new Error(
    `${tool} ${minimumMajor} or newer is needed for this PostgreSQL server; found ${found.join(', ') || 'none'}. ` +
      `Install the PostgreSQL ${minimumMajor} client tools and set PG_BIN_DIR to their bin folder (docs/operations.md).`,
  );
}

/** Runs a PostgreSQL client tool; its error output becomes the error message. */
export function runPgTool(tool: FoundPgTool, args: string[]): void {
  try {
    execFileSync(tool.file, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${path.basename(tool.file)} failed: ${stderr || (error as Error).message}`);
  }
}
