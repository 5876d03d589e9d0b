// The reviewer's home numbers (open, pool, mine) against direct counts of the cases, in the reviewer's province only,
// with cases moving after they were inserted: claimed, released and transferred to another province by the use cases
// (the per-state counters and the reviewers' loads follow every change).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createUser, type TestUser } from '@/test/support/fixtures';
import { rawClient } from '@/test/support/db';
import { insertGeneratedCases } from '@/test/support/queue-data';
import { getPrisma } from '@/lib/db/client';
import { claimCase } from '@/lib/cases/use-cases/claim-case';
import { releaseCase } from '@/lib/cases/use-cases/release-case';
import { transferCase } from '@/lib/cases/use-cases/transfer-case';
import { recountReviewerLoads } from '@/lib/cases/rules/routing';
import { getReviewerHome } from './summaries';

let client: pg.Client;
/** Two reviewers of Anhui (34) sharing its cases, one of Henan (41). */
let reviewers: { reviewer: TestUser; colleague: TestUser; outsider: TestUser };

beforeAll(async () => {
  client = await rawClient();
  const [citizen, reviewer, colleague, outsider] = await Promise.all([
    createUser('CITIZEN'),
    createUser('REVIEWER', { provinceCode: '34', unitCode: '340100' }),
    createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' }),
    createUser('REVIEWER', { provinceCode: '41', unitCode: '410100' }),
  ]);
  reviewers = { reviewer: reviewer!, colleague: colleague!, outsider: outsider! };
  for (const [provinceCode, count, assignees, units, batch] of [
    ['34', 500, [reviewer!.id, colleague!.id], ['340100', '340200'], 'home-a'],
    ['41', 300, [outsider!.id], ['410100'], 'home-b'],
  ] as const)
    await insertGeneratedCases(client, {
      citizenId: citizen!.id,
      now: new Date(),
      poolShare: 0.4,
      provinceCode,
      count,
      reviewerIds: [...assignees],
      unitCodes: [...units],
      batch,
    });
  // The generated cases are written by SQL, past routing: their loads are counted as after the seed's bulk load.
  await recountReviewerLoads(getPrisma());
});

afterAll(async () => {
  await client.end();
});

async function counted(user: TestUser) {
  const { rows } = await client.query<{ open: number; pool: number; mine: number }>(
    `SELECT count(*) FILTER (WHERE state IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN'))::int AS open,
            count(*) FILTER (WHERE state = 'SUBMITTED' AND assignee_id IS NULL)::int AS pool,
            count(*) FILTER (WHERE assignee_id = $2::uuid AND state IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN'))::int AS mine
       FROM appeal_case WHERE province_code = $1`,
    [user.provinceCode, user.id],
  );
  return rows[0]!;
}

async function home(user: TestUser) {
  const { openCount, poolCount, mineCount, provinceCode, provinceName } = await getReviewerHome({
    ...user,
    role: 'REVIEWER',
  });
  return { open: openCount, pool: poolCount, mine: mineCount, provinceCode, provinceName };
}

describe('getReviewerHome', () => {
  it('counts the open cases, the pool and the reviewer own cases of the province only', async () => {
    for (const user of Object.values(reviewers)) {
      const expected = await counted(user);
      expect(expected.open).toBeGreaterThan(expected.pool);
      expect(expected.mine).toBeGreaterThan(0);
      expect(await home(user)).toEqual({
        ...expected,
        provinceCode: user.provinceCode,
        provinceName: expect.any(String),
      });
    }
  });

  it('follows cases as they move: claimed, released, transferred to another province', async () => {
    const reviewer = { ...reviewers.reviewer, role: 'REVIEWER' as const };
    const casesOf = async (where: string, limit: number) =>
      (
        await client.query<{ id: string; version: number }>(
          `SELECT id, version FROM appeal_case WHERE province_code = '34' AND ${where} ORDER BY id LIMIT ${limit}`,
        )
      ).rows;
    for (const pooled of await casesOf(`state = 'SUBMITTED'`, 7))
      await claimCase(reviewer, { caseId: pooled.id, expectedVersion: pooled.version });
    for (const held of await casesOf(`state = 'ASSIGNED' AND assignee_id = '${reviewer.id}'`, 3))
      await releaseCase(reviewer, { caseId: held.id, expectedVersion: held.version });
    for (const held of await casesOf(`state = 'ASSIGNED' AND assignee_id = '${reviewer.id}'`, 2))
      await transferCase(reviewer, {
        caseId: held.id,
        expectedVersion: held.version,
        toProvinceCode: '41',
        reason: '赋码单位实为河南省，误投本省。',
      });
    for (const user of Object.values(reviewers)) expect(await home(user)).toMatchObject(await counted(user));
  });

  it('the database refuses a pooled case with a reviewer, so the pool is the SUBMITTED count', async () => {
    await expect(
      client.query(
        `UPDATE appeal_case SET assignee_id = $1 WHERE id = (
           SELECT id FROM appeal_case WHERE province_code = '34' AND state = 'SUBMITTED' LIMIT 1)`,
        [reviewers.reviewer.id],
      ),
    ).rejects.toThrow(/appeal_case_pool_unassigned_check/);
  });

  it('a reviewer without a province sees nothing', async () => {
    expect(await getReviewerHome({ ...reviewers.reviewer, role: 'REVIEWER', provinceCode: null })).toMatchObject({
      openCount: 0,
      poolCount: 0,
      mineCount: 0,
    });
  });
});
