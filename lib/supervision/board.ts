// The deadline board (SPEC §7, §12): overdue, at risk, unassigned, waiting on citizens and corrections not confirmed
// within 2 hours, and each reviewer's workload, all within the supervisor's scope. Rows are small plain objects.
import 'server-only';
import { prisma, Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import type { CaseState, CaseType, CodeColour, DecisionOutcome, DeliveryStatus } from '@/lib/db/generated/enums';
import { scopeProvinceSql } from './scope';
import { unconfirmedCorrectionOrdersSql } from '@/lib/integration/correction-orders';
import { atRiskSql, overdueSql } from '@/lib/cases/rules/deadline-filters';
import { countDeadlinesAt, countOverdueByReviewer } from '@/lib/cases/views/deadline-counts';
import { countCasesByStateAt, countInStates } from '@/lib/cases/views/state-counts';
import { type Actor } from '@/lib/auth/actor';
import { divisionNames } from '@/lib/reference/divisions';

/** Corrections not confirmed within this time are shown to supervisors (SPEC §5). */
export const CORRECTION_CONFIRMATION_MS = 2 * 3600 * 1000;

export const BOARD_LISTS = ['overdue', 'at-risk', 'unassigned', 'waiting', 'corrections'] as const;
export type BoardList = (typeof BOARD_LISTS)[number];
type CaseList = Exclude<BoardList, 'corrections'>;
const CASE_LISTS = BOARD_LISTS.filter((list): list is CaseList => list !== 'corrections');

/**
 * Rows per page of each list on the board (the most urgent ten, the others a page or the CSV export away), and
 * reviewers on the national board (a province's board shows all of its reviewers). At 25 the national board's lists
 * and reviewers were 150 rows, most of its 290 KB and of its rendering time.
 */
export const BOARD_PAGE_ROWS = 10;

/** The page shown of each paged list (1 when not given). */
export type BoardPages = Partial<Record<BoardList, number>>;

/** The pages asked for in the board's URL (`?overdue=2&corrections=3`); anything else is page 1. */
export function parseBoardPages(params: Record<string, string | string[] | undefined>): BoardPages {
  const pages: BoardPages = {};
  for (const list of BOARD_LISTS) {
    const raw = params[list];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value && /^[1-9]\d{0,5}$/.test(value)) pages[list] = Number(value);
  }
  return pages;
}

export function boardPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / BOARD_PAGE_ROWS));
}

/** Names of the provinces and units the rows mention, in one lookup (the board shows names, not codes). */
async function namesOf(rows: { provinceCode: string | null; unitCode?: string | null }[]) {
  const codes = new Set<string>();
  for (const row of rows) {
    if (row.provinceCode) codes.add(row.provinceCode);
    if (row.unitCode) codes.add(row.unitCode);
  }
  const names = await divisionNames(codes);
  return (code: string | null | undefined) => (code ? (names.get(code) ?? code) : null);
}

function limitOffset(options: { limit?: number; offset?: number }): Prisma.Sql {
  const limit = options.limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${options.limit}`;
  return options.offset ? Prisma.sql`${limit} OFFSET ${options.offset}` : limit;
}

export interface BoardCaseRow {
  caseId: string;
  reference: string;
  type: CaseType;
  state: CaseState;
  provinceCode: string;
  provinceName: string | null;
  colour: CodeColour;
  primaFacieOverreach: boolean;
  assigneeName: string | null;
  filedAt: Date;
  dueAt: Date;
  /** Waiting on the citizen: when their answer is due (the reviewer may then decide on the record). */
  replyDueAt: Date | null;
}

export interface CorrectionRow {
  caseId: string;
  reference: string;
  provinceCode: string;
  provinceName: string | null;
  outcome: DecisionOutcome | null;
  orderedAt: Date;
  sentAt: Date | null;
  deliveryStatus: DeliveryStatus;
  deliveryAttempts: number;
  waitingMinutes: number;
}

export interface WorkloadRow {
  reviewerId: string;
  name: string;
  provinceCode: string | null;
  provinceName: string | null;
  unitCode: string | null;
  unitName: string | null;
  active: boolean;
  capacity: number;
  open: number;
  overdue: number;
  lastAssignedAt: Date | null;
}

/** Each list's condition on appeal_case `c` (SQL, so that the open-case deadline index answers it at any size). */
const LIST_SQL: Record<CaseList, (now: Date) => Prisma.Sql> = {
  overdue: overdueSql,
  'at-risk': atRiskSql,
  // countBoard counts these two from the per-state counts: keep it in step.
  unassigned: () => Prisma.sql`c.state = 'SUBMITTED' AND c.assignee_id IS NULL`,
  waiting: () => Prisma.sql`c.state = 'AWAITING_CITIZEN'`,
};

interface CaseRowRecord {
  list: string;
  id: string;
  reference: string;
  type: CaseType;
  state: CaseState;
  province_code: string;
  colour: CodeColour;
  prima_facie_overreach: boolean;
  assignee_name: string | null;
  filed_at: Date;
  due_at: Date;
  reply_due_at: Date | null;
}

function toCaseRow(row: CaseRowRecord): Omit<BoardCaseRow, 'provinceName'> {
  return {
    caseId: row.id,
    reference: row.reference,
    type: row.type,
    state: row.state,
    provinceCode: row.province_code,
    colour: row.colour,
    primaFacieOverreach: row.prima_facie_overreach,
    assigneeName: row.assignee_name,
    filedAt: row.filed_at,
    dueAt: row.due_at,
    replyDueAt: row.reply_due_at,
  };
}

/** Count of one list's cases in scope, as a scalar subquery. */
function boardCaseCountSql(scope: Actor, list: CaseList, now: Date): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM appeal_case c WHERE ${scopeProvinceSql(scope, 'c.province_code')} AND ${LIST_SQL[list](now)})`;
}

export async function countBoardCases(scope: Actor, list: CaseList, now = new Date(), db: TransactionClient = prisma) {
  const [row] = await sqlRows<{ count: number }>(
    db,
    Prisma.sql`SELECT ${boardCaseCountSql(scope, list, now)} AS count`,
  );
  return row?.count ?? 0;
}

/** One list's page of cases in scope, most urgent first (earliest deadline, prima facie overreach first on a tie). */
function boardCaseListSql(
  scope: Actor,
  list: CaseList,
  options: { limit?: number; offset?: number; now?: Date },
): Prisma.Sql {
  return Prisma.sql`
    SELECT ${list}::text AS list, c.id::text, c.reference, c.type::text AS type, c.state::text AS state,
           c.province_code::text AS province_code, c.colour::text AS colour, c.prima_facie_overreach,
           u.display_name AS assignee_name, c.filed_at, c.due_at, r.reply_due_at
      FROM appeal_case c
      LEFT JOIN app_user u ON u.id = c.assignee_id
      LEFT JOIN LATERAL (SELECT i.reply_due_at FROM information_request i
                          WHERE i.province_code = c.province_code AND i.case_id = c.id AND i.replied_at IS NULL
                          ORDER BY i.requested_at DESC LIMIT 1) r ON TRUE
     WHERE ${scopeProvinceSql(scope, 'c.province_code')} AND ${LIST_SQL[list](options.now ?? new Date())}
     ORDER BY c.due_at, c.prima_facie_overreach DESC, c.reference
     ${limitOffset(options)}`;
}

/** Board rows with their provinces' names. */
async function boardCaseRows(rows: CaseRowRecord[]): Promise<BoardCaseRow[]> {
  const cases = rows.map(toCaseRow);
  const name = await namesOf(cases);
  return cases.map((row) => ({ ...row, provinceName: name(row.provinceCode) }));
}

/** One list of the board, most urgent first (earliest deadline, prima facie overreach first on a tie). */
export async function listBoardCases(
  scope: Actor,
  list: CaseList,
  options: { limit?: number; offset?: number; now?: Date } = {},
  db: TransactionClient = prisma,
): Promise<BoardCaseRow[]> {
  return boardCaseRows(await sqlRows<CaseRowRecord>(db, boardCaseListSql(scope, list, options)));
}

interface CorrectionRecord {
  case_id: string;
  reference: string;
  province_code: string;
  outcome: DecisionOutcome | null;
  created_at: Date;
  delivered_at: Date | null;
  status: DeliveryStatus;
  attempts: number;
}

/**
 * Each case's latest correction order (a second-level decision may order a new one) still unconfirmed two hours after
 * it was ordered, sent or not, oldest first. Same rule as lib/integration/effectuation.ts, but starting from the
 * supervisor's scope: the province whose pool holds the case.
 */
export async function listUnconfirmedCorrections(
  scope: Actor,
  options: { limit?: number; offset?: number; now?: Date } = {},
  db: TransactionClient = prisma,
): Promise<CorrectionRow[]> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - CORRECTION_CONFIRMATION_MS);
  const limit = limitOffset(options);
  const rows = await sqlRows<CorrectionRecord>(
    db,
    Prisma.sql`
    ${unconfirmedCorrectionOrdersSql(cutoff)}
    SELECT c.id::text AS case_id, c.reference, c.province_code, COALESCE(s.outcome, f.outcome)::text AS outcome,
           o.created_at, o.delivered_at, o.status, o.attempts
      FROM orders o
      JOIN appeal_case c ON c.id = o.case_id
      LEFT JOIN decision f ON f.province_code = c.province_code AND f.case_id = c.id AND f.level = 'FIRST'
      LEFT JOIN decision s ON s.province_code = c.province_code AND s.case_id = c.id AND s.level = 'SECOND'
     WHERE ${scopeProvinceSql(scope, 'c.province_code')}
     ORDER BY o.created_at, c.reference
     ${limit}`,
  );
  const name = await namesOf(rows.map((row) => ({ provinceCode: row.province_code })));
  return rows.map((row) => ({
    caseId: row.case_id,
    reference: row.reference,
    provinceCode: row.province_code,
    provinceName: name(row.province_code),
    outcome: row.outcome,
    orderedAt: row.created_at,
    sentAt: row.delivered_at,
    deliveryStatus: row.status,
    deliveryAttempts: row.attempts,
    waitingMinutes: Math.floor((now.getTime() - row.created_at.getTime()) / 60_000),
  }));
}

/** Unconfirmed correction orders in scope (after unconfirmedCorrectionOrdersSql's `orders`), as a scalar subquery. */
function correctionCountSql(scope: Actor): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM orders o JOIN appeal_case c ON c.id = o.case_id
                      WHERE ${scopeProvinceSql(scope, 'c.province_code')})`;
}

/**
 * The board's five counts. Overdue and at risk: from the maintained deadline counters (read once per request with the
 * home's overdue cases per province, deadline-counts.ts). Waiting on citizens and unassigned: from the maintained
 * per-state counts (read once per request with the home's cases per state, state-counts.ts); unassigned is the
 * SUBMITTED count, as the database refuses a SUBMITTED case with an assignee (appeal_case_pool_unassigned_check), so
 * the pool is not read case by case. Corrections: their own index scan.
 */
async function countBoard(scope: Actor, now: Date, db: TransactionClient = prisma): Promise<Record<BoardList, number>> {
  const cutoff = new Date(now.getTime() - CORRECTION_CONFIRMATION_MS);
  const [[counts], deadlines, states] = await Promise.all([
    sqlRows<{ corrections: number }>(
      db,
      Prisma.sql`
      ${unconfirmedCorrectionOrdersSql(cutoff)}
      SELECT ${correctionCountSql(scope)} AS "corrections"`,
    ),
    countDeadlinesAt(scope.provinceCode, now, db),
    countCasesByStateAt(scope.provinceCode, now, db),
  ]);
  return {
    corrections: counts!.corrections,
    overdue: deadlines.reduce((sum, row) => sum + row.overdue, 0),
    'at-risk': deadlines.reduce((sum, row) => sum + row.atRisk, 0),
    unassigned: countInStates(states, ['SUBMITTED']),
    waiting: countInStates(states, ['AWAITING_CITIZEN']),
  };
}

/** The pages shown of the four case lists in one statement (UNION ALL of each list's page), by list. */
async function listBoardPages(
  scope: Actor,
  options: (list: CaseList) => { limit: number; offset: number; now: Date },
  db: TransactionClient = prisma,
): Promise<Record<CaseList, BoardCaseRow[]>> {
  const rows = await sqlRows<CaseRowRecord>(
    db,
    Prisma.sql`
    SELECT * FROM (${Prisma.join(
      CASE_LISTS.map((list) => Prisma.sql`(${boardCaseListSql(scope, list, options(list))})`),
      ' UNION ALL ',
    )}) l
     ORDER BY l.list, l.due_at, l.prima_facie_overreach DESC, l.reference`,
  );
  const cases = await boardCaseRows(rows);
  const lists = Object.fromEntries(CASE_LISTS.map((list) => [list, [] as BoardCaseRow[]])) as Record<
    CaseList,
    BoardCaseRow[]
  >;
  rows.forEach((row, index) => lists[row.list as CaseList].push(cases[index]!));
  return lists;
}

interface ReviewerRecord {
  id: string;
  display_name: string;
  province_code: string | null;
  unit_code: string | null;
  active: boolean;
  capacity: number;
  open: number;
  last_assigned_at: Date | null;
  /** Reviewers in scope, however many the statement returns. */
  total: number;
}

/**
 * Every reviewer in scope (inactive ones too, so a leaver's cases can be moved) with their open cases, the overdue ones
 * still to be read (withOverdue). The open count is the one routing keeps per reviewer and province
 * (reviewer_load.open_case_count, maintained with every case change), so the board does not count all open cases on
 * every view. With `fullest`, only that many of them, the fullest first (open cases against capacity).
 */
async function listReviewerLoads(
  scope: Actor,
  db: TransactionClient,
  fullest?: number,
): Promise<{ rows: WorkloadRow[]; total: number }> {
  const inScope = scopeProvinceSql(scope, 'u.province_code');
  // One statement, in plain SQL: on the national board these are ~600 reviewers and their load rows, of which the
  // page shows the fullest few (Prisma's row mapping of the two result sets was once most of the board's data work).
  // The loads are summed apart (MATERIALIZED: on Citus an intermediate result of reviewer_load, distributed with the
  // cases) and joined to the reviewers, who have none when they never had a case.
  const records = await sqlRows<ReviewerRecord>(
    db,
    Prisma.sql`
    WITH loads AS MATERIALIZED (
      SELECT l.user_id, sum(l.open_case_count)::int AS open, max(l.last_assigned_at) AS last_assigned_at
        FROM reviewer_load l JOIN app_user u ON u.id = l.user_id
       WHERE u.role = 'REVIEWER' AND ${inScope}
       GROUP BY l.user_id)
    SELECT u.id::text, u.display_name, u.province_code::text AS province_code, u.unit_code::text AS unit_code,
           u.active, u.capacity, COALESCE(l.open, 0)::int AS open, l.last_assigned_at, (count(*) OVER ())::int AS total
      FROM app_user u LEFT JOIN loads l ON l.user_id = u.id
     WHERE u.role = 'REVIEWER' AND ${inScope}
     ${
       fullest === undefined
         ? Prisma.sql`ORDER BY u.province_code, u.display_name, u.id`
         : Prisma.sql`ORDER BY COALESCE(l.open, 0)::float8 / GREATEST(u.capacity, 1) DESC, u.display_name, u.id
                      LIMIT ${fullest}`
     }`,
  );
  const name = await namesOf(
    records.map((reviewer) => ({ provinceCode: reviewer.province_code, unitCode: reviewer.unit_code })),
  );
  const rows = records.map((reviewer) => ({
    reviewerId: reviewer.id,
    name: reviewer.display_name,
    provinceCode: reviewer.province_code,
    provinceName: name(reviewer.province_code),
    unitCode: reviewer.unit_code,
    unitName: name(reviewer.unit_code),
    active: reviewer.active,
    capacity: reviewer.capacity,
    open: reviewer.open,
    overdue: 0,
    lastAssignedAt: reviewer.last_assigned_at,
  }));
  return { rows, total: records[0]?.total ?? 0 };
}

/** The rows with their reviewers' overdue cases in scope, read for these reviewers only (deadline-counts.ts). */
async function withOverdue(
  scope: Actor,
  rows: WorkloadRow[],
  now: Date,
  db: TransactionClient,
): Promise<WorkloadRow[]> {
  const overdue = await countOverdueByReviewer(
    scope.provinceCode,
    rows.map((row) => row.reviewerId),
    now,
    db,
  );
  return rows.map((row) => ({ ...row, overdue: overdue.get(row.reviewerId) ?? 0 }));
}

/** Every reviewer in scope with open and overdue cases (the CSV export's workload). */
export async function listWorkload(
  scope: Actor,
  now = new Date(),
  db: TransactionClient = prisma,
): Promise<WorkloadRow[]> {
  return withOverdue(scope, (await listReviewerLoads(scope, db)).rows, now, db);
}

/** A reviewer's last assignment over their load rows (one per province they worked in), or null. */
export function latestAssignment(loads: { lastAssignedAt: Date | null }[]): Date | null {
  return loads.reduce<Date | null>(
    (latest, load) => (load.lastAssignedAt && (!latest || load.lastAssignedAt > latest) ? load.lastAssignedAt : latest),
    null,
  );
}

export interface DeadlineBoard {
  counts: Record<BoardList, number>;
  lists: Record<CaseList, BoardCaseRow[]>;
  corrections: CorrectionRow[];
  workload: WorkloadRow[];
  /** Reviewers in scope (the national board shows the BOARD_PAGE_ROWS most loaded of them). */
  workloadTotal: number;
  /** The page shown of each list (within its page count). */
  pages: Record<BoardList, number>;
}

const fullness = (row: WorkloadRow) => row.open / Math.max(row.capacity, 1);

/**
 * The national board's reviewers: the fullest (open cases against capacity, from the maintained loads) are chosen
 * first, so that only their overdue cases are read; they are shown most overdue first, then the fullest: whom a
 * national supervisor may need to relieve. A province's board shows all of its reviewers in their own order.
 */
async function boardWorkload(scope: Actor, now: Date): Promise<{ workload: WorkloadRow[]; workloadTotal: number }> {
  const national = scope.provinceCode === null;
  const { rows, total } = await listReviewerLoads(scope, prisma, national ? BOARD_PAGE_ROWS : undefined);
  const shown = await withOverdue(scope, rows, now, prisma);
  return {
    workload: national
      ? shown.sort((a, b) => b.overdue - a.overdue || fullness(b) - fullness(a) || a.name.localeCompare(b.name))
      : shown,
    workloadTotal: total,
  };
}

export async function getDeadlineBoard(
  scope: Actor,
  now = new Date(),
  requested: BoardPages = {},
): Promise<DeadlineBoard> {
  // The workload does not depend on the counts: read alongside them.
  const [totals, workload] = await Promise.all([countBoard(scope, now), boardWorkload(scope, now)]);
  // A page past the end shows the last page.
  const pages = Object.fromEntries(
    BOARD_LISTS.map((list) => [list, Math.min(Math.max(1, requested[list] ?? 1), boardPageCount(totals[list]))]),
  ) as Record<BoardList, number>;
  const options = (list: BoardList) => ({ limit: BOARD_PAGE_ROWS, offset: (pages[list] - 1) * BOARD_PAGE_ROWS, now });
  const [lists, corrections] = await Promise.all([
    listBoardPages(scope, options),
    listUnconfirmedCorrections(scope, options('corrections')),
  ]);
  return { counts: totals, pages, lists, corrections, ...workload };
}
