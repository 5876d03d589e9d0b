// On the Citus cluster only (npm run test:citus; named .citus.ts so the embedded run skips it): case data really is spread over both workers, each province's case
// rows and audit chain sit on one node, the hot queries of one province run on one shard, and a province can be given
// shards of its own on a chosen node.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { isolateProvince } from '@/lib/db/citus';
import { CITUS_WORKERS } from '@/scripts/citus/database';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { createUser, validFiling } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';

const PROVINCES = [
  ['34', '340100'],
  ['41', '410100'],
  ['44', '440100'],
  ['11', '110100'],
  ['51', '510100'],
  ['33', '330100'],
] as const;

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.CITUS_DATABASE_ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Rows of `table` per worker port, counted on the shard placements themselves. */
async function rowsPerNode(table: string): Promise<Map<number, number>> {
  const rows = await query<{ port: number; count: string }>(
    `SELECT nodeport AS port, sum(result::bigint)::text AS count
       FROM run_command_on_placements($1, 'SELECT count(*) FROM %s') GROUP BY nodeport`,
    [table],
  );
  return new Map(rows.map((row) => [row.port, Number(row.count)]));
}

const nodeOf = async (table: string, value: string) =>
  (
    await query<{ port: number }>(
      `SELECT n.nodeport AS port FROM pg_dist_placement p JOIN pg_dist_node n USING (groupid)
        WHERE p.shardid = get_shard_id_for_distribution_column($1, $2::text)`,
      [table, value],
    )
  )[0]!.port;

describe('case data on the Citus cluster', () => {
  it('spreads the cases of six provinces over both workers, each province with its chain on one node', async () => {
    await resetCaseData();
    const citizen = await createUser('CITIZEN');
    for (const [province, unit] of PROVINCES) {
      await submitAppeal(citizen, validFiling({ issuingProvinceCode: province, issuingUnitCode: unit }));
    }
    const cases = await rowsPerNode('appeal_case');
    const workers = CITUS_WORKERS;
    for (const worker of workers) expect(cases.get(worker.port), `cases on worker ${worker.port}`).toBeGreaterThan(0);
    expect([...cases.values()].reduce((a, b) => a + b, 0)).toBe(PROVINCES.length);
    const events = await rowsPerNode('audit_event');
    for (const worker of workers) expect(events.get(worker.port)).toBeGreaterThan(0);
    for (const [province] of PROVINCES) {
      const node = await nodeOf('appeal_case', province);
      expect(await nodeOf('audit_event', province)).toBe(node);
      expect(await nodeOf('notification', province)).toBe(node);
    }
  });

  it('plans a province’s queue, board count and claims on one shard', async () => {
    const plans = [
      `SELECT id FROM appeal_case WHERE province_code = '34' AND state = 'SUBMITTED' AND assignee_id IS NULL
        ORDER BY prima_facie_overreach DESC, due_at LIMIT 50`,
      `SELECT count(*) FROM appeal_case c JOIN app_user u ON u.id = c.assignee_id WHERE c.province_code = '34'`,
      `SELECT e.seq, e.action FROM audit_event e WHERE e.chain = '34' ORDER BY e.seq DESC LIMIT 20`,
      `SELECT d.outcome FROM appeal_case c JOIN decision d ON d.province_code = c.province_code AND d.case_id = c.id
        WHERE c.province_code = '34' AND c.id = '00000000-0000-4000-8000-000000000001'`,
      `SELECT id FROM notification WHERE province_code = '34' AND status = 'PENDING' LIMIT 500 FOR UPDATE SKIP LOCKED`,
      // The interim relief expiry's claim and a group finding's lock on an incident's cases.
      `SELECT id FROM interim_relief WHERE province_code = '34' AND status = 'GRANTED' AND expires_at <= now()
        ORDER BY expires_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
      `SELECT c.id FROM appeal_case c JOIN case_incident ci ON ci.province_code = c.province_code AND ci.case_id = c.id
        WHERE c.province_code = '34' AND ci.incident_id = '00000000-0000-4000-8000-000000000001' ORDER BY c.id
        FOR UPDATE OF c`,
    ];
    for (const sql of plans) {
      const plan = (await query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).map((row) => row['QUERY PLAN']).join('\n');
      expect(plan, sql).toMatch(/Task Count: 1\b/);
    }
  });

  it('gives a province shards of its own on the node chosen for it, and its cases stay readable', async () => {
    const workers = CITUS_WORKERS;
    await isolateProvince(process.env.CITUS_DATABASE_ADMIN_URL!, '41', workers[1]!);
    const [shard] = await query<{ min: string; max: string }>(
      `SELECT shardminvalue AS min, shardmaxvalue AS max FROM pg_dist_shard
        WHERE shardid = get_shard_id_for_distribution_column('appeal_case', '41')`,
    );
    expect(shard!.min).toBe(shard!.max);
    expect(await nodeOf('appeal_case', '41')).toBe(workers[1]!.port);
    expect(await nodeOf('audit_event', '41')).toBe(workers[1]!.port);
    const [henan] = await query<{ count: string }>(
      `SELECT count(*)::text AS count FROM appeal_case WHERE province_code = '41'`,
    );
    expect(henan!.count).toBe('1');
  });
});
