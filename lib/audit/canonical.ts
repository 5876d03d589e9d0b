// Canonical JSON and the chain hash of SPEC §8: hash = SHA-256(prevHash ‖ canonical JSON of the event).
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** JSON with object keys sorted at every level and no whitespace; the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
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
