// Private evidence store (SPEC §10): files live under EVIDENCE_DIR (default .data/evidence), never in a public
// folder, named by random ids; only authorised reads (lib/evidence/read-evidence.ts) ever serve them.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

function storeRoot(): string {
  return path.resolve(process.env.EVIDENCE_DIR ?? path.join(process.cwd(), '.data', 'evidence'));
}

/** Writes the bytes and returns the storage key (a relative path below the store). */
export async function saveEvidenceFile(provinceCode: string, extension: string, bytes: Uint8Array): Promise<string> {
  const key = path.posix.join(provinceCode, `${randomUUID()}.${extension}`);
  const file = path.join(storeRoot(), key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
  return key;
}

export async function readEvidenceFile(storageKey: string): Promise<Buffer> {
  const root = storeRoot();
  const file = path.resolve(root, storageKey);
  if (!file.startsWith(root + path.sep)) throw new Error('Evidence key outside the store');
  return readFile(file);
}

/** Removes files whose case was never written (a filing that failed after the upload). */
export async function discardEvidenceFiles(storageKeys: readonly string[]): Promise<void> {
  await Promise.all(storageKeys.map((key) => rm(path.resolve(storeRoot(), key), { force: true })));
}
