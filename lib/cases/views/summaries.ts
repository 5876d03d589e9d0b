// Small read queries for the role homes. Every query starts from caseScopeWhere, so a home never counts a case
// outside its reader's scope; results are plain numbers and short rows, never whole case records.
import 'server-only';
import { prisma, Prisma, sqlRows } from '@/lib/db/client';
import type { CaseState, Role } from '@/lib/db/generated/enums';
import { caseScopeWhere, type Actor } from '@/lib/auth/scope';
import { countDeadlinesAt } from './deadline-counts';
import { countCasesByState, countCasesByStateAt, countInStates, countsPerState } from './state-counts';
import { FIRST_LEVEL_OPEN_STATES, OPEN_STATES } from '@/lib/cases/rules/transitions';
import { divisionNames, provinceName as findProvinceName } from '@/lib/reference/divisions';

export interface ReviewerHome {
  provinceCode: string | null;
  provinceName: string | null;
  openCount: number;
  poolCount: number;
  mineCount: number;
}

/**
 * The reviewer's home, from maintained counters only, so the numbers cost the same on every queue page however deep the
 * pool: open cases and the pool from the per-state counters (a pooled case is a SUBMITTED one: the database refuses a
 * SUBMITTED case with a reviewer, migration 20261207000000), the reviewer's own cases from the load routing keeps with
 * every case change (reviewer_load, lib/cases/rules/routing.ts).
 */
export async function getReviewerHome(user: Actor): Promise<ReviewerHome> {
  const scope = caseScopeWhere(user);
  const province = user.role === 'REVIEWER' && typeof scope.provinceCode === 'string' ? scope.provinceCode : null;
  const [byState, [own], provinceName] = await Promise.all([
    province ? countCasesByState(province) : Promise.resolve([]),
    province
      ? sqlRows<{ mine: number }>(
          prisma,
          Prisma.sql`SELECT open_case_count AS mine FROM reviewer_load
                      WHERE province_code = ${province} AND user_id = ${user.id}::uuid`,
        )
      : Promise.resolve([]),
    user.provinceCode ? findProvinceName(user.provinceCode) : Promise.resolve(null),
  ]);
  return {
    provinceCode: user.provinceCode,
    provinceName,
    openCount: countInStates(byState, FIRST_LEVEL_OPEN_STATES),
    poolCount: countInStates(byState, ['SUBMITTED']),
    mineCount: own?.mine ?? 0,
  };
}

export interface ProvinceLoadRow {
  provinceCode: string;
  provinceName: string;
  open: number;
  overdue: number;
}

export interface SupervisorHome {
  /** Null for a national supervisor. */
  provinceCode: string | null;
  provinceName: string | null;
  byState: { state: CaseState; count: number }[];
  total: number;
  /** Open and overdue cases per province (national scope only). */
  provinces: ProvinceLoadRow[];
}

/**
 * The supervisor's home: cases per state from the maintained counters and, nationally, overdue cases per province from
 * the deadline counters (deadline-counts.ts: the same read as the board's overdue and at-risk counts within one
 * request), so that it stays fast at a million cases.
 */
export async function getSupervisorHome(user: Actor, now = new Date()): Promise<SupervisorHome> {
  if (user.role !== 'SUPERVISOR') throw new Error('the supervisor home is for supervisors');
  const national = user.provinceCode === null;
  // The overdue, at-risk and unassigned totals are the deadline board's counts (lib/supervision/board.ts), shown
  // beside this home on the same page: counted there once, not again here.
  const [stateCounts, provinceName, overdueByProvince] = await Promise.all([
    countCasesByStateAt(user.provinceCode, now),
    user.provinceCode ? findProvinceName(user.provinceCode) : Promise.resolve(null),
    national
      ? countDeadlinesAt(null, now).then(
          (rows) => new Map(rows.filter((row) => row.overdue !== 0).map((row) => [row.provinceCode, row.overdue])),
        )
      : Promise.resolve(new Map<string, number>()),
  ]);
  const openByProvince = new Map<string, number>();
  for (const row of stateCounts) {
    if (national && OPEN_STATES.includes(row.state))
      openByProvince.set(row.provinceCode, (openByProvince.get(row.provinceCode) ?? 0) + row.count);
  }
  const codes = [...new Set([...openByProvince.keys(), ...overdueByProvince.keys()])].sort();
  const names = codes.length > 0 ? await divisionNames(codes) : new Map<string, string>();
  return {
    provinceCode: user.provinceCode,
    provinceName,
    byState: countsPerState(stateCounts),
    total: stateCounts.reduce((sum, row) => sum + row.count, 0),
    provinces: codes.map((code) => ({
      provinceCode: code,
      provinceName: names.get(code) ?? code,
      open: openByProvince.get(code) ?? 0,
      overdue: overdueByProvince.get(code) ?? 0,
    })),
  };
}

export interface StaffCountRow {
  /** Null for national staff (national supervisors, administrators). */
  provinceCode: string | null;
  provinceName: string | null;
  counts: Record<Exclude<Role, 'CITIZEN'>, number>;
  inactive: number;
}

export interface AdminHome {
  rows: StaffCountRow[];
  totals: Record<Exclude<Role, 'CITIZEN'>, number>;
}

/** Staff accounts (active ones per role, inactive ones together) per province; needs no case access. */
export async function getAdminHome(): Promise<AdminHome> {
  const groups = await prisma.user.groupBy({
    by: ['provinceCode', 'role', 'active'],
    where: { role: { in: ['REVIEWER', 'SUPERVISOR', 'ADMIN'] } },
    _count: { _all: true },
  });
  const codes = [
    ...new Set(groups.map((group) => group.provinceCode).filter((code): code is string => code !== null)),
  ].sort();
  const names = codes.length > 0 ? await divisionNames(codes) : new Map<string, string>();
  const empty = () => ({ REVIEWER: 0, SUPERVISOR: 0, ADMIN: 0 });
  const rows = new Map<string | null, StaffCountRow>(
    [...codes, null].map((code) => [
      code,
      { provinceCode: code, provinceName: code ? (names.get(code) ?? code) : null, counts: empty(), inactive: 0 },
    ]),
  );
  const totals = empty();
  for (const group of groups) {
    const row = rows.get(group.provinceCode);
    if (!row || group.role === 'CITIZEN') continue;
    if (!group.active) {
      row.inactive += group._count._all;
      continue;
    }
    row.counts[group.role] += group._count._all;
    totals[group.role] += group._count._all;
  }
  return {
    rows: [...rows.values()].filter(
      (row) => row.provinceCode !== null || Object.values(row.counts).some(Boolean) || row.inactive > 0,
    ),
    totals,
  };
}
