// Issue 13 point 10 on a real PostgreSQL: the national board's lists are paged (every case reachable, none twice) and
// name provinces (and reviewers' units) instead of showing their codes.
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, validFiling } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { BOARD_PAGE_ROWS, getDeadlineBoard, parseBoardPages } from './board';

const national = { id: null, role: 'SUPERVISOR' as const, provinceCode: null };
const FILED = BOARD_PAGE_ROWS + 5;

beforeAll(async () => {
  await resetCaseData();
  // No Anhui reviewer: every filing waits unassigned in the pool.
  const citizen = await createUser('CITIZEN');
  for (let i = 0; i < FILED; i += 1) await submitAppeal(citizen, validFiling());
  await createUser('REVIEWER', { provinceCode: '41', unitCode: '410100' });
});

describe('the national board', () => {
  it('pages a long list: the second page holds the rest, a page past the end shows the last one', async () => {
    const first = await getDeadlineBoard({ ...national, id: (await createUser('SUPERVISOR')).id });
    expect(first.counts.unassigned).toBe(FILED);
    expect(first.pages.unassigned).toBe(1);
    expect(first.lists.unassigned).toHaveLength(BOARD_PAGE_ROWS);

    const second = await getDeadlineBoard(national, new Date(), parseBoardPages({ unassigned: '2' }));
    expect(second.pages.unassigned).toBe(2);
    expect(second.lists.unassigned).toHaveLength(FILED - BOARD_PAGE_ROWS);
    const all = [...first.lists.unassigned, ...second.lists.unassigned].map((row) => row.reference);
    expect(new Set(all).size).toBe(FILED);

    const beyond = await getDeadlineBoard(national, new Date(), parseBoardPages({ unassigned: '99' }));
    expect(beyond.pages.unassigned).toBe(2);
  });

  it('names provinces and units, not codes', async () => {
    const board = await getDeadlineBoard(national);
    expect(new Set(board.lists.unassigned.map((row) => row.provinceName))).toEqual(new Set(['安徽省']));
    const henan = board.workload.find((row) => row.provinceCode === '41');
    expect(henan).toMatchObject({ provinceName: '河南省', unitName: '郑州市' });
  });

  it('reads only well-formed page numbers from the URL', () => {
    expect(
      parseBoardPages({ overdue: '3', waiting: ['2', '5'], unassigned: '0', corrections: '-1', 'at-risk': 'x' }),
    ).toEqual({ overdue: 3, waiting: 2 });
  });
});
