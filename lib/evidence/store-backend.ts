// Where evidence bytes live (SPEC §10, §18): a private local folder by default (EVIDENCE_DIR), or an S3-compatible
// object store when EVIDENCE_STORE=s3 (Alibaba OSS, Tencent COS, Huawei OBS, MinIO… all speak it), so web instances
// hold no state. Keys are `<province>/<random uuid>.<ext>`; only authorised reads (read-evidence.ts) serve them.
import 'server-only';
import { localEvidenceBackend } from './store-local';
import { s3EvidenceBackend, s3EvidenceConfig } from './store-s3';

export interface EvidenceBackend {
  readonly name: 'local' | 's3';
  /** Writes a new object; never overwrites one. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The object's bytes as a stream; throws EvidenceObjectMissingError when there is none. */
  open(key: string): Promise<ReadableStream<Uint8Array>>;
  /** Deletes the objects; a missing one is not an error. */
  remove(keys: readonly string[]): Promise<void>;
  /** Every key in the store (for the consistency check). */
  list(): AsyncIterable<string>;
}

export class EvidenceObjectMissingError extends Error {
  constructor(key: string) {
    super(`Evidence object ${key} is missing from the store`);
    this.name = 'EvidenceObjectMissingError';
  }
}

/** Refuses keys that could leave the store (absolute paths, `..`). */
export function assertEvidenceKey(key: string): void {
  if (!/^\d{2}\/[0-9a-f-]{36}\.[a-z0-9]{1,5}$/.test(key)) throw new Error('Not an evidence key');
}

let cached: { settings: string; backend: EvidenceBackend } | null = null;

export function evidenceBackend(): EvidenceBackend {
  const kind = process.env.EVIDENCE_STORE ?? 'local';
  if (kind !== 'local' && kind !== 's3') throw new Error(`Unknown EVIDENCE_STORE "${kind}" (local or s3)`);
  const settings = JSON.stringify(
    Object.entries(process.env).filter(([key]) => key === 'EVIDENCE_DIR' || key.startsWith('EVIDENCE_S3_')),
  );
  if (cached?.settings !== `${kind}:${settings}`) {
    cached = {
      settings: `${kind}:${settings}`,
      backend: kind === 's3' ? s3EvidenceBackend(s3EvidenceConfig()) : localEvidenceBackend(),
    };
  }
  return cached.backend;
}
