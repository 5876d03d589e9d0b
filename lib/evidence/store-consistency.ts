// Checks that the database and the evidence store agree (after a restore, SPEC §18): every evidence row that still has
// a file must find it in the store (missing = lost evidence), and every object in the store must belong to such a row
// (orphans = files of cases erased or filed after the database backup, or uploads whose filing failed). Orphans can be
// deleted (retention must not be undone by restoring an older store).
import 'server-only';
import { prisma } from '@/lib/db/client';
import { evidenceBackend } from './store-backend';

export interface EvidenceConsistency {
  store: 'local' | 's3';
  rowsWithFiles: number;
  objects: number;
  /** Keys the database references that the store lacks. */
  missing: string[];
  /** Keys the store holds that no evidence row references. */
  orphans: string[];
  orphansDeleted: number;
}

export async function checkEvidenceConsistency(
  options: { deleteOrphans?: boolean } = {},
): Promise<EvidenceConsistency> {
  const backend = evidenceBackend();
  const rows = await prisma.evidence.findMany({
    where: { erasedAt: null, storageKey: { not: '' } },
    select: { storageKey: true },
  });
  const referenced = new Set(rows.map((row) => row.storageKey));
  const stored = new Set<string>();
  for await (const key of backend.list()) stored.add(key);
  const missing = [...referenced].filter((key) => !stored.has(key)).sort();
  const orphans = [...stored].filter((key) => !referenced.has(key)).sort();
  if (options.deleteOrphans && orphans.length > 0) await backend.remove(orphans);
  return {
    store: backend.name,
    rowsWithFiles: referenced.size,
    objects: stored.size,
    missing,
    orphans,
    orphansDeleted: options.deleteOrphans ? orphans.length : 0,
  };
}
