// `npm run restore-drill` (SPEC §18): proves a backup can be restored. It checks the backup's files against its
// manifest, restores the dump into a fresh database beside the live one, restores the evidence into a scratch folder,
// then runs on the restored copy what an operator would run after a real restore: `audit:verify` against the
// published checkpoints (those the backup recorded, each compared with the published log outside the database),
// retention, `evidence:check`, and `audit:verify` again. The live database and store are only read.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DirectoryCheckpointStore, getCheckpointStore } from '@/lib/audit/checkpoint-store';
import { PROJECT_ROOT } from '@/lib/config/load-env';
import { DUMP_FILE, MANIFEST_FILE, type BackupManifest } from './create-backup';
import { keysThatDiffer } from './key-fingerprints';
import { findPgTool, runPgTool, serverMajorVersion } from './pg-tools';

export interface RestoreDrillResult {
  database: string;
  steps: { step: string; ms: number; detail: string }[];
  totalMs: number;
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

async function checkFiles(dir: string, manifest: BackupManifest): Promise<string> {
  if (manifest.format !== 1) throw new Error(`unknown backup format ${String(manifest.format)}`);
  if ((await sha256(path.join(dir, DUMP_FILE))) !== manifest.database.dumpSha256) {
    throw new Error(`${DUMP_FILE} does not match the manifest (damaged backup)`);
  }
  for (const object of manifest.evidence.objects) {
    if ((await sha256(path.join(dir, 'evidence', object.key))) !== object.sha256) {
      throw new Error(`evidence/${object.key} does not match the manifest (damaged backup)`);
    }
  }
  return `dump and ${manifest.evidence.objects.length} evidence objects match the manifest`;
}

/**
 * The checkpoints to verify against: the published log (AUDIT_CHECKPOINT_DIR) up to the newest checkpoint of each
 * chain at backup time; each must equal the backup's copy. Later checkpoints cover events after the backup, which a
 * restore cannot have. A chain missing from the published log (the checkpoint store itself lost) falls back to the
 * backup's copy, and the result says so.
 */
async function checkpointsAsOfBackup(dir: string, manifest: BackupManifest, target: string): Promise<string> {
  const published = getCheckpointStore();
  const copy = new DirectoryCheckpointStore(path.join(dir, 'checkpoints'));
  const store = new DirectoryCheckpointStore(target);
  const fromCopy: string[] = [];
  for (const { chain, seq } of manifest.checkpoints) {
    const backedUp = await copy.list(chain);
    const live = (await published.list(chain)).filter((checkpoint) => BigInt(checkpoint.seq) <= BigInt(seq));
    if (live.length === 0) fromCopy.push(chain);
    for (const [index, checkpoint] of (live.length > 0 ? live : backedUp).entries()) {
      if (live.length > 0 && JSON.stringify(checkpoint) !== JSON.stringify(backedUp[index])) {
        throw new Error(`published checkpoint ${chain} #${checkpoint.seq} differs from the backup's copy`);
      }
      await store.append(checkpoint);
    }
  }
  return (
    `${manifest.checkpoints.length} chains' checkpoints as of the backup` +
    (fromCopy.length > 0 ? `; not published here, taken from the backup: ${fromCopy.join(', ')}` : ' (published log)')
  );
}

function urlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs one of the scripts (scripts/run.mjs) against the restored copy; its output goes to the console. */
function runScript(name: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'run.mjs'), name, ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`))));
  });
}

export async function runRestoreDrill(options: {
  backupDir: string;
  /** The live database's owner role (CREATEDB) and runtime role: the drill's database goes on the same server. */
  ownerUrl: string;
  runtimeUrl: string;
  keep?: boolean;
}): Promise<RestoreDrillResult> {
  const { backupDir, ownerUrl, runtimeUrl } = options;
  const started = performance.now();
  const steps: RestoreDrillResult['steps'] = [];
  const step = async (name: string, work: () => Promise<string>) => {
    const at = performance.now();
    const detail = await work();
    steps.push({ step: name, ms: Math.round(performance.now() - at), detail });
    console.log(`restore-drill ${name}: ${detail} (${steps.at(-1)!.ms} ms)`);
  };

  const manifest = JSON.parse(await readFile(path.join(backupDir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  const differ = keysThatDiffer(manifest.keys);
  if (differ.length > 0) throw new Error(`configured keys differ from the backup's: ${differ.join(', ')}`);
  const database = `restore_drill_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const scratch = await mkdtemp(path.join(tmpdir(), 'restore-drill-'));
  const admin = new pg.Client({ connectionString: ownerUrl });
  await admin.connect();
  try {
    await step('files', () => checkFiles(backupDir, manifest));
    await step('database', async () => {
      const server = await serverMajorVersion(ownerUrl);
      const pgRestore = findPgTool('pg_restore', Math.max(server.major, manifest.database.serverMajor));
      await admin.query(`CREATE DATABASE "${database}"`);
      runPgTool(pgRestore, [
        '--exit-on-error',
        '--no-owner',
        `--dbname=${urlFor(ownerUrl, database)}`,
        path.join(backupDir, DUMP_FILE),
      ]);
      return `${DUMP_FILE} restored into the new database ${database} (pg_restore ${pgRestore.version})`;
    });
    const evidenceDir = path.join(scratch, 'evidence');
    await step('evidence', async () => {
      await mkdir(evidenceDir, { recursive: true });
      await cp(path.join(backupDir, 'evidence'), evidenceDir, { recursive: true }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      });
      return `${manifest.evidence.objects.length} objects into a scratch folder`;
    });
    const checkpointDir = path.join(scratch, 'checkpoints');
    await step('checkpoints', () => checkpointsAsOfBackup(backupDir, manifest, checkpointDir));
    const env = {
      DATABASE_URL: urlFor(runtimeUrl, database),
      DATABASE_OWNER_URL: urlFor(ownerUrl, database),
      AUDIT_CHECKPOINT_DIR: checkpointDir,
      EVIDENCE_STORE: 'local',
      EVIDENCE_DIR: evidenceDir,
    };
    await step('audit:verify', () => runScript('audit-verify', [], env).then(() => 'chains intact and match'));
    await step('retention', () => runScript('retention', [], env).then(() => 're-run on the restored copy'));
    await step('evidence:check', () => runScript('evidence-check', [], env).then(() => 'no evidence missing'));
    await step('audit:verify again', () => runScript('audit-verify', [], env).then(() => 'intact after retention'));
  } finally {
    if (!options.keep) {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
      await rm(scratch, { recursive: true, force: true });
    }
    await admin.end();
  }
  return { database, steps, totalMs: Math.round(performance.now() - started) };
}
