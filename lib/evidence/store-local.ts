// The local evidence folder (EVIDENCE_DIR, default .data/evidence): files mode 0600, written once.
import 'server-only';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { EvidenceObjectMissingError, type EvidenceBackend } from './store-backend';

function storeRoot(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.EVIDENCE_DIR ?? path.join(process.cwd(), '.data', 'evidence'),
  );
}

function fileOf(root: string, key: string): string {
  const file = path.resolve(/*turbopackIgnore: true*/ root, key);
  if (!file.startsWith(root + path.sep)) throw new Error('Evidence key outside the store');
  return file;
}

export function localEvidenceBackend(): EvidenceBackend {
  const root = storeRoot();
  return {
    name: 'local',
    async put(key, bytes) {
      const file = fileOf(root, key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
    },
    async open(key) {
      const file = fileOf(root, key);
      const found = await stat(file).catch(() => null);
      if (!found?.isFile()) throw new EvidenceObjectMissingError(key);
      return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    },
    async remove(keys) {
      await Promise.all(keys.map((key) => rm(fileOf(root, key), { force: true })));
    },
    async *list() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (entry.isFile())
          yield path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      }
    },
  };
}
