// The reason catalogue in force (SPEC §3): the latest published version, read on every call (a newly published
// version applies at once), and its reasons and their names, read once per process per version through the shared
// client — like the division table (divisions.ts): a version is published with its reasons in one transaction and
// never changes (lib/admin/publish-catalogue-version.ts). A read that fails is forgotten, so the next call tries again.
import 'server-only';
import { prisma, Prisma, sqlRows, type PrismaClient, type TransactionClient } from '@/lib/db/client';
import type { CatalogueReason } from '@/lib/cases/rules/overreach';

/** A reason's names, for the pages (the incident board and page). */
export interface ReasonNames {
  code: string;
  nameZh: string;
  nameEn: string;
}

interface VersionReasons {
  /** In the catalogue's order, as the rules read them. */
  reasons: CatalogueReason[];
  /** The same reasons' names, in the same order. */
  names: ReasonNames[];
}

export interface CatalogueInForce extends VersionReasons {
  id: number;
  version: number;
}

const reasonsOfVersion = new Map<number, Promise<VersionReasons>>();

/** Through the shared client, from the per-process table; inside a transaction, read from it. */
function findReasons(db: PrismaClient | TransactionClient, catalogueVersionId: number): Promise<VersionReasons> {
  const read = async (): Promise<VersionReasons> => {
    const rows = await sqlRows<CatalogueReason & ReasonNames>(
      db,
      Prisma.sql`
      SELECT code, max_colour::text AS "maxColour", validity::text AS validity, name_zh AS "nameZh", name_en AS "nameEn"
        FROM reason WHERE catalogue_version_id = ${catalogueVersionId} ORDER BY sort_order`,
    );
    return {
      reasons: rows.map(({ code, maxColour, validity }) => ({ code, maxColour, validity })),
      names: rows.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
    };
  };
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
  const [version] = await sqlRows<CatalogueVersion>(db, CATALOGUE_VERSION_IN_FORCE);
  return catalogueOf(version, db);
}

/** The version in force as one row (id, version), for a statement that reads it with other things (a filing's). */
export const CATALOGUE_VERSION_IN_FORCE = Prisma.sql`SELECT id, version FROM reason_catalogue_version ORDER BY version DESC LIMIT 1`;

export interface CatalogueVersion {
  id: number;
  version: number;
}

/** The catalogue of the version CATALOGUE_VERSION_IN_FORCE read (undefined: none is published), with its reasons. */
export async function catalogueOf(
  version: CatalogueVersion | undefined | null,
  db: PrismaClient | TransactionClient = prisma,
): Promise<CatalogueInForce> {
  if (!version) throw new Error('No reason catalogue is published: seed the reference data (npm run db:seed).');
  return { id: version.id, version: version.version, ...(await findReasons(db, version.id)) };
}
