// Server-side evidence checks (SPEC §4): at most 5 files, each 1 byte to 5 MB, and a PDF, JPEG or PNG by its content
// (magic bytes sniffed by `file-type`), whatever its name or the browser's claimed type says.
import 'server-only';
import { fileTypeFromBuffer } from 'file-type';
import {
  ALLOWED_EVIDENCE_TYPES,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  type AllowedEvidenceType,
  type EvidenceErrorKey,
} from './evidence-limits';

export interface EvidenceFileInput {
  name: string;
  bytes: Uint8Array;
}

export type CheckedEvidenceFile =
  | { name: string; sizeBytes: number; ok: true; mimeType: AllowedEvidenceType; extension: 'pdf' | 'jpg' | 'png' }
  | { name: string; sizeBytes: number; ok: false; error: EvidenceErrorKey };

export interface EvidenceCheck {
  ok: boolean;
  /** Set when there are more than MAX_EVIDENCE_FILES files; the files are then not inspected. */
  error: EvidenceErrorKey | null;
  files: CheckedEvidenceFile[];
}

const EXTENSIONS: Record<AllowedEvidenceType, 'pdf' | 'jpg' | 'png'> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export async function checkEvidenceFiles(files: readonly EvidenceFileInput[]): Promise<EvidenceCheck> {
  if (files.length > MAX_EVIDENCE_FILES) return { ok: false, error: 'evidence.errors.tooMany', files: [] };
  const checked = await Promise.all(files.map(checkEvidenceFile));
  return { ok: checked.every((file) => file.ok), error: null, files: checked };
}

export async function checkEvidenceFile(file: EvidenceFileInput): Promise<CheckedEvidenceFile> {
  const base = { name: file.name, sizeBytes: file.bytes.byteLength };
  if (file.bytes.byteLength === 0) return { ...base, ok: false, error: 'evidence.errors.empty' };
  if (file.bytes.byteLength > MAX_EVIDENCE_BYTES) return { ...base, ok: false, error: 'evidence.errors.tooLarge' };
  const sniffed = await fileTypeFromBuffer(file.bytes);
  const mimeType = ALLOWED_EVIDENCE_TYPES.find((allowed) => allowed === sniffed?.mime);
  if (!mimeType) return { ...base, ok: false, error: 'evidence.errors.typeNotAllowed' };
  return { ...base, ok: true, mimeType, extension: EXTENSIONS[mimeType] };
}

/** `{ evidence: key }` for too many files, `{ 'evidence.N': key }` for each refused file. */
export function evidenceFieldErrors(check: EvidenceCheck): Record<string, string> {
  const errors: Record<string, string> = check.error ? { evidence: check.error } : {};
  check.files.forEach((file, index) => {
    if (!file.ok) errors[`evidence.${index}`] = file.error;
  });
  return errors;
}
