// The queue's server-side filtering, ordering and keyset paging, checked against a direct SQL ORDER BY over a few
// thousand generated cases: every page walk (forwards and back) must list exactly the rows SQL lists, in its order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createUser, type TestUser } from '@/test/support/fixtures';
import { rawClient } from '@/test/support/db';
import { decodeCursor, encodeCursor, findQueuePage, parseQueueParams, type QueueQuery } from './queue';
import { insertGeneratedCases } from '@/test/support/queue-data';

const NOW = new Date();
const ANHUI_UNITS = ['340100', '340200', '340300', '341100', '341200', '341522'];

let client: pg.Client;
let reviewer: TestUser;
let colleague: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  client = await rawClient();
  const citizen = await createUser('CITIZEN');
  reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340100' });
  colleague = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
  outsider = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410100' });
  const common = { citizenId: citizen.id, now: NOW };
  await insertGeneratedCases(client, {
    ...common,
    provinceCode: '34',
    count: 3000,
    reviewerIds: [reviewer.id, colleague.id],
    unitCodes: ANHUI_UNITS,
    poolShare: 0.5,
    batch: 'a',
  });
  await insertGeneratedCases(client, {
    ...common,
    provinceCode: '41',
    count: 400,
    reviewerIds: [outsider.id],
    unitCodes: ['410100', '410300'],
    poolShare: 0.5,
    batch: 'b',
  });
  await client.query('ANALYZE appeal_case');
});

afterAll(async () => {
  await client.end();
});

function query(overrides: Partial<QueueQuery> = {}): QueueQuery {
  return { tab: 'pool', sort: 'urgency', dir: 'asc', size: 25, ...overrides };
}

/** The expected order, written independently of lib/cases/queue.ts: one ORDER BY over the whole scope. */
async function expectedIds(user: TestUser, q: QueueQuery): Promise<string[]> {
  const values: unknown[] = [user.provinceCode, NOW.toISOString()];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = ['c.province_code = $1'];
  if (q.tab === 'pool') where.push(`c.state = 'SUBMITTED' AND c.assignee_id IS NULL`);
  else
    where.push(`c.assignee_id = ${param(user.id)}::uuid AND c.state IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN')`);
  if (q.state) where.push(`c.state = ${param(q.state)}::"CaseState"`);
  if (q.colour) where.push(`c.colour = ${param(q.colour)}::"CodeColour"`);
  if (q.grounds) where.push(`c.grounds = ${param(q.grounds)}::"AppealGround"`);
  if (q.overreach !== undefined) where.push(`c.prima_facie_overreach = ${param(q.overreach)}`);
  if (q.unit) where.push(`c.issuing_unit_code = ${param(q.unit)}`);
  if (q.reference) where.push(`c.reference = ${param(q.reference)}`);
  const deadline = {
    overdue: 'overdue',
    atRisk: 'running AND NOT overdue AND at_risk_at <= $2::timestamptz',
    onTrack: 'running AND NOT overdue AND at_risk_at > $2::timestamptz',
    paused: 'NOT running AND NOT overdue',
  };
  const direction = q.dir === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM (
       SELECT c.id, c.at_risk_at, c.prima_facie_overreach, running,
              CASE WHEN running THEN c.due_at < $2::timestamptz ELSE c.due_at < c.paused_since END AS overdue,
              CASE WHEN running THEN c.due_at ELSE $2::timestamptz + (c.due_at - c.paused_since) END AS time_key
         FROM appeal_case c, LATERAL (SELECT c.paused_since IS NULL AS running) r
        WHERE ${where.join(' AND ')}) x
      WHERE ${q.deadline ? deadline[q.deadline] : 'TRUE'}
      ORDER BY ${q.sort === 'urgency' ? '(CASE WHEN overdue THEN 0 ELSE 2 END) + (CASE WHEN prima_facie_overreach THEN 0 ELSE 1 END),' : ''}
               time_key ${direction}, id ${direction}`,
    values,
  );
  return rows.map((row) => row.id);
}

/** Every page from the first, following "next"; then back again following "previous". */
async function walk(user: TestUser, q: QueueQuery): Promise<{ forward: string[][]; backward: string[][] }> {
  const forward: string[][] = [];
  let page = await findQueuePage(user, q, NOW);
  forward.push(page.rows.map((row) => row.id));
  while (page.nextCursor) {
    page = await findQueuePage(
      user,
      { ...q, after: decodeCursor(page.nextCursor) },
      new Date(NOW.getTime() + 3_600_000),
    );
    forward.push(page.rows.map((row) => row.id));
    expect(forward.length).toBeLessThan(1000);
  }
  const backward: string[][] = [forward.at(-1)!];
  while (page.previousCursor) {
    page = await findQueuePage(user, { ...q, before: decodeCursor(page.previousCursor) }, NOW);
    backward.unshift(page.rows.map((row) => row.id));
    expect(backward.length).toBeLessThan(1000);
  }
  return { forward, backward };
}

const combinations: { name: string; user: () => TestUser; q: Partial<QueueQuery> }[] = [
  { name: 'the pool in urgency order', user: () => reviewer, q: {} },
  { name: 'my cases in urgency order (running and paused clocks together)', user: () => reviewer, q: { tab: 'mine' } },
  { name: 'a colleague’s cases, 50 a page', user: () => colleague, q: { tab: 'mine', size: 50 } },
  {
    name: 'red pool cases, least time left last',
    user: () => reviewer,
    q: { colour: 'RED', sort: 'timeLeft', dir: 'desc' },
  },
  { name: 'overreach pool cases of one unit', user: () => reviewer, q: { overreach: true, unit: '340200' } },
  {
    name: 'pool cases without overreach, by time left',
    user: () => reviewer,
    q: { overreach: false, sort: 'timeLeft' },
  },
  { name: 'overdue pool cases', user: () => reviewer, q: { deadline: 'overdue' } },
  { name: 'at-risk pool cases', user: () => reviewer, q: { deadline: 'atRisk' } },
  { name: 'on-track pool cases', user: () => reviewer, q: { deadline: 'onTrack', grounds: 'NEVER_AT_PLACE' } },
  {
    name: 'my paused cases by time left',
    user: () => reviewer,
    q: { tab: 'mine', deadline: 'paused', sort: 'timeLeft' },
  },
  { name: 'my overdue cases', user: () => reviewer, q: { tab: 'mine', deadline: 'overdue' } },
  {
    name: 'my cases in review on one ground',
    user: () => reviewer,
    q: { tab: 'mine', state: 'IN_REVIEW', grounds: 'IDENTITY_MIX_UP' },
  },
  {
    name: 'my yellow cases awaiting the citizen, time left descending',
    user: () => reviewer,
    q: { tab: 'mine', state: 'AWAITING_CITIZEN', colour: 'YELLOW', sort: 'timeLeft', dir: 'desc' },
  },
  { name: 'another province’s pool', user: () => outsider, q: { size: 10 } },
];

describe('findQueuePage walks every page in the order SQL gives', () => {
  for (const combination of combinations) {
    it(combination.name, async () => {
      const user = combination.user();
      const q = query(combination.q);
      const expected = await expectedIds(user, q);
      const { forward, backward } = await walk(user, q);
      expect(forward.flat()).toEqual(expected);
      expect(backward).toEqual(forward);
      expect(forward.slice(0, -1).every((page) => page.length === q.size)).toBe(true);
    });
  }

  it('covers real variety: the generated set has overdue, at-risk, paused and tied deadlines', async () => {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT count(*) FILTER (WHERE state = 'SUBMITTED' AND due_at < $1) AS overdue_pool,
              count(*) FILTER (WHERE state = 'SUBMITTED' AND at_risk_at <= $1 AND due_at >= $1) AS at_risk_pool,
              count(*) FILTER (WHERE paused_since IS NOT NULL AND due_at >= paused_since) AS paused,
              count(*) FILTER (WHERE paused_since IS NOT NULL AND due_at < paused_since) AS paused_overdue,
              count(*) - count(DISTINCT due_at) AS tied
         FROM appeal_case WHERE province_code = '34'`,
      [NOW.toISOString()],
    );
    for (const value of Object.values(rows[0]!)) expect(Number(value)).toBeGreaterThan(20);
  });
});

describe('scope and search', () => {
  it('never shows another province’s cases, and nothing to a non-reviewer', async () => {
    const pool = await findQueuePage(outsider, query({ size: 100 }), NOW);
    expect(pool.rows.length).toBeGreaterThan(0);
    // By the rows themselves (on Citus other test files' cases share the database): all in the reviewer's province.
    const provinces = await client.query<{ province_code: string }>(
      'SELECT DISTINCT province_code FROM appeal_case WHERE id = ANY($1::uuid[])',
      [pool.rows.map((row) => row.id)],
    );
    expect(provinces.rows).toEqual([{ province_code: '41' }]);
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    expect((await findQueuePage(supervisor, query(), NOW)).rows).toEqual([]);
    const unplaced = await createUser('REVIEWER', { provinceCode: null });
    expect((await findQueuePage(unplaced, query(), NOW)).rows).toEqual([]);
  });

  it('finds a case by its exact reference, in the tab that holds it only', async () => {
    const { rows } = await client.query<{ reference: string }>(
      `SELECT reference FROM appeal_case WHERE province_code = '34' AND state = 'SUBMITTED' ORDER BY reference LIMIT 1`,
    );
    const reference = rows[0]!.reference;
    const found = await findQueuePage(reviewer, query({ reference }), NOW);
    expect(found.rows.map((row) => row.reference)).toEqual([reference]);
    expect(found.nextCursor).toBeNull();
    expect((await findQueuePage(reviewer, query({ tab: 'mine', reference }), NOW)).rows).toEqual([]);
    expect((await findQueuePage(outsider, query({ reference }), NOW)).rows).toEqual([]);
  });

  it('reports the deadline state of each row as the deadline rules do', async () => {
    const page = await findQueuePage(reviewer, query({ tab: 'mine', size: 100 }), NOW);
    const statuses = new Set(page.rows.map((row) => row.deadline));
    expect(statuses.has('OVERDUE')).toBe(true);
    for (const row of page.rows) {
      expect(row.assignedToMe).toBe(true);
      if (row.pausedSince) expect(['PAUSED', 'OVERDUE']).toContain(row.deadline);
      if (row.deadline === 'PAUSED') expect(row.timeLeftMs).toBe(row.dueAt.getTime() - row.pausedSince!.getTime());
    }
  });
});

describe('URL parameters', () => {
  it('keeps what is valid and drops the rest', () => {
    const parsed = parseQueueParams({
      tab: 'pool',
      colour: 'PURPLE',
      grounds: 'IDENTITY_MIX_UP',
      overreach: 'yes',
      deadline: 'paused',
      unit: '34010',
      ref: ' ss-34-20261127-000001 ',
      sort: 'timeLeft',
      dir: 'sideways',
      size: '1000',
      state: 'IN_REVIEW',
      after: 'garbage',
    });
    expect(parsed).toEqual({
      tab: 'pool',
      state: undefined,
      colour: undefined,
      grounds: 'IDENTITY_MIX_UP',
      overreach: true,
      deadline: undefined,
      unit: undefined,
      reference: 'SS-34-20261127-000001',
      sort: 'timeLeft',
      dir: 'asc',
      size: 25,
      after: undefined,
      before: undefined,
    });
    expect(parseQueueParams({ tab: ['mine', 'pool'], size: '50', state: 'IN_REVIEW' })).toMatchObject({
      tab: 'mine',
      size: 50,
      state: 'IN_REVIEW',
    });
  });

  it('round-trips a cursor and refuses a forged one', () => {
    const cursor = {
      segment: 2,
      key: new Date('2026-11-27T01:02:03.456Z'),
      id: '0b7f2a4e-5f55-4b8a-9f43-3f7c9e0d8a11',
      asOf: NOW,
    };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(Buffer.from('[9,1,"x",2]').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('[0,1,"1\' OR 1=1 --",2]').toString('base64url'))).toBeUndefined();
  });
});
