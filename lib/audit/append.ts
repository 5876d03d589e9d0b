// Appends an event to its province's audit chain inside the caller's transaction (SPEC §8).
// Locking the chain's head row serialises writers of one chain only; other provinces never wait.
import type { TransactionClient } from '@/lib/db/client';
import type { AuditAction } from './actions';
import { auditHash, GENESIS_HASH, type JsonValue } from './canonical';

export const NATIONAL_CHAIN = 'national';

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

export interface AppendedEvent {
  chain: string;
  seq: bigint;
  hash: string;
}

/** Normalise to what jsonb gives back, so the stored event re-hashes to the same value. */
function toJson(value: Record<string, unknown> | null | undefined): JsonValue | null {
  return value == null ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

/**
 * Takes the chain's head row lock (held until the transaction ends) and returns the head. Callers that also lock
 * other rows (reviewers, a second chain) take chain heads first, in chain order, so writers never deadlock.
 */
export async function lockAuditChain(tx: TransactionClient, chain: string): Promise<{ seq: bigint; hash: string }> {
  await tx.$executeRaw`INSERT INTO audit_chain_head (chain, seq, hash) VALUES (${chain}, 0, ${GENESIS_HASH})
                       ON CONFLICT (chain) DO NOTHING`;
  const [head] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT seq, hash FROM audit_chain_head WHERE chain = ${chain} FOR UPDATE`;
  if (!head) throw new Error(`audit chain ${chain} has no head`);
  return head;
}

export async function appendAuditEvent(tx: TransactionClient, input: AuditInput): Promise<AppendedEvent> {
  const head = await lockAuditChain(tx, input.chain);

  const event = {
    chain: input.chain,
    seq: head.seq + 1n,
    occurredAt: new Date(input.occurredAt ?? Date.now()),
    actorId: input.actorId,
    actorRole: input.actorRole,
    caseId: input.caseId ?? null,
    action: input.action,
    before: toJson(input.before),
    after: toJson(input.after),
    reason: input.reason ?? null,
  };
  const hash = auditHash(head.hash, event);
  await tx.auditEvent.create({
    data: {
      ...event,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
      prevHash: head.hash,
      hash,
    },
  });
  await tx.$executeRaw`UPDATE audit_chain_head SET seq = ${event.seq}, hash = ${hash} WHERE chain = ${input.chain}`;
  return { chain: input.chain, seq: event.seq, hash };
}
