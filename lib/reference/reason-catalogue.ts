// The reason catalogue in force (SPEC §3): the latest published version, read on every call (a newly published
// version applies at once), and its reasons, read once per process per version through the shared client — like the
// division table (divisions.ts): a version is published with its reasons in one transaction and never changes
// (lib/admin/publish-catalogue-version.ts). A read that fails is forgotten, so the next call tries again.
import 'server-only';
import { prisma, Prisma, sqlRows, type PrismaClient, type TransactionClient } from '@/lib/db/client';
import type { CatalogueReason } from '@/lib/cases/rules/overreach';

export interface CatalogueInForce {
  id: number;
  version: number;
  reasons: CatalogueReason[];
}

const reasonsOfVersion = new Map<number, Promise<CatalogueReason[]>>();

/** Through the shared client, from the per-process table; inside a transaction, read from it. */
function findReasons(db: PrismaClient | TransactionClient, catalogueVersionId: number): Promise<CatalogueReason[]> {
  const read = () =>
    db.reason.findMany({
      where: { catalogueVersionId },
      select: { code: true, maxColour: true, validity: true },
      orderBy: { sortOrder: 'asc' },
    });
  if (db !== prisma) return read();
  let reasons = reasonsOfVersion.get(catalogueVersionId);
  if (!reasons) {
    reasons = read();
    reasonsOfVersion.set(catalogueVersionId, reasons);
    reasons.catch(() => reasonsOfVersion.delete(catalogueVersionId));
  }
  return reasons;
}

/** The latest published version of the reason catalogue; old cases keep the version they were filed under. */
export async function findCatalogueInForce(db: PrismaClient | TransactionClient = prisma): Promise<CatalogueInForce> {
  const [catalogue] = await sqlRows<{ id: number; version: number }>(
    db,
    Prisma.sql`SELECT id, version FROM reason_catalogue_version ORDER BY version DESC LIMIT 1`,
  );
  if (!catalogue) throw new Error('No reason catalogue is published: seed the reference data (npm run db:seed).');
  return { ...catalogue, reasons: await findReasons(db, catalogue.id) };
}
