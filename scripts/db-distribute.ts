// npm run db:distribute — turns the migrated database at DATABASE_URL (a Citus coordinator with workers) into the
// distributed layout of lib/db/distribution.ts (docs/scaling.md). Safe to run again: it skips what is done.
//   --isolate 41[@host:port],44   gives each listed province shards of its own (and moves them to host:port)
import { distributeDatabase, isolateProvince, parseNodes } from '@/lib/db/citus';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'DATABASE_URL is not set: a superuser’s URL of the database on the Citus coordinator (after npm run db:migrate).',
  );
  process.exit(2);
}
const at = process.argv.indexOf('--isolate');
const isolate = at > 0 ? (process.argv[at + 1] ?? '').split(',').filter(Boolean) : [];
const started = Date.now();
try {
  const steps = await distributeDatabase(url);
  for (const step of steps) console.log(`${step.object}: ${step.action}`);
  console.log(steps.length ? `distributed in ${Date.now() - started} ms` : 'already distributed: nothing to do');
  for (const entry of isolate) {
    const [province, node] = entry.split('@');
    if (!province || !/^\d{2}$/.test(province)) throw new Error(`not a province code: ${entry}`);
    const shard = await isolateProvince(url, province, node ? parseNodes(node)[0] : undefined);
    console.log(`province ${province}: shard ${shard} of its own${node ? ` on ${node}` : ''}`);
  }
} catch (error) {
  console.error(`db:distribute failed: ${(error as Error).message}`);
  process.exit(1);
}
