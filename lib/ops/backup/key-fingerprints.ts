// A record of the keys a backup needs to be usable, without the keys (SPEC §18): for each secret a fingerprint (the
// first 16 hex digits of SHA-256 over its name and value), so after a restore an operator can check that the
// configured keys are the ones the data was written with (a different ID_ENCRYPTION_KEY makes the ID numbers
// unreadable). The audit checkpoint key is recorded by its public key, which is public anyway.
import { createHash } from 'node:crypto';
import { loadPublicKey } from '@/lib/audit/checkpoint-key';

export const FINGERPRINTED_SECRETS = [
  'NEXTAUTH_SECRET',
  'ID_ENCRYPTION_KEY',
  'ID_HASH_KEY',
  'INTEGRATION_KEY_SECRET',
  'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
  'METRICS_TOKEN',
] as const;

export interface KeyRecord {
  /** Secret name → fingerprint, or null when it is not set. */
  fingerprints: Record<string, string | null>;
  auditCheckpointPublicKey: string | null;
}

export function fingerprint(name: string, value: string): string {
  return createHash('sha256').update(`${name}\n${value}`).digest('hex').slice(0, 16);
}

export function recordKeys(env: NodeJS.ProcessEnv = process.env): KeyRecord {
  const fingerprints: Record<string, string | null> = {};
  for (const name of FINGERPRINTED_SECRETS) fingerprints[name] = env[name] ? fingerprint(name, env[name]) : null;
  return { fingerprints, auditCheckpointPublicKey: loadPublicKey(env) };
}

/** The names of secrets whose configured value differs from the recorded one (unset ones are not compared). */
export function keysThatDiffer(record: KeyRecord, env: NodeJS.ProcessEnv = process.env): string[] {
  const differ = Object.entries(record.fingerprints)
    .filter(([name, recorded]) => recorded && env[name] && fingerprint(name, env[name]) !== recorded)
    .map(([name]) => name);
  const publicKey = loadPublicKey(env);
  if (record.auditCheckpointPublicKey && publicKey && publicKey !== record.auditCheckpointPublicKey) {
    differ.push('AUDIT_CHECKPOINT_KEY');
  }
  return differ;
}
