// Authorised evidence reads (SPEC §10): a file is served only when its case is in the reader's scope (the case's
// citizen, or staff whose province covers the case); anything else is "not found", the same as a file that never existed.
import 'server-only';
import type { AllowedEvidenceType } from '@/lib/cases/rules/evidence-limits';
import { z } from 'zod';
import { caseScopeWhere, type Actor } from '@/lib/auth/scope';
import { CaseNotFoundError } from '@/lib/core/errors';
import { prisma } from '@/lib/db/client';
import { openEvidenceFile } from './store';

export interface EvidenceDownload {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** The bytes, streamed from the store. */
  body: ReadableStream<Uint8Array>;
}

const evidenceId = z.uuid();

export async function readEvidenceFor(user: Actor, id: string): Promise<EvidenceDownload> {
  if (!evidenceId.safeParse(id).success) throw new CaseNotFoundError();
  const evidence = await prisma.evidence.findFirst({
    // Erased evidence (retention) is gone for everyone.
    where: { id, erasedAt: null, appealCase: caseScopeWhere(user) },
    select: { fileName: true, mimeType: true, storageKey: true, sizeBytes: true },
  });
  if (!evidence) throw new CaseNotFoundError();
  return {
    fileName: evidence.fileName,
    mimeType: evidence.mimeType,
    sizeBytes: evidence.sizeBytes,
    body: await openEvidenceFile(evidence.storageKey),
  };
}

/** The extension a download gets from the type its content was checked to be, never from the uploaded name. */
const EXTENSION_OF: Record<AllowedEvidenceType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/**
 * A Content-Disposition value that is safe whatever the uploaded name was: the name without its own extension and
 * without control or direction-changing characters (a right-to-left override can make `gpj.html` read as `lmth.jpg`),
 * then the extension of the checked content type; an ASCII fallback without quotes, slashes or separators, and the
 * full name percent-encoded in `filename*` (RFC 6266 / 5987).
 */
export function attachmentDisposition(fileName: string, mimeType: string, fallbackBase: string): string {
  // Stored evidence is always one of the allowed types (checked by content on upload).
  const extension = EXTENSION_OF[mimeType as AllowedEvidenceType] ?? '.bin';
  const base =
    fileName
      .replace(/[\p{Cc}\p{Cf}"\\/]/gu, '')
      .replace(/\.[^.]*$/, '')
      .trim() || fallbackBase;
  const cleaned = `${base}${extension}`;
  const ascii = base.replace(/[^\x20-\x7e]/g, '_').replace(/[;%]/g, '_');
  const fallback = /[A-Za-z0-9]/.test(ascii) ? `${ascii}${extension}` : `${fallbackBase}${extension}`;
  const encoded = encodeURIComponent(cleaned).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
