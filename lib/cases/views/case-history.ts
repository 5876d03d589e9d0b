// A case's audit history, read one way for every screen that shows it (the staff case screen, the supervisor's case
// page): its events in order (time, then chain and number: a transfer writes one event on each province's chain at
// the same instant), with the acting person's name, never a citizen's (their names stay on the case, SPEC §8).
import 'server-only';
import { prisma, sqlRows, Prisma } from '@/lib/db/client';

export interface CaseEventRow {
  chain: string;
  seq: string;
  occurredAt: Date;
  action: string;
  actorRole: string;
  actorId: string | null;
  /** Null for citizens and the system. */
  actorName: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export async function loadCaseEvents(caseId: string): Promise<CaseEventRow[]> {
  const rows = await sqlRows<{
    chain: string;
    seq: string;
    occurred_at: Date;
    action: string;
    actor_role: string;
    actor_id: string | null;
    actor_name: string | null;
    before: unknown;
    after: unknown;
    reason: string | null;
  }>(
    prisma,
    Prisma.sql`
    SELECT e.chain, e.seq::text AS seq, e.occurred_at, e.action, e.actor_role, e.actor_id::text AS actor_id,
           CASE WHEN u.role <> 'CITIZEN' THEN u.display_name END AS actor_name, e.before, e.after, e.reason
      FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
     WHERE e.case_id = ${caseId}::uuid
     ORDER BY e.occurred_at, e.chain, e.seq`,
  );
  return rows.map((row) => ({
    chain: row.chain,
    seq: row.seq,
    occurredAt: row.occurred_at,
    action: row.action,
    actorRole: row.actor_role,
    actorId: row.actor_id,
    actorName: row.actor_name,
    before: row.before,
    after: row.after,
    reason: row.reason,
  }));
}
