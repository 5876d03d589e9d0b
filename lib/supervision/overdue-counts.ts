// The overdue cases of a supervisor's scope, read once per request: the board's overdue count, the national home's
// overdue cases per province and the workload's overdue cases per reviewer are all sums over one grouping of the
// overdue set (by province and assignee, with those in a reviewer's load counted apart), so the page scans the
// overdue set once instead of three times. The overdue rule itself is overdueSql's (deadline-filters.ts).
import 'server-only';
import { cache } from 'react';
import { prisma, Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { overdueSql, statesSql } from '@/lib/cases/rules/deadline-filters';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { scopeProvinceSql } from './scope';

export interface OverdueCounts {
  total: number;
  byProvince: Map<string, number>;
  /** Overdue cases in REVIEWER_LOAD_STATES per assignee (the workload's overdue column). */
  byReviewer: Map<string, number>;
}

/**
 * One statement: the overdue cases in scope per province and assignee (null: in the pool), all of them and those in
 * REVIEWER_LOAD_STATES, read index-only from the open-case deadline index; the sums are taken here.
 */
async function readOverdueCounts(
  provinceCode: string | null,
  now: Date,
  db: TransactionClient,
): Promise<OverdueCounts> {
  const scope: Actor = { id: null, role: 'SUPERVISOR', provinceCode };
  const groups = await sqlRows<{ province_code: string; assignee_id: string | null; count: number; in_load: number }>(
    db,
    Prisma.sql`
    SELECT c.province_code::text AS province_code, c.assignee_id::text AS assignee_id, count(*)::int AS count,
           (count(*) FILTER (WHERE c.state IN (${statesSql(REVIEWER_LOAD_STATES)})))::int AS in_load
      FROM appeal_case c
     WHERE ${scopeProvinceSql(scope, 'c.province_code')} AND ${overdueSql(now)}
     GROUP BY c.province_code, c.assignee_id`,
  );
  const counts: OverdueCounts = { total: 0, byProvince: new Map(), byReviewer: new Map() };
  for (const group of groups) {
    counts.total += group.count;
    counts.byProvince.set(group.province_code, (counts.byProvince.get(group.province_code) ?? 0) + group.count);
    if (group.assignee_id !== null && group.in_load > 0)
      counts.byReviewer.set(group.assignee_id, (counts.byReviewer.get(group.assignee_id) ?? 0) + group.in_load);
  }
  return counts;
}

/** Within one server request, one read per scope and time (the page hands the same `now` to every part). */
const sharedOverdueCounts = cache((provinceCode: string | null, nowMs: number) =>
  readOverdueCounts(provinceCode, new Date(nowMs), prisma),
);

/**
 * The scope's overdue counts. Through the shared client they are read once per server request (React's cache();
 * outside a request, e.g. in tests and scripts, every call reads); inside a transaction (the CSV export) from it.
 */
export function countOverdue(scope: Actor, now: Date, db: TransactionClient = prisma): Promise<OverdueCounts> {
  return db === prisma
    ? sharedOverdueCounts(scope.provinceCode, now.getTime())
    : readOverdueCounts(scope.provinceCode, now, db);
}
