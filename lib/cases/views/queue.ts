// The reviewer's queue (SPEC §6–§7): "mine" and the province pool, filtered, sorted and paged in the database with
// keyset cursors. Each page is a UNION ALL of small index range scans (one per urgency segment and clock kind), each
// starting at the cursor and stopping after one page, so the 1,000th page costs what the first does.
import 'server-only';
import { z } from 'zod';
import { caseScopeWhere, type Actor } from '@/lib/auth/scope';
import { prisma, Prisma, sqlRows } from '@/lib/db/client';
import { AppealGround, CaseState, CodeColour } from '@/lib/db/generated/enums';
import { REVIEWER_LOAD_STATES, stateListSql } from '@/lib/cases/rules/transitions';
import { deadlineStatus, type DeadlineStatus } from '@/lib/cases/rules/deadlines';
import { divisionNames, listUnits } from '@/lib/reference/divisions';

export const QUEUE_TABS = ['mine', 'pool'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** `urgency`: overdue first, then prima facie overreach, then time left. `timeLeft`: time left only. */
export const QUEUE_SORTS = ['urgency', 'timeLeft'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const DEADLINE_FILTERS = ['overdue', 'atRisk', 'onTrack', 'paused'] as const;
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number];

/** A reviewer's own first-level work; the pool is always SUBMITTED and unassigned. */
export const MINE_STATES = REVIEWER_LOAD_STATES;

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** Where a page starts: the sort key of the row next to it, and the instant the walk judges "overdue" against. */
export interface QueueCursor {
  segment: number;
  key: Date;
  id: string;
  asOf: Date;
}

export interface QueueQuery {
  tab: QueueTab;
  state?: (typeof MINE_STATES)[number];
  colour?: CodeColour;
  grounds?: AppealGround;
  overreach?: boolean;
  deadline?: DeadlineFilter;
  unit?: string;
  reference?: string;
  sort: QueueSort;
  dir: SortDirection;
  size: number;
  after?: QueueCursor;
  before?: QueueCursor;
}

export interface QueueRow {
  id: string;
  reference: string;
  version: number;
  state: CaseState;
  colour: CodeColour;
  issuingUnitCode: string;
  issuingUnitName: string | null;
  grounds: AppealGround;
  dueAt: Date;
  pausedSince: Date | null;
  deadline: DeadlineStatus;
  /** Frozen at the pause while the clock is paused; negative when overdue. */
  timeLeftMs: number;
  overreach: boolean;
  assigneeName: string | null;
  assignedToMe: boolean;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Encoded cursors for the neighbouring pages, or null at either end. */
  nextCursor: string | null;
  previousCursor: string | null;
  /** The page was asked for with a cursor (so a "first page" link makes sense). */
  paged: boolean;
}

// ───────────────────────────── URL parameters

/** Times a cursor may carry (epoch ms, 1970–9999): a crafted one out of PostgreSQL's or Date's range is no cursor. */
const cursorTime = z.number().int().min(0).max(253_402_300_799_999);
const cursorTuple = z.tuple([z.number().int().min(0).max(3), cursorTime, z.uuid(), cursorTime]);

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.segment, cursor.key.getTime(), cursor.id, cursor.asOf.getTime()])).toString(
    'base64url',
  );
}

export function decodeCursor(value: string | undefined): QueueCursor | undefined {
  if (!value || value.length > 200) return undefined;
  try {
    const parsed = cursorTuple.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    if (!parsed.success) return undefined;
    const [segment, key, id, asOf] = parsed.data;
    return { segment, key: new Date(key), id, asOf: new Date(asOf) };
  } catch {
    return undefined;
  }
}

const REFERENCE_SEARCH = /^[A-Z0-9-]{1,40}$/;

/** One value per parameter; anything unknown or malformed is dropped, so a hand-edited URL still shows a queue. */
const queueParamsSchema = z.object({
  tab: z.enum(QUEUE_TABS).catch('mine'),
  state: z.enum(MINE_STATES).optional().catch(undefined),
  colour: z.enum(CodeColour).optional().catch(undefined),
  grounds: z.enum(AppealGround).optional().catch(undefined),
  overreach: z.enum(['yes', 'no']).optional().catch(undefined),
  deadline: z.enum(DEADLINE_FILTERS).optional().catch(undefined),
  unit: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  ref: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.string().regex(REFERENCE_SEARCH))
    .optional()
    .catch(undefined),
  sort: z.enum(QUEUE_SORTS).catch('urgency'),
  dir: z.enum(SORT_DIRECTIONS).catch('asc'),
  size: z.coerce.number().pipe(z.literal(PAGE_SIZES)).catch(DEFAULT_PAGE_SIZE),
  after: z.string().optional().catch(undefined),
  before: z.string().optional().catch(undefined),
});

export type SearchParams = Record<string, string | string[] | undefined>;

export function parseQueueParams(searchParams: SearchParams): QueueQuery {
  const first = Object.fromEntries(
    Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const params = queueParamsSchema.parse(first);
  const after = decodeCursor(params.after);
  return {
    tab: params.tab,
    state: params.tab === 'mine' ? params.state : undefined,
    colour: params.colour,
    grounds: params.grounds,
    overreach: params.overreach === undefined ? undefined : params.overreach === 'yes',
    deadline: params.tab === 'pool' && params.deadline === 'paused' ? undefined : params.deadline,
    unit: params.unit,
    reference: params.ref,
    sort: params.sort,
    dir: params.sort === 'urgency' ? 'asc' : params.dir,
    size: params.size,
    after,
    before: after ? undefined : decodeCursor(params.before),
  };
}

/** The queue's URL parameters (one string each, as a route handler reads them) parsed into a query. */
export const queueQuerySchema = z.record(z.string(), z.string()).transform((params) => parseQueueParams(params));

/** The query's filters and order as URL parameters (defaults and cursors left out): the queue's shareable state. */
export function queueSearchParams(query: QueueQuery): Record<string, string> {
  const params: Record<string, string> = { tab: query.tab };
  if (query.state) params.state = query.state;
  if (query.colour) params.colour = query.colour;
  if (query.grounds) params.grounds = query.grounds;
  if (query.overreach !== undefined) params.overreach = query.overreach ? 'yes' : 'no';
  if (query.deadline) params.deadline = query.deadline;
  if (query.unit) params.unit = query.unit;
  if (query.reference) params.ref = query.reference;
  if (query.sort !== 'urgency') {
    params.sort = query.sort;
    params.dir = query.dir;
  }
  if (query.size !== DEFAULT_PAGE_SIZE) params.size = String(query.size);
  return params;
}

// ───────────────────────────── the query

/** The province a reviewer's queue may show, read from the one scope rule (lib/auth/scope.ts); null: no cases at all. */
function reviewerProvince(user: Actor): string | null {
  if (user.role !== 'REVIEWER') return null;
  const scope = caseScopeWhere(user);
  return typeof scope.provinceCode === 'string' ? scope.provinceCode : null;
}

type ClockKind = 'running' | 'paused';

interface Branch {
  segment: number;
  clock: ClockKind;
  where: Prisma.Sql[];
}

const raw = Prisma.raw;

// Partial-index predicates are literal SQL (never parameters), so the planner can prove the index applies.
const POOL_SCOPE = raw(`c.state = 'SUBMITTED' AND c.assignee_id IS NULL`);
const MINE_SCOPE = raw(`c.state IN (${stateListSql(REVIEWER_LOAD_STATES)})`);
const RUNNING = raw('c.paused_since IS NULL');
const PAUSED = raw('c.paused_since IS NOT NULL');

function timestamp(at: Date): Prisma.Sql {
  return Prisma.sql`CAST(${at.toISOString()} AS timestamptz)`;
}

/** The key rows are ordered by: the deadline of a running clock; "as of" plus the frozen time left of a paused one. */
function sortKey(clock: ClockKind, asOf: Date): Prisma.Sql {
  return clock === 'running' ? raw('c.due_at') : Prisma.sql`(${timestamp(asOf)} + (c.due_at - c.paused_since))`;
}

function overdueClause(clock: ClockKind, overdue: boolean, asOf: Date): Prisma.Sql {
  if (clock === 'paused') return raw(overdue ? 'c.due_at < c.paused_since' : 'c.due_at >= c.paused_since');
  return overdue ? Prisma.sql`c.due_at < ${timestamp(asOf)}` : Prisma.sql`c.due_at >= ${timestamp(asOf)}`;
}

/** The deadline filter for one clock kind, or null when no case of that kind can match it. */
function deadlineClause(clock: ClockKind, filter: DeadlineFilter, asOf: Date): Prisma.Sql | null {
  const now = timestamp(asOf);
  if (filter === 'overdue') return overdueClause(clock, true, asOf);
  if (clock === 'paused') return filter === 'paused' ? overdueClause(clock, false, asOf) : null;
  if (filter === 'paused') return null;
  return filter === 'atRisk'
    ? Prisma.sql`c.due_at >= ${now} AND c.at_risk_at <= ${now}`
    : Prisma.sql`c.due_at >= ${now} AND c.at_risk_at > ${now}`;
}

function planBranches(query: QueueQuery, asOf: Date): Branch[] {
  const clocks: ClockKind[] = query.tab === 'pool' ? ['running'] : ['running', 'paused'];
  const overreachValues = query.overreach === undefined ? [true, false] : [query.overreach];
  const branches: Branch[] = [];
  for (const clock of clocks) {
    const deadline = query.deadline ? deadlineClause(clock, query.deadline, asOf) : raw('TRUE');
    if (!deadline) continue;
    if (query.sort === 'urgency') {
      for (const overdue of [true, false]) {
        if (query.deadline && (query.deadline === 'overdue') !== overdue) continue;
        for (const overreach of overreachValues) {
          branches.push({
            segment: (overdue ? 0 : 2) + (overreach ? 0 : 1),
            clock,
            where: [raw(`c.prima_facie_overreach = ${overreach}`), overdueClause(clock, overdue, asOf), deadline],
          });
        }
      }
    } else if (clock === 'running') {
      // One range scan per overreach value keeps each branch in index order; the page merges them.
      for (const overreach of overreachValues) {
        branches.push({ segment: 0, clock, where: [raw(`c.prima_facie_overreach = ${overreach}`), deadline] });
      }
    } else {
      const overreach =
        query.overreach === undefined ? raw('TRUE') : raw(`c.prima_facie_overreach = ${query.overreach}`);
      branches.push({ segment: 0, clock, where: [overreach, deadline] });
    }
  }
  return branches;
}

function filterClauses(user: Actor, province: string, query: QueueQuery): Prisma.Sql[] {
  const clauses: Prisma.Sql[] =
    query.tab === 'pool'
      ? [Prisma.sql`c.province_code = ${province}`, POOL_SCOPE]
      : [Prisma.sql`c.assignee_id = CAST(${user.id} AS uuid)`, Prisma.sql`c.province_code = ${province}`, MINE_SCOPE];
  if (query.state) clauses.push(Prisma.sql`c.state = CAST(${query.state} AS "CaseState")`);
  if (query.colour) clauses.push(Prisma.sql`c.colour = CAST(${query.colour} AS "CodeColour")`);
  if (query.grounds) clauses.push(Prisma.sql`c.grounds = CAST(${query.grounds} AS "AppealGround")`);
  if (query.unit) clauses.push(Prisma.sql`c.issuing_unit_code = ${query.unit}`);
  if (query.reference) clauses.push(Prisma.sql`c.reference = ${query.reference}`);
  return clauses;
}

const COLUMNS = raw(
  'c.id, c.reference, c.version, c.state, c.colour, c.issuing_unit_code, c.grounds, c.due_at, c.at_risk_at, c.paused_since, ' +
    'c.prima_facie_overreach, c.assignee_id',
);

/**
 * The SQL of one page (exported for the EXPLAIN test), or null when the filters exclude everything. Rows come back
 * in page order for a forward page, in reverse order for a `before` page.
 */
export function buildQueueSql(user: Actor, query: QueueQuery, asOf: Date): Prisma.Sql | null {
  const province = reviewerProvince(user);
  if (!province) return null;
  const cursor = query.after ?? query.before;
  const backward = Boolean(query.before);
  const ascending = (query.dir === 'asc') !== backward;
  const keyOrder = raw(ascending ? 'ASC' : 'DESC');
  const filters = filterClauses(user, province, query);
  const limit = query.size + 1;

  const selects: Prisma.Sql[] = [];
  for (const branch of planBranches(query, asOf)) {
    const key = sortKey(branch.clock, asOf);
    // The pool never holds a paused clock (a SUBMITTED case has not been asked anything), so its branches need no
    // clock check, which keeps them on appeal_case_pool_queue_idx.
    const clock = branch.clock === 'paused' ? [PAUSED] : query.tab === 'pool' ? [] : [RUNNING];
    const where = [...filters, ...clock, ...branch.where];
    if (cursor) {
      // Segments before the cursor (in the direction of travel) are done; the cursor's own one resumes after its row.
      if (backward ? branch.segment > cursor.segment : branch.segment < cursor.segment) continue;
      if (branch.segment === cursor.segment) {
        const position = Prisma.sql`(${timestamp(cursor.key)}, CAST(${cursor.id} AS uuid))`;
        where.push(Prisma.sql`(${key}, c.id) ${raw(ascending ? '>' : '<')} ${position}`);
      }
    }
    selects.push(Prisma.sql`(SELECT ${COLUMNS}, ${branch.segment}::int AS segment, ${key} AS sort_key
      FROM appeal_case c
      WHERE ${Prisma.join(where, ' AND ')}
      ORDER BY ${key} ${keyOrder}, c.id ${keyOrder}
      LIMIT ${limit})`);
  }
  if (selects.length === 0) return null;
  const order = Prisma.sql`q.segment ${raw(backward ? 'DESC' : 'ASC')}, q.sort_key ${keyOrder}, q.id ${keyOrder}`;
  // Names are looked up by primary key for the page's rows only, once the page is cut (units' names in
  // findQueuePage, through lib/reference/divisions in the reader's language).
  return Prisma.sql`SELECT q.*,
      (SELECT u.display_name FROM app_user u WHERE u.id = q.assignee_id) AS assignee_name
    FROM (SELECT * FROM (${Prisma.join(selects, ' UNION ALL ')}) q ORDER BY ${order} LIMIT ${limit}) q
    ORDER BY ${order}`;
}

interface QueueSqlRow {
  id: string;
  reference: string;
  version: number;
  state: CaseState;
  colour: CodeColour;
  issuing_unit_code: string;
  grounds: AppealGround;
  due_at: Date;
  at_risk_at: Date;
  paused_since: Date | null;
  prima_facie_overreach: boolean;
  assignee_id: string | null;
  segment: number;
  sort_key: Date;
  assignee_name: string | null;
}

/** One page of the reviewer's queue. `now` decides what is overdue on a first page; later pages keep the cursor's. */
export async function findQueuePage(user: Actor, query: QueueQuery, now = new Date()): Promise<QueuePage> {
  const cursor = query.after ?? query.before;
  const asOf = cursor?.asOf ?? now;
  const sql = buildQueueSql(user, query, asOf);
  const found = sql ? await sqlRows<QueueSqlRow>(prisma, sql) : [];
  const more = found.length > query.size;
  const page = found.slice(0, query.size);
  if (query.before) page.reverse();
  const cursorOf = (row: QueueSqlRow | undefined) =>
    row ? encodeCursor({ segment: row.segment, key: row.sort_key, id: row.id, asOf }) : null;
  const backward = Boolean(query.before);
  const unitNames = await divisionNames(page.map((row) => row.issuing_unit_code));
  return {
    rows: page.map((row) => toQueueRow(user, row, now, unitNames.get(row.issuing_unit_code) ?? null)),
    nextCursor: backward || more ? cursorOf(page.at(-1)) : null,
    previousCursor: (backward ? more : Boolean(query.after)) ? cursorOf(page[0]) : null,
    paged: Boolean(cursor),
  };
}

function toQueueRow(user: Actor, row: QueueSqlRow, now: Date, unitName: string | null): QueueRow {
  const status = deadlineStatus({ dueAt: row.due_at, atRiskAt: row.at_risk_at, pausedSince: row.paused_since }, now);
  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    state: row.state,
    colour: row.colour,
    issuingUnitCode: row.issuing_unit_code,
    issuingUnitName: unitName,
    grounds: row.grounds,
    dueAt: row.due_at,
    pausedSince: row.paused_since,
    deadline: status.status,
    timeLeftMs: status.timeLeftMs,
    overreach: row.prima_facie_overreach,
    assigneeName: row.assignee_name,
    assignedToMe: row.assignee_id === user.id,
  };
}

export interface IssuingUnitOption {
  code: string;
  name: string;
}

/** The province's cities and counties, for the issuing-unit filter. */
export async function listIssuingUnits(user: Actor): Promise<IssuingUnitOption[]> {
  const province = reviewerProvince(user);
  if (!province) return [];
  return (await listUnits(province, 'code')).map(({ code, name }) => ({ code, name }));
}
