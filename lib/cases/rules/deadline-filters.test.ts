// The SQL deadline conditions pick exactly the cases the rule of SPEC §7 names, written out here case by case: running
// and paused clocks, before, inside and past the at-risk window, open and finished states (real PostgreSQL).
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma, Prisma } from '@/lib/db/client';
import type { CaseState } from '@/lib/db/generated/enums';
import { insertCase } from '@/test/support/supervision-data';
import { resetCaseData } from '@/test/support/db';
import { createUser } from '@/test/support/fixtures';
import { atRiskSql, overdueSql, statesSql } from '@/lib/cases/rules/deadline-filters';
import { countDeadlinesByProvince } from '@/lib/cases/views/deadline-counts';
import { isAtRisk, isOverdue, type ClockedCase } from '@/test/support/deadline-rule';

const HOUR = 3600_000;
const NOW = new Date('2026-11-27T04:00:00Z');
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

beforeAll(async () => {
  await resetCaseData();
  const citizen = await createUser('CITIZEN');
  const states: CaseState[] = [
    'SUBMITTED',
    'IN_REVIEW',
    'AWAITING_CITIZEN',
    'SECOND_REVIEW_REQUESTED',
    'DECIDED',
    'CLOSED',
  ];
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

interface PlantedCase extends ClockedCase {
  id: string;
}

async function idsByRule(rule: (c: PlantedCase) => boolean): Promise<string[]> {
  const cases = await getPrisma().case.findMany({
    select: { id: true, state: true, dueAt: true, atRiskAt: true, pausedSince: true },
  });
  return cases
    .filter(rule)
    .map((c) => c.id)
    .sort();
}

async function idsSql(condition: Prisma.Sql): Promise<string[]> {
  const rows = await getPrisma().$queryRaw<{ id: string }[]>`SELECT c.id::text FROM appeal_case c WHERE ${condition}`;
  return rows.map((row) => row.id).sort();
}

describe('deadline conditions', () => {
  it.each([at(-40), at(-3), NOW, at(3), at(48)])(
    'overdue and at risk pick the cases the rule names at %s',
    async (now) => {
      const overdue = await idsSql(overdueSql(now));
      expect(overdue).toEqual(await idsByRule((c) => isOverdue(c, now)));
      const atRisk = await idsSql(atRiskSql(now));
      expect(atRisk).toEqual(await idsByRule((c) => isAtRisk(c, now)));
      // The board's counts from the maintained deadline counters (deadline-counts.ts) agree.
      const counted = overdue.length + atRisk.length > 0;
      expect(await countDeadlinesByProvince(null, now)).toEqual(
        counted ? [{ provinceCode: '34', overdue: overdue.length, atRisk: atRisk.length }] : [],
      );
      expect(overdue.filter((id) => atRisk.includes(id))).toEqual([]);
    },
  );

  it('counts the cases a person would: overdue includes a clock that stopped after its deadline, not one stopped before', async () => {
    // Running: 3 open states × the 2 deadlines already past. Stopped clocks (waiting on the citizen): stopped 2 h ago,
    // only the deadline of 30 h ago had passed by then; stopped 40 h ago, none had.
    const overdue = await idsSql(overdueSql(NOW));
    const rows = await getPrisma().case.findMany({ where: { id: { in: overdue } }, select: { pausedSince: true } });
    expect(rows.filter((row) => row.pausedSince === null)).toHaveLength(3 * 2);
    expect(rows.filter((row) => row.pausedSince !== null)).toHaveLength(1);
  });

  it('writes states only as known literals', () => {
    expect(statesSql(['SUBMITTED', 'IN_REVIEW']).sql).toBe("'SUBMITTED', 'IN_REVIEW'");
    expect(() => statesSql(["SUBMITTED') OR TRUE --" as CaseState])).toThrow();
  });
});
