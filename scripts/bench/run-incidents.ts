// npm run bench:incidents — the mass-incident part of the benchmark alone (no web build): a fresh embedded PostgreSQL
// with N cases loaded through COPY (--cases, default 100000), then detection per filing and a group decision over
// 1,000 cases (incidents.ts). `npm run bench` runs the same measurement on its national data set.
import { parseArgs } from 'node:util';
import { withBenchDatabase } from './bench-database';
import { loadBenchData } from './load-cases';
import { benchIncidents, incidentRows } from './incidents';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    'group-size': { type: 'string', default: '1000' },
    'pg-port': { type: 'string', default: '5495' },
  },
});

async function main(): Promise<void> {
  await withBenchDatabase({ name: 'bench-incidents-pg', port: Number(args['pg-port']) }, async (databaseUrl) => {
    const { getPrisma } = await import('@/lib/db/client');
    const load = await loadBenchData(databaseUrl, {
      cases: Number(args.cases),
      log: (line) => console.log(`  ${line}`),
    });
    const { recountReviewerLoads } = await import('@/lib/cases/rules/routing');
    await recountReviewerLoads(getPrisma());
    const result = await benchIncidents(databaseUrl, {
      provinceCode: load.heavyProvince,
      unitCode: '410100',
      groupSize: Number(args['group-size']),
    });
    console.log(`\n${load.cases.toLocaleString()} cases loaded`);
    const rows = incidentRows(result);
    const width = Math.max(...rows.map(([name]) => name.length));
    for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value}  [target ${target}]`);
    console.log(`\nJSON: ${JSON.stringify(result)}`);
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
