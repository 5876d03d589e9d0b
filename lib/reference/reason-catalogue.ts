// The reason catalogue in force (SPEC §3): the latest published version, read on every call (a newly published
// version applies at once), and its reasons with their names, read once per process per version through the shared client — like the
// division table (divisions.ts): a version is published with its reasons in one transaction and never changes
// (lib/admin/publish-catalogue-version.ts). A read that fails is forgotten, so the next call tries again.
import 'server-only';
import { prisma, Prisma, sqlRows, type PrismaClient, type TransactionClient } from '@/lib/db/client';
import type { CatalogueReason } from '@/lib/cases/rules/overreach';

/** A catalogue reason with its names (the rules read the reason, the incident pages its names). */
export interface NamedCatalogueReason extends CatalogueReason {
  nameZh: string;
  nameEn: string;
}

export interface CatalogueInForce {
  id: number;
  version: number;
  /** In the catalogue's order. */
  reasons: NamedCatalogueReason[];
}

const reasonsOfVersion = new Map<number, Promise<NamedCatalogueReason[]>>();

/** Through the shared client, from the per-process table; inside a transaction, read from it. */
function findReasons(
  db: PrismaClient | TransactionClient,
  catalogueVersionId: number,
): Promise<NamedCatalogueReason[]> {
  const read = () =>
    sqlRows<NamedCatalogueReason>(
      db,
      Prisma.sql`
      SELECT code, max_colour::text AS "maxColour", validity::text AS validity, name_zh AS "nameZh", name_en AS "nameEn"
        FROM reason WHERE catalogue_version_id = ${catalogueVersionId} ORDER BY sort_order`,
    );
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
