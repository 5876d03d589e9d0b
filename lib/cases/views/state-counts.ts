// Cases per pool province and state without reading the cases (SPEC §12): triggers on appeal_case append a +1/-1
// row to case_state_delta for every insert, delete, state change and transfer (migration
// 20261127080000_supervision_counts); the count is case_state_count plus the deltas not yet folded into it.
import 'server-only';
import { cache } from 'react';
import { prisma, Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import { scopeProvinceSql } from '@/lib/supervision/scope';
import type { CaseState } from '@/lib/db/generated/enums';
import { CASE_STATES } from '@/lib/cases/rules/transitions';

export interface StateCountRow {
  provinceCode: string;
  state: CaseState;
  count: number;
}

/** Every state in lifecycle order with its number of cases (0 where none), summed over the rows' provinces. */
export function countsPerState(
  rows: readonly Pick<StateCountRow, 'state' | 'count'>[],
): { state: CaseState; count: number }[] {
  const counts = new Map<CaseState, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + row.count);
  return CASE_STATES.map((state) => ({ state, count: counts.get(state) ?? 0 }));
}

/** The cases of the given states in the rows (summed over provinces). */
export function countInStates(rows: readonly Pick<StateCountRow, 'state' | 'count'>[], states: readonly CaseState[]) {
  return rows.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + row.count, 0);
}

/** Cases per province and state, in one province or (null) the whole country. One statement: one consistent snapshot. */
export async function countCasesByState(
  provinceCode: string | null,
  db: TransactionClient = prisma,
): Promise<StateCountRow[]> {
  const inScope = (column: string) => scopeProvinceSql({ provinceCode }, column);
  const rows = await sqlRows<{ province_code: string; state: CaseState; count: number }>(
    db,
    Prisma.sql`
    SELECT t.province_code::text AS province_code, t.state::text AS state, sum(t.n)::int AS count
      FROM (SELECT province_code, state, count AS n FROM case_state_count WHERE ${inScope('province_code')}
            UNION ALL
            SELECT province_code, state, delta FROM case_state_delta WHERE ${inScope('province_code')}) t
     GROUP BY t.province_code, t.state
    HAVING sum(t.n) <> 0
     ORDER BY t.province_code, t.state`,
  );
  return rows.map((row) => ({ provinceCode: row.province_code, state: row.state, count: row.count }));
}

/**
 * Within one server request, one read per scope and time (the supervisor's home and board share it). The time is only
 * part of the key: a later view in the same request (after a server action) reads again.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the time is the cache key's second part only
const sharedCasesByState = cache((provinceCode: string | null, nowMs: number) => countCasesByState(provinceCode));

/**
 * countCasesByState for the parts of one page rendered at `now`: through the shared client read once per server
 * request (React's cache(); outside a request every call reads), inside a transaction from it.
 */
export function countCasesByStateAt(
  provinceCode: string | null,
  now: Date,
  db: TransactionClient = prisma,
): Promise<StateCountRow[]> {
  return db === prisma ? sharedCasesByState(provinceCode, now.getTime()) : countCasesByState(provinceCode, db);
}

/**
 * Folds the deltas into the counts; safe to run anywhere and concurrently (each delta row is deleted, and so counted,
 * by one compaction only). Run with the statistics refresh and the sweep. Returns how many deltas were folded.
 */
export async function compactCaseStateCounts(db: TransactionClient = prisma): Promise<number> {
  const [row] = await sqlRows<{ folded: number }>(
    db,
    Prisma.sql`
    WITH moved AS (DELETE FROM case_state_delta RETURNING province_code, state, delta),
         summed AS (SELECT province_code, state, sum(delta)::int AS delta, count(*)::int AS n FROM moved GROUP BY 1, 2),
         folded AS (
           INSERT INTO case_state_count (province_code, state, count)
           SELECT province_code, state, delta FROM summed
           ON CONFLICT (province_code, state) DO UPDATE SET count = case_state_count.count + EXCLUDED.count)
    SELECT COALESCE(sum(n), 0)::int AS folded FROM summed`,
  );
  return row?.folded ?? 0;
}

/** Counts everything again from the cases (after bulk loads that bypass the triggers, such as the benchmark's COPY). */
export async function recountCaseStates(db: Pick<TransactionClient, '$executeRaw'>): Promise<void> {
  await db.$executeRaw`DELETE FROM case_state_delta`;
  await db.$executeRaw`DELETE FROM case_state_count`;
  await db.$executeRaw`INSERT INTO case_state_count (province_code, state, count) SELECT province_code, state, count(*)::int FROM appeal_case GROUP BY 1, 2`;
}
