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

interface DivisionRow {
  code: string;
  level: DivisionLevel;
  provinceCode: string;
}

/** What the checks need from the division table: which provinces exist, and the named unit. */
interface Divisions {
  isProvince: (provinceCode: string) => boolean;
  unit: DivisionRow | undefined;
}

const divisionSelect = { code: true, level: true, provinceCode: true } as const;

/** The provinces that exist and the units by code, from division rows. */
function indexDivisions(rows: DivisionRow[]): { provinces: Set<string>; byCode: Map<string, DivisionRow> } {
  return {
    provinces: new Set(rows.filter((d) => d.level === DivisionLevel.PROVINCE).map((d) => d.provinceCode)),
    byCode: new Map(rows.map((d) => [d.code, d])),
  };
}

/**
 * The whole division table, read once per process through the shared client: divisions (GB/T 2260) change only with
 * a migration, never while the app runs. Inside a transaction the rows are read from it.
 */
let divisionTable: Promise<ReturnType<typeof indexDivisions>> | null = null;

async function findDivisions(
  db: PrismaClient | TransactionClient,
  filing: FilingReferences,
  provinceCodes: string[],
): Promise<Divisions> {
  let table: ReturnType<typeof indexDivisions>;
  if (db === prisma) {
    divisionTable ??= prisma.division.findMany({ select: divisionSelect }).then(indexDivisions, (error: unknown) => {
      divisionTable = null;
      throw error;
    });
    table = await divisionTable;
  } else {
    table = indexDivisions(
      await db.division.findMany({
        where: {
          OR: [
            { level: DivisionLevel.PROVINCE, provinceCode: { in: provinceCodes } },
            { code: filing.issuingUnitCode },
          ],
        },
        select: divisionSelect,
      }),
    );
  }
  return { isProvince: (code) => table.provinces.has(code), unit: table.byCode.get(filing.issuingUnitCode) };
}

export async function checkFilingReferences(
  filing: FilingReferences,
  db: PrismaClient | TransactionClient = prisma,
): Promise<FilingReferenceCheck> {
  const provinceCodes = [
    filing.issuingProvinceCode,
    ...(filing.refusingProvinceCode ? [filing.refusingProvinceCode] : []),
  ];
  const [{ isProvince, unit }, catalogue] = await Promise.all([
    findDivisions(db, filing, provinceCodes),
    findCatalogueInForce(db),
  ]);

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
