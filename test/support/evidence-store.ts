// A private evidence store in a temporary folder for the tests of one file (EVIDENCE_DIR), removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Registers the hooks; the returned function gives the folder once the tests run. */
export function withTemporaryEvidenceStore(prefix: string): () => string {
  let store = '';
  beforeAll(() => {
    store = mkdtempSync(path.join(tmpdir(), prefix));
    process.env.EVIDENCE_DIR = store;
  });
  afterAll(() => {
    rmSync(store, { recursive: true, force: true });
    delete process.env.EVIDENCE_DIR;
  });
  return () => store;
}
