// The overdue cases of a supervisor's scope: the board's overdue count and the national home's overdue cases per
// province from the maintained deadline counters (lib/cases/views/deadline-counts.ts, read once per request with the
// board's at-risk count), and the workload's overdue cases per reviewer for just the reviewers a page shows. The overdue
// rule itself is overdueSql's (deadline-filters.ts).
import 'server-only';
import { prisma, Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { overdueByClockSql, statesSql } from '@/lib/cases/rules/deadline-filters';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { countDeadlinesAt } from '@/lib/cases/views/deadline-counts';
import { scopeProvinceSql } from './scope';

export interface OverdueCounts {
  total: number;
  byProvince: Map<string, number>;
}

/**
 * The scope's overdue counts. Through the shared client they are read once per server request with the at-risk counts
 * (React's cache(); outside a request, e.g. in tests and scripts, every call reads); inside a transaction (the CSV
 * export) from it.
 */
export async function countOverdue(scope: Actor, now: Date, db: TransactionClient = prisma): Promise<OverdueCounts> {
  const rows = await countDeadlinesAt(scope.provinceCode, now, db);
  const counts: OverdueCounts = { total: 0, byProvince: new Map() };
  for (const row of rows) {
    counts.total += row.overdue;
    if (row.overdue !== 0) counts.byProvince.set(row.provinceCode, row.overdue);
  }
  return counts;
}

/**
 * Overdue cases in REVIEWER_LOAD_STATES per assignee, for the given reviewers only (the rows a page shows; the CSV
 * export passes them all), in the scope's cases. Running and stopped clocks are counted apart (overdueByClockSql) so
 * that each part reads the reviewer's own queue index (appeal_case_mine_queue_idx: running clocks by assignee and
 * deadline; appeal_case_mine_paused_idx: stopped ones) rather than every overdue case in scope.
 */
export async function countOverdueByReviewer(
  scope: Actor,
  reviewerIds: readonly string[],
  now: Date,
  db: TransactionClient = prisma,
): Promise<Map<string, number>> {
  if (reviewerIds.length === 0) return new Map();
  const mine = Prisma.sql`${scopeProvinceSql(scope, 'c.province_code')}
       AND c.assignee_id IN (${Prisma.join(reviewerIds.map((id) => Prisma.sql`${id}::uuid`))})
       AND c.state IN (${statesSql(REVIEWER_LOAD_STATES)})`;
  const overdue = overdueByClockSql(now);
  const rows = await sqlRows<{ assignee_id: string; count: number }>(
    db,
    Prisma.sql`
    SELECT o.assignee_id::text AS assignee_id, sum(o.n)::int AS count
      FROM (SELECT c.assignee_id, count(*) AS n FROM appeal_case c
             WHERE ${mine} AND ${overdue.running} GROUP BY c.assignee_id
            UNION ALL
            SELECT c.assignee_id, count(*) FROM appeal_case c
             WHERE ${mine} AND ${overdue.stopped} GROUP BY c.assignee_id) o
     GROUP BY o.assignee_id`,
  );
  return new Map(rows.map((row) => [row.assignee_id, row.count]));
}
