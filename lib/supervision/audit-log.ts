// The supervisors' view of the audit history (SPEC §8): a global, filtered, keyset-paginated list of events in the
// chains within scope (a province's chain, or every chain for a national supervisor), and the verifier run on
// exactly those chains.
import 'server-only';
import { verifyAuditChains } from '@/lib/audit/verify';
import { verifyScopeCheckpoints } from '@/lib/audit/verify-scope-checkpoints';
import { prisma, Prisma, type TransactionClient } from '@/lib/db/client';
import { periodBounds } from './periods';
import { AUDIT_PAGE_ROWS, type AuditFilters } from './schemas';
import { auditChainOf } from './scope';
import { type Actor } from '@/lib/auth/actor';
import { divisionNames } from '@/lib/reference/divisions';
import { auditReferencedIds, auditSubjects, type AuditEventView, type AuditSubjects } from './audit-sentence';

export interface AuditRow extends AuditEventView {
  caseReference: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

interface Cursor {
  occurredAt: string;
  chain: string;
  seq: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.occurredAt, cursor.chain, cursor.seq])).toString('base64url');
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const [occurredAt, chain, seq] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof occurredAt !== 'string' || Number.isNaN(Date.parse(occurredAt))) return null;
    if (typeof chain !== 'string' || !/^(\d{2}|national|[a-z]{1,8})$/.test(chain)) return null;
    if (typeof seq !== 'string' || !/^\d{1,19}$/.test(seq)) return null;
    return { occurredAt, chain, seq };
  } catch {
    return null;
  }
}

/** The chain filter actually applied: a province's supervisor always reads their own chain, whatever was asked. */
export function effectiveChain(scope: Actor, requested: string | undefined): string | null {
  return auditChainOf(scope) ?? requested ?? null;
}

function whereEvents(scope: Actor, filters: AuditFilters): Prisma.Sql {
  const chain = effectiveChain(scope, filters.chain);
  const { start, end } = periodBounds({ from: filters.from ?? null, to: filters.to ?? null });
  const cursor = decodeCursor(filters.cursor);
  return Prisma.sql`${chain ? Prisma.sql`e.chain = ${chain}` : Prisma.sql`TRUE`}
    AND ${filters.action ? Prisma.sql`e.action = ${filters.action}` : Prisma.sql`TRUE`}
    AND ${start ? Prisma.sql`e.occurred_at >= ${start}` : Prisma.sql`TRUE`}
    AND ${end ? Prisma.sql`e.occurred_at < ${end}` : Prisma.sql`TRUE`}
    AND ${filters.reference ? Prisma.sql`e.case_id = (SELECT id FROM appeal_case WHERE reference = ${filters.reference})` : Prisma.sql`TRUE`}
    AND ${cursor ? Prisma.sql`(e.occurred_at, e.chain, e.seq) < (${new Date(cursor.occurredAt)}, ${cursor.chain}, ${cursor.seq}::bigint)` : Prisma.sql`TRUE`}`;
}

interface EventRecord {
  chain: string;
  seq: string;
  occurred_at: Date;
  action: string;
  actor_role: string;
  actor_name: string | null;
  case_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/**
 * Resolves the staff and province ids in events' before/after summaries to names, in one query each: what the event
 * is about, without ids (staff names only: a citizen is never named).
 */
export async function withAuditSubjects<T extends { before: unknown; after: unknown }>(
  events: readonly T[],
  db: TransactionClient = prisma,
): Promise<(Omit<T, 'before' | 'after'> & { subjects: AuditSubjects })[]> {
  const { userIds, provinceCodes } = auditReferencedIds(events);
  const [people, provinces] = await Promise.all([
    userIds.length > 0
      ? db.user.findMany({
          where: { id: { in: userIds }, role: { not: 'CITIZEN' } },
          select: { id: true, displayName: true },
        })
      : Promise.resolve([]),
    divisionNames(provinceCodes),
  ]);
  const names = new Map(people.map((person) => [person.id, person.displayName]));
  return events.map(({ before, after, ...rest }) => ({
    ...rest,
    subjects: auditSubjects(before, after, names, provinces),
  }));
}

/** Newest first; `limit` rows from the cursor on (the page size, or the export's cap). */
export async function findAuditEvents(
  scope: Actor,
  filters: AuditFilters,
  limit: number,
  db: TransactionClient = prisma,
): Promise<AuditRow[]> {
  const rows = await db.$queryRaw<EventRecord[]>`
    SELECT e.chain, e.seq::text AS seq, e.occurred_at, e.action, e.actor_role, e.case_id::text AS case_id,
           CASE WHEN u.role <> 'CITIZEN' THEN u.display_name END AS actor_name, e.before, e.after, e.reason
      FROM audit_event e
      LEFT JOIN app_user u ON u.id = e.actor_id
     WHERE ${whereEvents(scope, filters)}
     ORDER BY e.occurred_at DESC, e.chain DESC, e.seq DESC
     LIMIT ${limit}`;
  // The page's case references, read by id afterwards: an event's chain need not be its case's province (a transfer
  // writes to both chains), so the join would not stay on one shard (docs/scaling.md).
  const caseIds = [...new Set(rows.flatMap((row) => (row.case_id ? [row.case_id] : [])))];
  const references = new Map(
    caseIds.length === 0
      ? []
      : (
          await db.$queryRaw<{ id: string; reference: string }[]>`
            SELECT id::text, reference FROM appeal_case WHERE id = ANY(${caseIds}::uuid[])`
        ).map((row) => [row.id, row.reference]),
  );
  return withAuditSubjects(
    rows.map((row) => ({
      chain: row.chain,
      seq: row.seq,
      occurredAt: row.occurred_at,
      action: row.action,
      actorRole: row.actor_role,
      actorName: row.actor_name,
      caseReference: row.case_id ? (references.get(row.case_id) ?? null) : null,
      before: row.before,
      after: row.after,
      reason: row.reason,
    })),
    db,
  );
}

export async function findAuditPage(
  scope: Actor,
  filters: AuditFilters,
  pageSize = AUDIT_PAGE_ROWS,
): Promise<AuditPage> {
  const rows = await findAuditEvents(scope, filters, pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > pageSize && last
        ? encodeCursor({ occurredAt: last.occurredAt.toISOString(), chain: last.chain, seq: last.seq })
        : null,
  };
}

/** The chains a supervisor may filter by: their own, or every chain that has events. */
export async function listAuditChains(scope: Actor): Promise<string[]> {
  const own = auditChainOf(scope);
  if (own) return [own];
  const heads = await prisma.auditChainHead.findMany({ orderBy: { chain: 'asc' }, select: { chain: true } });
  return heads.map((head) => head.chain);
}

export interface ChainVerification {
  chain: string;
  intactThrough: string;
  broken: { seq: string; problem: string } | null;
  /** The latest signed checkpoint the chain agrees with (SPEC §8), or null when none does (yet). */
  checkpoint: { seq: string; at: string } | null;
}

/** Re-computes the chains in scope; a province's supervisor verifies their province's chain only. */
export async function verifyScopeChains(
  scope: Actor,
): Promise<{ intact: boolean; events: number; chains: ChainVerification[] }> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const chain = auditChainOf(scope);
  const result = await verifyAuditChains(url, chain ? { chain } : {});
  const chains: ChainVerification[] = result.chains.map((entry) => ({
    chain: entry.chain,
    intactThrough: entry.intactThrough.toString(),
    broken: entry.broken ? { seq: entry.broken.seq.toString(), problem: entry.broken.problem } : null,
    checkpoint: null,
  }));
  // A province whose chain has no events yet is reported as intact through #0.
  if (chain && chains.length === 0) chains.push({ chain, intactThrough: '0', broken: null, checkpoint: null });
  const checkpoints = await verifyScopeCheckpoints(url, chain, chains);
  return { intact: result.intact && checkpoints.intact, events: result.events, chains: checkpoints.chains };
}
