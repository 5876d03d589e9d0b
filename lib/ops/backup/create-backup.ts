// `npm run backup` (SPEC §18): the database, the evidence store and a record of the keys, consistent with each other,
// in one folder. Consistency comes from one database snapshot: the published audit checkpoints are copied first (so
// none is newer than the data), then a REPEATABLE READ transaction exports its snapshot, pg_dump dumps exactly that
// snapshot (--snapshot), and the evidence objects copied are the ones the snapshot's rows reference. Objects are
// written once before their row commits, so every referenced object exists; only an erasure between the snapshot and
// the copy could remove one, and that is reported. Objects no row references (failed filings) are left out.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { DirectoryCheckpointStore, getCheckpointStore } from '@/lib/audit/checkpoint-store';
import { evidenceBackend } from '@/lib/evidence/store-backend';
import { findPgTool, runPgTool, serverMajorVersion } from './pg-tools';
import { recordKeys, type KeyRecord } from './key-fingerprints';

export const BACKUP_FORMAT = 1;
export const DUMP_FILE = 'database.dump';
export const MANIFEST_FILE = 'manifest.json';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: {
    serverVersion: string;
    serverMajor: number;
    pgDumpVersion: string;
    ownerRole: string;
    migrations: string[];
    dumpFile: typeof DUMP_FILE;
    dumpSha256: string;
    dumpBytes: number;
  };
  evidence: {
    store: 'local' | 's3';
    objects: { key: string; bytes: number; sha256: string }[];
    /** Referenced by the snapshot but gone when copied (erased meanwhile). */
    missing: string[];
  };
  /** The newest checkpoint of each chain at backup time (the copies are under checkpoints/). */
  checkpoints: { chain: string; seq: string }[];
  keys: KeyRecord;
  durationsMs: Record<string, number>;
}

async function sha256File(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

async function copyCheckpoints(target: string): Promise<BackupManifest['checkpoints']> {
  const published = getCheckpointStore();
  const copy = new DirectoryCheckpointStore(target);
  const latest: BackupManifest['checkpoints'] = [];
  for (const chain of await published.chains()) {
    const log = await published.list(chain);
    for (const checkpoint of log) await copy.append(checkpoint);
    if (log.length > 0) latest.push({ chain, seq: log.at(-1)!.seq });
  }
  return latest;
}

async function copyObject(key: string, dir: string): Promise<{ key: string; bytes: number; sha256: string }> {
  const file = path.join(dir, key);
  await mkdir(path.dirname(file), { recursive: true });
  const hash = createHash('sha256');
  const source = Readable.fromWeb((await evidenceBackend().open(key)) as import('node:stream/web').ReadableStream);
  source.on('data', (chunk: Buffer) => hash.update(chunk));
  await pipeline(source, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  return { key, bytes: (await stat(file)).size, sha256: hash.digest('hex') };
}

/** Writes a backup into `dir` (created; it must not hold anything yet) from the database at `ownerUrl`. */
export async function createBackup(options: { ownerUrl: string; dir: string }): Promise<BackupManifest> {
  const { ownerUrl, dir } = options;
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) throw new Error(`${dir} is not empty: a backup goes into a new folder`);
  const durationsMs: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      durationsMs[step] = Math.round(performance.now() - started);
    }
  };

  const server = await serverMajorVersion(ownerUrl);
  const pgDump = findPgTool('pg_dump', server.major);
  const checkpoints = await timed('checkpoints', () => copyCheckpoints(path.join(dir, 'checkpoints')));

  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  let keys: string[];
  let migrations: string[];
  let ownerRole: string;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    ownerRole = (await client.query<{ role: string }>('SELECT current_user AS role')).rows[0]!.role;
    migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM "_prisma_migrations"
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((row) => row.name);
    // A whole-table read on purpose: the backup covers every province.
    keys = (
      await client.query<{ key: string }>(
        "SELECT storage_key AS key FROM evidence WHERE erased_at IS NULL AND storage_key <> '' ORDER BY storage_key",
      )
    ).rows.map((row) => row.key);
    await timed('database', async () =>
      runPgTool(pgDump, [
        '--format=custom',
        `--snapshot=${snapshot}`,
        `--file=${path.join(dir, DUMP_FILE)}`,
        `--dbname=${ownerUrl}`,
      ]),
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }

  const objects: BackupManifest['evidence']['objects'] = [];
  const missing: string[] = [];
  await timed('evidence', async () => {
    for (const key of keys) {
      try {
        objects.push(await copyObject(key, path.join(dir, 'evidence')));
      } catch (error) {
        if ((error as Error).name !== 'EvidenceObjectMissingError') throw error;
        missing.push(key);
      }
    }
  });

  const dumpFile = path.join(dir, DUMP_FILE);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    database: {
      serverVersion: server.version,
      serverMajor: server.major,
      pgDumpVersion: pgDump.version,
      ownerRole,
      migrations,
      dumpFile: DUMP_FILE,
      dumpSha256: await sha256File(dumpFile),
      dumpBytes: (await stat(dumpFile)).size,
    },
    evidence: { store: evidenceBackend().name, objects, missing },
    checkpoints,
    keys: recordKeys(),
    durationsMs,
  };
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}
