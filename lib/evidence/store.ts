// Private evidence store (SPEC §10): files live in the configured backend (store-backend.ts: the EVIDENCE_DIR folder by
// default, an S3-compatible bucket when EVIDENCE_STORE=s3), never in a public place, named by random ids; only
// authorised reads (lib/evidence/read-evidence.ts) ever serve them.
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AllowedEvidenceType } from '@/lib/cases/rules/evidence-limits';
import { ValidationError } from '@/lib/core/errors';
import type { CheckedEvidenceFile, EvidenceFileInput } from '@/lib/cases/rules/evidence-rules';
import { assertEvidenceKey, evidenceBackend } from './store-backend';
import { stripImageMetadata, UnreadableImageError } from './strip-metadata';

/** Writes the bytes and returns the storage key (a relative path below the store). */
export async function saveEvidenceFile(provinceCode: string, extension: string, bytes: Uint8Array): Promise<string> {
  const key = path.posix.join(provinceCode, `${randomUUID()}.${extension}`);
  await evidenceBackend().put(key, bytes);
  return key;
}

export interface StoredEvidenceFile {
  key: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Stores a file that passed the content checks, images first stripped of their metadata; size and hash describe
 * the stored bytes. Throws UnreadableImageError when an image cannot be decoded.
 */
export async function storeCheckedEvidence(
  provinceCode: string,
  file: { mimeType: AllowedEvidenceType; extension: string },
  bytes: Uint8Array,
): Promise<StoredEvidenceFile> {
  const clean = await stripImageMetadata(bytes, file.mimeType);
  const key = await saveEvidenceFile(provinceCode, file.extension, clean);
  return { key, sizeBytes: clean.byteLength, sha256: createHash('sha256').update(clean).digest('hex') };
}

export interface SavedEvidence extends StoredEvidenceFile {
  name: string;
  mimeType: AllowedEvidenceType;
}

/**
 * Stores every file of a submission that passed checkEvidenceFiles (same order as `inputs`). An image that cannot be
 * decoded is refused as `evidence.N` and nothing of the submission stays on disk.
 */
export async function storeEvidenceFiles(
  provinceCode: string,
  checked: readonly CheckedEvidenceFile[],
  inputs: readonly EvidenceFileInput[],
): Promise<SavedEvidence[]> {
  const saved: SavedEvidence[] = [];
  try {
    for (const [index, file] of checked.entries()) {
      if (!file.ok) continue;
      try {
        const stored = await storeCheckedEvidence(provinceCode, file, inputs[index]!.bytes);
        saved.push({ ...stored, name: file.name.slice(0, 200), mimeType: file.mimeType });
      } catch (error) {
        if (error instanceof UnreadableImageError)
          throw new ValidationError({ [`evidence.${index}`]: 'evidence.errors.typeNotAllowed' });
        throw error;
      }
    }
    return saved;
  } catch (error) {
    await discardEvidenceFiles(saved.map((file) => file.key));
    throw error;
  }
}

/** The stored bytes as a stream (never read whole into memory). */
export async function openEvidenceFile(storageKey: string): Promise<ReadableStream<Uint8Array>> {
  assertEvidenceKey(storageKey);
  return evidenceBackend().open(storageKey);
}

/** Removes files whose case was never written (a filing that failed after the upload) or whose case was erased. */
export async function discardEvidenceFiles(storageKeys: readonly string[]): Promise<void> {
  for (const key of storageKeys) assertEvidenceKey(key);
  await evidenceBackend().remove(storageKeys);
}
