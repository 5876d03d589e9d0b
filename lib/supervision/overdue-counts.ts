// The overdue cases of a supervisor's scope: the board's overdue count and the national home's overdue cases per
// province from the maintained deadline counters (lib/cases/views/deadline-counts.ts, read once per request with the
// board's at-risk count; the workload's overdue cases per reviewer are countOverdueByReviewer's there). The overdue rule
// itself is overdueSql's (deadline-filters.ts).
import 'server-only';
import { prisma, type TransactionClient } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { countDeadlinesAt } from '@/lib/cases/views/deadline-counts';

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
