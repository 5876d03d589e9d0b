// A second process asking for the embedded cluster that `npm run dev` already runs gets that server, instead of failing
// to start a second postmaster on the same folder (npm run sweep / retention / audit:verify / db:* beside npm run dev).
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded';
import { freePort } from '../support/free-port';

const run = promisify(execFile);
const NAME = `shared-pg-${process.pid}`;
let first: EmbeddedDatabase | null = null;

afterAll(async () => {
  await first?.stop();
  rmSync(path.resolve(import.meta.dirname, '../../.data', NAME), { recursive: true, force: true });
});

it('reuses a running cluster and leaves it running when done', { timeout: 120_000 }, async () => {
  first = await startEmbeddedPostgres({ name: NAME, port: await freePort() });
  // In another process, as `npm run sweep` would be: it must find the server, not start another.
  const script = `
    import { startEmbeddedPostgres } from './lib/db/embedded.ts';
    startEmbeddedPostgres({ name: '${NAME}', port: 1 }).then(async (db) => {
      console.log(db.url);
      await db.stop();
    });`;
  const { stdout } = await run('npx', ['tsx', '--eval', script], { cwd: path.resolve(import.meta.dirname, '../..') });
  expect(stdout.trim()).toBe(first.url);
  // Still running after the second process "stopped" its handle.
  const client = new pg.Client({ connectionString: first.url });
  await client.connect();
  expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  await client.end();
});
