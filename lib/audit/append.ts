// Appends events to their province's audit chain inside the caller's transaction (SPEC §8), at its end.
// Locking a chain's head row serialises writers of that chain only; other provinces never wait.
import { beforeCommit, callAtCommit, Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import type { AuditAction } from './actions';
import type { JsonValue } from './canonical';

export const NATIONAL_CHAIN = 'national';

/** The audit chain of a province, or the national chain for national and administrative events (SPEC §8). */
export function chainOf(provinceCode: string | null): string {
  return provinceCode ?? NATIONAL_CHAIN;
}

export interface AuditInput {
  /** Province code of the case or scope, or NATIONAL_CHAIN for national and administrative events. */
  chain: string;
  actorId: string | null;
  /** CITIZEN, REVIEWER, SUPERVISOR, ADMIN, SYSTEM or a machine client name. */
  actorRole: string;
  caseId?: string | null;
  action: AuditAction;
  /** Summaries only: references and pseudonyms, never ID numbers or health data. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  occurredAt?: Date;
}

/** Normalise to what jsonb gives back (dates as ISO text, no undefined). */
function toJson(value: Record<string, unknown> | null | undefined): JsonValue | null {
  return value == null ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

/**
 * Takes the chain's head row lock (held until the transaction ends) and returns the head: for writers that must
 * serialise on a chain before they read (publishing a new version of a setting). Appends need not call it.
 */
export async function lockAuditChain(tx: TransactionClient, chain: string): Promise<{ seq: bigint; hash: string }> {
  // A SECURITY DEFINER function: the app's role may lock a head but not write it.
  const [head] = await sqlRows<{ seq: bigint; hash: string }>(
    tx,
    Prisma.sql`SELECT seq, hash FROM audit_lock_chain(${chain})`,
  );
  if (!head) throw new Error(`audit chain ${chain} has no head`);
  return head;
}

interface QueuedEvent {
  occurredAt: string;
  actorId: string | null;
  actorRole: string;
  caseId: string | null;
  action: AuditAction;
  before: JsonValue | null;
  after: JsonValue | null;
  reason: string | null;
}

/** An event with the summary fields known only when it is written (`appendAuditEvent`'s `late`). */
type PendingEvent = QueuedEvent & { late?: () => Record<string, unknown> };

/** Events waiting for the end of their transaction, per chain, in order. */
const queued = new WeakMap<object, Map<string, PendingEvent[]>>();

/** The audit_append call for a chain's events: it locks the head, numbers and hashes the events, moves the head. */
function appendCall(chain: string, events: PendingEvent[]): Prisma.Sql {
  const written: QueuedEvent[] = events.map(({ late, ...event }) =>
    late ? { ...event, after: toJson({ ...(event.after as Record<string, unknown> | null), ...late() }) } : event,
  );
  return Prisma.sql`audit_append(${chain}, ${JSON.stringify(written)}::jsonb)`;
}

/**
 * Appends an event to its chain in the caller's transaction. Inside `prisma.$transaction` the event is written as
 * the transaction's last step (chains in code order, so two transactions writing two chains never deadlock): a
 * chain's head is then locked only for that statement and the COMMIT, and one province's writers do not queue
 * behind each other's whole transaction. Elsewhere it is written at once.
 * `late` adds summary fields when the event is written, in its place in the chain: what the transaction learns after
 * the event was queued (the mass incident a filing joins, found just before its commit).
 */
export async function appendAuditEvent(
  tx: TransactionClient,
  input: AuditInput,
  late?: () => Record<string, unknown>,
): Promise<void> {
  const event: PendingEvent = {
    occurredAt: new Date(input.occurredAt ?? Date.now()).toISOString(),
    actorId: input.actorId,
    actorRole: input.actorRole,
    caseId: input.caseId ?? null,
    action: input.action,
    before: toJson(input.before),
    after: toJson(input.after),
    reason: input.reason ?? null,
    late,
  };
  let chains = queued.get(tx);
  if (!chains) {
    const fresh = new Map<string, PendingEvent[]>();
    const deferred = beforeCommit(tx, async () => {
      queued.delete(tx);
      // In the transaction's last statement, with the rows queued for it (lib/db/client.ts, writeAtCommit).
      for (const chain of [...fresh.keys()].sort()) await callAtCommit(tx, appendCall(chain, fresh.get(chain)!));
    });
    // Outside such a transaction: at once, one statement.
    if (!deferred) return callAtCommit(tx, appendCall(input.chain, [event]));
    queued.set(tx, fresh);
    chains = fresh;
  }
  const list = chains.get(input.chain);
  if (list) list.push(event);
  else chains.set(input.chain, [event]);
}
