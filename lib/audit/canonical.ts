// Canonical JSON and the chain hash of SPEC §8: hash = SHA-256(prevHash ‖ canonical JSON of the event).
// The canonical form is exactly PostgreSQL's jsonb text output (keys ordered by length, then bytes; ", " and ": "
// separators), so the verifier can recompute every hash inside the database and the app computes the same text.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** jsonb orders object keys by their length in bytes, then byte by byte. */
function compareKeys(a: string, b: string): number {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length - right.length || Buffer.compare(left, right);
}

/** The same value always gives the same text, and it is the text PostgreSQL prints for the value as jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compareKeys(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${canonicalJson(v)}`).join(', ')}}`;
}

/** The fields of an audit event that the hash covers. */
export interface HashedAuditFields {
  chain: string;
  seq: bigint;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string;
  caseId: string | null;
  action: string;
  before: JsonValue | null;
  after: JsonValue | null;
  reason: string | null;
}

export function auditHash(prevHash: string, event: HashedAuditFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}

/**
 * The same canonical text built by PostgreSQL from an audit_event row (used by the verifier); must stay in step with
 * HashedAuditFields and canonicalJson — test/db and lib/audit tests compare the two on real rows.
 */
export const CANONICAL_EVENT_SQL = `jsonb_build_object(
  'chain', chain, 'seq', seq::text,
  'occurredAt', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'actorId', actor_id, 'actorRole', actor_role, 'caseId', case_id, 'action', action,
  'before', before, 'after', after, 'reason', reason)::text`;

/**
 * The same text as CANONICAL_EVENT_SQL, written out by concatenation instead of building a jsonb object and printing
 * it: what the verifier computes for every event (about twice as fast). The keys are in jsonb's order (length, then
 * bytes); strings are escaped by to_json (PostgreSQL's one JSON string escaper, the one jsonb's output uses too), and
 * `before`/`after` are printed as jsonb. lib/audit/canonical.test.ts compares the two on real rows.
 */
export const CANONICAL_EVENT_TEXT_SQL = `'{"seq": "' || seq::text
  || '", "after": ' || COALESCE(after::text, 'null')
  || ', "chain": ' || to_json(chain::text)::text
  || ', "action": ' || to_json(action::text)::text
  || ', "before": ' || COALESCE(before::text, 'null')
  || ', "caseId": ' || COALESCE(to_json(case_id::text)::text, 'null')
  || ', "reason": ' || COALESCE(to_json(reason::text)::text, 'null')
  || ', "actorId": ' || COALESCE(to_json(actor_id::text)::text, 'null')
  || ', "actorRole": ' || to_json(actor_role::text)::text
  || ', "occurredAt": "' || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"}'`;
