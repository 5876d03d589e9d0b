// The filing checks that need reference data (SPEC §3–§4): the provinces and the issuing city/county exist, and the
// stated reason is in the catalogue version in force. Returns that catalogue, which the filing records and assesses.
import 'server-only';
import { prisma, type PrismaClient, type TransactionClient } from '@/lib/db/client';
import { DivisionLevel } from '@/lib/db/generated/enums';
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
  const [divisions, catalogue] = await Promise.all([
    db.division.findMany({
      where: {
        OR: [{ level: DivisionLevel.PROVINCE, provinceCode: { in: provinceCodes } }, { code: filing.issuingUnitCode }],
      },
      select: { code: true, level: true, provinceCode: true },
    }),
    findCatalogueInForce(db),
  ]);
  const isProvince = (code: string) =>
    divisions.some((d) => d.level === DivisionLevel.PROVINCE && d.provinceCode === code);
  const unit = divisions.find((d) => d.code === filing.issuingUnitCode);

  const fieldErrors: FilingReferenceCheck['fieldErrors'] = {};
  if (!isProvince(filing.issuingProvinceCode)) fieldErrors.issuingProvinceCode = 'filing.errors.issuingProvinceUnknown';
  if (!unit || unit.level === DivisionLevel.PROVINCE) fieldErrors.issuingUnitCode = 'filing.errors.issuingUnitUnknown';
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

/** The latest published version of the reason catalogue; old cases keep the version they were filed under. */
export async function findCatalogueInForce(db: PrismaClient | TransactionClient = prisma): Promise<CatalogueInForce> {
  const catalogue = await db.reasonCatalogueVersion.findFirst({
    orderBy: { version: 'desc' },
    select: {
      id: true,
      version: true,
      reasons: { select: { code: true, maxColour: true, validity: true }, orderBy: { sortOrder: 'asc' } },
    },
  });
  if (!catalogue) throw new Error('No reason catalogue is published: seed the reference data (npm run db:seed).');
  return catalogue;
}
