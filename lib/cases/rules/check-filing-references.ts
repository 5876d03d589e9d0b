// The filing checks that need reference data (SPEC §3–§4): the provinces and the issuing city/county exist, and the
// stated reason is in the catalogue version in force. Returns that catalogue, which the filing records and assesses.
import 'server-only';
import { prisma, type PrismaClient, type TransactionClient } from '@/lib/db/client';
import { findDivisions } from '@/lib/reference/divisions';
import type { CatalogueReason } from './overreach';
import type { FilingData, FilingErrorKey } from '@/lib/cases/forms/schemas';

export type FilingReferenceField =
  'issuingProvinceCode' | 'issuingUnitCode' | 'refusingProvinceCode' | 'statedReasonCode';

export interface CatalogueInForce {
  id: number;
  version: number;
  reasons: CatalogueReason[];
}

export interface FilingReferenceCheck {
  ok: boolean;
  fieldErrors: Partial<Record<FilingReferenceField, FilingErrorKey>>;
  catalogue: CatalogueInForce;
}

type FilingReferences = Pick<FilingData, FilingReferenceField>;

export async function checkFilingReferences(
  filing: FilingReferences,
  db: PrismaClient | TransactionClient = prisma,
): Promise<FilingReferenceCheck> {
  const provinceCodes = [
    filing.issuingProvinceCode,
    ...(filing.refusingProvinceCode ? [filing.refusingProvinceCode] : []),
  ];
  const [{ isProvince, unit: division }, catalogue] = await Promise.all([
    findDivisions(db, { provinceCodes, unitCodes: [filing.issuingUnitCode] }),
    findCatalogueInForce(db),
  ]);
  const unit = division(filing.issuingUnitCode);

  const fieldErrors: FilingReferenceCheck['fieldErrors'] = {};
  if (!isProvince(filing.issuingProvinceCode)) fieldErrors.issuingProvinceCode = 'filing.errors.issuingProvinceUnknown';
  if (!unit || unit.level === 'PROVINCE') fieldErrors.issuingUnitCode = 'filing.errors.issuingUnitUnknown';
  else if (unit.provinceCode !== filing.issuingProvinceCode)
    fieldErrors.issuingUnitCode = 'filing.errors.issuingUnitOutsideProvince';
  if (filing.refusingProvinceCode && !isProvince(filing.refusingProvinceCode)) {
    fieldErrors.refusingProvinceCode = 'filing.errors.refusingProvinceUnknown';
  }
  if (
    filing.statedReasonCode !== null &&
    !catalogue.reasons.some((reason) => reason.code === filing.statedReasonCode)
  ) {
    fieldErrors.statedReasonCode = 'filing.errors.statedReasonUnknown';
  }
  return { ok: Object.keys(fieldErrors).length === 0, fieldErrors, catalogue };
}

/**
 * The reasons of each published catalogue version, read once per process through the shared client: a version is
 * published with its reasons in one transaction and never changes (lib/admin/publish-catalogue-version.ts).
 */
const reasonsOfVersion = new Map<number, Promise<CatalogueReason[]>>();

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
  const catalogue = await db.reasonCatalogueVersion.findFirst({
    orderBy: { version: 'desc' },
    select: { id: true, version: true },
  });
  if (!catalogue) throw new Error('No reason catalogue is published: seed the reference data (npm run db:seed).');
  return { ...catalogue, reasons: await findReasons(db, catalogue.id) };
}
