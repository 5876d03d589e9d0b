// The Prisma and SQL forms of the deadline conditions pick exactly the same cases: running and paused clocks, before,
// inside and past the at-risk window, open and finished states (real PostgreSQL).
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma, Prisma } from '@/lib/db/client';
import type { CaseState } from '@/lib/db/generated/enums';
import { insertCase } from '@/lib/supervision/test-data';
import { resetCaseData } from '@/test/helpers/db';
import { createUser } from '@/test/helpers/fixtures';
import { atRiskSql, atRiskWhere, overdueSql, overdueWhere, statesSql } from './deadline-filters';

const HOUR = 3600_000;
const NOW = new Date('2026-11-27T04:00:00Z');
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

beforeAll(async () => {
  await resetCaseData();
  const citizen = await createUser('CITIZEN');
  const states: CaseState[] = ['SUBMITTED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'DECIDED', 'CLOSED'];
  for (const state of states) {
    for (const dueIn of [-30, -1, 1, 5, 30]) {
      for (const pausedHoursAgo of state === 'AWAITING_CITIZEN' ? [2, 40] : [null]) {
        await insertCase({
          provinceCode: '34',
          citizenId: citizen.id,
          state,
          filedAt: at(-50),
          dueAt: at(dueIn),
          atRiskAt: at(dueIn - 6),
          pausedSince: pausedHoursAgo === null ? null : at(-pausedHoursAgo),
        });
      }
    }
  }
});

async function idsWhere(where: Prisma.CaseWhereInput): Promise<string[]> {
  return (await getPrisma().case.findMany({ where, select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id);
}

async function idsSql(condition: Prisma.Sql): Promise<string[]> {
  const rows = await getPrisma().$queryRaw<{ id: string }[]>`SELECT c.id::text FROM appeal_case c WHERE ${condition} ORDER BY c.id`;
  return rows.map((row) => row.id);
}

describe('deadline conditions', () => {
  it.each([at(-40), at(-3), NOW, at(3), at(48)])('overdue and at risk agree in both forms at %s', async (now) => {
    const overdue = await idsWhere(overdueWhere(now));
    expect(await idsSql(overdueSql(now))).toEqual(overdue);
    const atRisk = await idsWhere(atRiskWhere(now));
    expect(await idsSql(atRiskSql(now))).toEqual(atRisk);
    expect(overdue.filter((id) => atRisk.includes(id))).toEqual([]);
  });

  it('counts the cases a person would: overdue includes a clock that stopped after its deadline, not one stopped before', async () => {
    // Running: 3 open states × the 2 deadlines already past. Stopped clocks (waiting on the citizen): stopped 2 h ago,
    // only the deadline of 30 h ago had passed by then; stopped 40 h ago, none had.
    const overdue = await idsWhere(overdueWhere(NOW));
    const rows = await getPrisma().case.findMany({ where: { id: { in: overdue } }, select: { state: true, dueAt: true, pausedSince: true } });
    expect(rows.every((row) => row.dueAt < (row.pausedSince ?? NOW))).toBe(true);
    expect(rows.filter((row) => row.pausedSince === null)).toHaveLength(3 * 2);
    expect(rows.filter((row) => row.pausedSince !== null)).toHaveLength(1);
  });

  it('writes states only as known literals', () => {
    expect(statesSql(['SUBMITTED', 'IN_REVIEW']).sql).toBe("'SUBMITTED', 'IN_REVIEW'");
    expect(() => statesSql(["SUBMITTED') OR TRUE --" as CaseState])).toThrow();
  });
});
