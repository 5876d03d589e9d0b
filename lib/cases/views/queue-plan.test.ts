// The queue's plans on a generated province pool of ~20,000 cases: every page, the first and a deep keyset one, reads a
// page's worth of index entries (Index Scan on the queue indexes, no Seq Scan on appeal_case, no Sort over the pool).
// Timings are printed for the record; the benchmark issue measures a million cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createUser, type TestUser } from '@/test/support/fixtures';
import { rawClient } from '@/test/support/db';
import { buildQueueSql, findQueuePage, type QueueCursor, type QueueQuery } from './queue';
import { insertGeneratedCases } from '@/test/support/queue-data';

const NOW = new Date();
const POOL_SIZE = 20_000;
const PAGE = 25;

let client: pg.Client;
let reviewer: TestUser;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

async function explain(sql: { text: string; values: unknown[] }): Promise<{ nodes: PlanNode[]; ms: number }> {
  const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
    sql.values,
  );
  const [result] = rows[0]!['QUERY PLAN'];
  return { nodes: nodesOf(result.Plan), ms: result['Execution Time'] };
}

/** The cursor of the row at `position` (0-based) in the queue's order, read with plain SQL. */
async function cursorAt(q: QueueQuery, position: number): Promise<QueueCursor> {
  const scope =
    q.tab === 'pool'
      ? `c.province_code = '34' AND c.state = 'SUBMITTED' AND c.assignee_id IS NULL`
      : `c.assignee_id = '${reviewer.id}' AND c.state IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN')`;
  const segment =
    q.sort === 'urgency'
      ? `(CASE WHEN (CASE WHEN c.paused_since IS NULL THEN c.due_at < $1::timestamptz ELSE c.due_at < c.paused_since END) THEN 0 ELSE 2 END)
         + (CASE WHEN c.prima_facie_overreach THEN 0 ELSE 1 END)`
      : '0';
  const direction = q.dir === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await client.query<{ segment: number; key: Date; id: string }>(
    `SELECT ${segment} AS segment, CASE WHEN c.paused_since IS NULL THEN c.due_at ELSE $1::timestamptz + (c.due_at - c.paused_since) END AS key, c.id
       FROM appeal_case c WHERE ${scope}
      ORDER BY 1, 2 ${direction}, 3 ${direction} OFFSET $2 LIMIT 1`,
    [NOW, position],
  );
  const row = rows[0]!;
  return { segment: row.segment, key: row.key, id: row.id, asOf: NOW };
}

const appealCaseScans = (nodes: PlanNode[]) => nodes.filter((node) => node['Relation Name'] === 'appeal_case');
/** Heap rows the scans of appeal_case looked at, including those a filter then dropped. */
const rowsRead = (nodes: PlanNode[]) =>
  appealCaseScans(nodes).reduce(
    (sum, node) => sum + (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'],
    0,
  );
/** The index each scan of appeal_case reads: its own, or its bitmap's. */
const indexesUsed = (nodes: PlanNode[]) =>
  nodes
    .filter(
      (node) =>
        node['Index Name'] && (node['Relation Name'] === 'appeal_case' || node['Node Type'] === 'Bitmap Index Scan'),
    )
    .map((node) => node['Index Name']);

beforeAll(async () => {
  client = await rawClient();
  const citizen = await createUser('CITIZEN');
  reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340100' });
  const colleagues = await Promise.all(
    [1, 2, 3].map(() => createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' })),
  );
  const units = [
    '340100',
    '340200',
    '340300',
    '340400',
    '340500',
    '340600',
    '340700',
    '340800',
    '341000',
    '341100',
    '341200',
    '341300',
  ];
  await insertGeneratedCases(client, {
    provinceCode: '34',
    count: POOL_SIZE,
    citizenId: citizen.id,
    reviewerIds: [reviewer.id, ...colleagues.map((colleague) => colleague.id)],
    unitCodes: units,
    poolShare: 0.9,
    now: NOW,
    batch: 'plan',
  });
  await insertGeneratedCases(client, {
    provinceCode: '41',
    count: 5000,
    citizenId: citizen.id,
    reviewerIds: [(await createUser('REVIEWER', { provinceCode: '41' })).id],
    unitCodes: ['410100', '410300'],
    poolShare: 0.9,
    now: NOW,
    batch: 'plan',
  });
  await client.query('VACUUM ANALYZE appeal_case');
}, 120_000);

afterAll(async () => {
  await client.end();
});

const POOL_INDEXES = ['appeal_case_pool_queue_idx', 'appeal_case_pool_unit_queue_idx'];

const cases: { name: string; q: Partial<QueueQuery>; deep: number; indexes: string[] }[] = [
  { name: 'the pool in urgency order', q: {}, deep: 15_000, indexes: POOL_INDEXES },
  {
    name: 'the pool by time left, descending',
    q: { sort: 'timeLeft', dir: 'desc' },
    deep: 14_000,
    indexes: POOL_INDEXES,
  },
  {
    name: 'the pool of one issuing unit',
    q: { unit: '340300' },
    deep: 1_200,
    indexes: ['appeal_case_pool_unit_queue_idx'],
  },
  { name: 'overdue red pool cases', q: { deadline: 'overdue', colour: 'RED' }, deep: 3_000, indexes: POOL_INDEXES },
  {
    name: 'my cases in urgency order',
    q: { tab: 'mine' },
    deep: 300,
    indexes: ['appeal_case_mine_queue_idx', 'appeal_case_mine_paused_idx'],
  },
];

describe('queue plans on a ~20,000-case pool', () => {
  for (const { name, q: overrides, deep, indexes } of cases) {
    it(`${name}: first and deep pages use the queue indexes and read about a page`, async () => {
      const q: QueueQuery = { tab: 'pool', sort: 'urgency', dir: 'asc', size: PAGE, ...overrides };
      const first = await explain(buildQueueSql(reviewer, q, NOW)!);
      const after = await cursorAt(q, deep);
      const later = await explain(buildQueueSql(reviewer, { ...q, after }, NOW)!);
      // The pool: one page per branch at most. "Mine": bounded by the reviewer's own open cases, never the pool.
      const bound =
        q.tab === 'mine'
          ? 2 *
            Number(
              (await client.query(`SELECT count(*) FROM appeal_case WHERE assignee_id = $1`, [reviewer.id])).rows[0]
                .count,
            )
          : 4 * (PAGE + 1);

      for (const plan of [first, later]) {
        const scans = appealCaseScans(plan.nodes);
        expect(scans.length).toBeGreaterThan(0);
        expect(scans.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
        expect(indexesUsed(plan.nodes).length).toBeGreaterThanOrEqual(scans.length);
        for (const index of indexesUsed(plan.nodes)) expect(indexes).toContain(index);
        expect(rowsRead(plan.nodes)).toBeLessThanOrEqual(bound);
        for (const sort of plan.nodes.filter((node) => node['Node Type'].includes('Sort')))
          expect(sort['Actual Rows']).toBeLessThanOrEqual(bound);
        // Names are looked up per row of the page, by primary key.
        expect(plan.nodes.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
      }

      const started = performance.now();
      const page = await findQueuePage(reviewer, { ...q, after }, NOW);
      const wall = performance.now() - started;
      expect(page.rows.length).toBe(PAGE);
      console.log(
        `[queue plan] ${name}: first page ${first.ms.toFixed(2)} ms, page after row ${deep} ${later.ms.toFixed(2)} ms ` +
          `(execution); findQueuePage deep ${wall.toFixed(1)} ms wall; rows read ${rowsRead(first.nodes)} / ${rowsRead(later.nodes)}`,
      );
    });
  }
});
