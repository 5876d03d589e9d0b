// The maintained per-province, per-state case counts always equal a direct count of the cases: after inserts, state
// changes, transfers, deletes and concurrent writers, before and after compaction, and after TRUNCATE (real PostgreSQL).
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { insertCase } from '@/test/support/supervision-data';
import { rawClient, resetCaseData } from '@/test/support/db';
import { createUser, type TestUser } from '@/test/support/fixtures';
import { compactCaseStateCounts, countCasesByState, recountCaseStates } from './state-counts';

let citizen: TestUser;

async function directCounts(provinceCode: string | null) {
  const rows = await getPrisma().case.groupBy({
    by: ['provinceCode', 'state'],
    where: provinceCode ? { provinceCode } : {},
    _count: { _all: true },
    orderBy: [{ provinceCode: 'asc' }, { state: 'asc' }],
  });
  return rows.map((row) => ({ provinceCode: row.provinceCode, state: row.state, count: row._count._all }));
}

async function expectCountsTrue() {
  for (const scope of [null, '34', '41']) expect(await countCasesByState(scope)).toEqual(await directCounts(scope));
}

beforeEach(async () => {
  await resetCaseData();
  citizen = await createUser('CITIZEN');
});

describe('case counts per province and state', () => {
  it('follow inserts, state changes, transfers and deletes, before and after compaction', async () => {
    const cases = [];
    for (let i = 0; i < 6; i += 1)
      cases.push(await insertCase({ provinceCode: i < 4 ? '34' : '41', citizenId: citizen.id }));
    await expectCountsTrue();
    const prisma = getPrisma();
    await prisma.case.updateMany({ where: { id: { in: [cases[0]!.id, cases[1]!.id] } }, data: { state: 'IN_REVIEW' } });
    await prisma.case.updateMany({ where: { id: cases[1]!.id }, data: { state: 'DECIDED' } });
    await prisma.case.updateMany({ where: { id: cases[2]!.id }, data: { provinceCode: '41' } });
    // A change of other columns writes no delta.
    const deltas = await prisma.caseStateDelta.count();
    await prisma.case.updateMany({
      where: { id: cases[3]!.id },
      data: { statement: '补充说明：当天一直在单位上班，有考勤记录为证。' },
    });
    expect(await prisma.caseStateDelta.count()).toBe(deltas);
    await expectCountsTrue();

    expect(await compactCaseStateCounts()).toBe(deltas);
    expect(await prisma.caseStateDelta.count()).toBe(0);
    await expectCountsTrue();
    expect(await compactCaseStateCounts()).toBe(0);

    await prisma.case.updateMany({ where: { id: cases[4]!.id }, data: { state: 'WITHDRAWN' } });
    await prisma.$executeRaw`DELETE FROM appeal_case WHERE id = ${cases[5]!.id}::uuid`;
    await expectCountsTrue();
    await compactCaseStateCounts();
    await expectCountsTrue();
    expect(await countCasesByState('41')).toEqual([
      { provinceCode: '41', state: 'SUBMITTED', count: 1 },
      { provinceCode: '41', state: 'WITHDRAWN', count: 1 },
    ]);
  });

  it('stay true with writers and compactions running at once', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => insertCase({ provinceCode: i % 2 ? '34' : '41', citizenId: citizen.id })),
    );
    const ids = (await getPrisma().case.findMany({ select: { id: true } })).map((row) => row.id);
    await Promise.all([
      ...ids.map((id, i) =>
        getPrisma().case.updateMany({ where: { id }, data: { state: i % 3 ? 'ASSIGNED' : 'IN_REVIEW' } }),
      ),
      compactCaseStateCounts(),
      compactCaseStateCounts(),
      ...ids.slice(0, 4).map((id) => getPrisma().case.updateMany({ where: { id }, data: { provinceCode: '44' } })),
      compactCaseStateCounts(),
    ]);
    await expectCountsTrue();
    await compactCaseStateCounts();
    await expectCountsTrue();
  });

  it('start again from zero when the cases are truncated, and can be recounted after a bulk load', async () => {
    await insertCase({ provinceCode: '34', citizenId: citizen.id });
    await compactCaseStateCounts();
    await resetCaseData();
    expect(await countCasesByState(null)).toEqual([]);

    citizen = await createUser('CITIZEN');
    // A bulk load with the counting trigger off: only the owner role may do that.
    const owner = await rawClient();
    await owner.query('ALTER TABLE appeal_case DISABLE TRIGGER appeal_case_count_states_insert_delete');
    try {
      await insertCase({ provinceCode: '34', citizenId: citizen.id });
    } finally {
      await owner.query('ALTER TABLE appeal_case ENABLE TRIGGER appeal_case_count_states_insert_delete');
      await owner.end();
    }
    expect(await countCasesByState(null)).toEqual([]);
    await getPrisma().$transaction((tx) => recountCaseStates(tx));
    await expectCountsTrue();
    expect(await countCasesByState(null)).toEqual([{ provinceCode: '34', state: 'SUBMITTED', count: 1 }]);
  });
});
