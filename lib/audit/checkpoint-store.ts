// Where signed checkpoints are kept outside the database (SPEC §8): append-only, so a database restore cannot roll
// them back. The default is a directory of files (AUDIT_CHECKPOINT_DIR, default .data/checkpoints), one per
// checkpoint, created exclusively and never rewritten; an object store (S3 with object lock) implements the same
// interface.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SignedCheckpoint } from './checkpoint-signature.mjs';

export interface CheckpointStore {
  /** Adds a checkpoint; false when the chain already has one at that sequence number (nothing is overwritten). */
  append(checkpoint: SignedCheckpoint): Promise<boolean>;
  /** The chains that have checkpoints. */
  chains(): Promise<string[]>;
  /** A chain's checkpoints, oldest first. */
  list(chain: string): Promise<SignedCheckpoint[]>;
}

const SEQ_DIGITS = 20;
const CHAIN_NAME = /^[A-Za-z0-9_-]{1,16}$/;

export class DirectoryCheckpointStore implements CheckpointStore {
  constructor(readonly directory: string) {}

  private chainDir(chain: string): string {
    if (!CHAIN_NAME.test(chain)) throw new Error(`not a chain name: ${chain}`);
    return path.join(this.directory, chain);
  }

  async append(checkpoint: SignedCheckpoint): Promise<boolean> {
    const dir = this.chainDir(checkpoint.chain);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${checkpoint.seq.padStart(SEQ_DIGITS, '0')}.json`);
    try {
      // 'wx': created only if absent, so an existing checkpoint is never replaced.
      await writeFile(file, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'wx', mode: 0o444 });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  async chains(): Promise<string[]> {
    try {
      const entries = await readdir(this.directory, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isDirectory() && CHAIN_NAME.test(entry.name))
        .map((entry) => entry.name)
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async list(chain: string): Promise<SignedCheckpoint[]> {
    const dir = this.chainDir(chain);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => /^\d+\.json$/.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return Promise.all(
      names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as SignedCheckpoint),
    );
  }
}

export function getCheckpointStore(env: NodeJS.ProcessEnv = process.env): CheckpointStore {
  return new DirectoryCheckpointStore(
    path.resolve(env.AUDIT_CHECKPOINT_DIR ?? path.join(process.cwd(), '.data', 'checkpoints')),
  );
}

/** Every chain's latest checkpoint. */
export async function latestCheckpoints(store: CheckpointStore): Promise<SignedCheckpoint[]> {
  const chains = await store.chains();
  const logs = await Promise.all(chains.map((chain) => store.list(chain)));
  return logs.map((log) => log.at(-1)).filter((checkpoint): checkpoint is SignedCheckpoint => Boolean(checkpoint));
}
