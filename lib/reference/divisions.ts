// Provinces and city/county units for the staff forms, and the checks that a chosen province or unit exists (GB/T 2260).
import 'server-only';
import { prisma } from '@/lib/db/client';
import { fieldRefusal } from '@/lib/admin/errors';

export interface DivisionOption {
  code: string;
  name: string;
}

/** The 31 provincial-level divisions, by code. */
export async function listProvinces(): Promise<DivisionOption[]> {
  const rows = await prisma.division.findMany({
    where: { level: 'PROVINCE' },
    orderBy: { code: 'asc' },
    select: { provinceCode: true, name: true },
  });
  return rows.map((row) => ({ code: row.provinceCode, name: row.name }));
}

/** Cities and counties of one province (the units a reviewer can belong to), cities first. */
export async function listUnits(provinceCode: string): Promise<(DivisionOption & { level: 'CITY' | 'COUNTY' })[]> {
  const rows = await prisma.division.findMany({
    where: { provinceCode, level: { in: ['CITY', 'COUNTY'] } },
    orderBy: [{ level: 'asc' }, { code: 'asc' }],
    select: { code: true, name: true, level: true },
  });
  return rows.map((row) => ({ code: row.code, name: row.name, level: row.level as 'CITY' | 'COUNTY' }));
}

export async function provinceName(provinceCode: string): Promise<string | null> {
  const row = await prisma.division.findUnique({
    where: { code: `${provinceCode}0000` },
    select: { name: true, level: true },
  });
  return row?.level === 'PROVINCE' ? row.name : null;
}

/** Refuses a province or unit that does not exist, or a unit outside the province. */
export async function assertScopeExists(provinceCode: string | null, unitCode: string | null): Promise<void> {
  if (provinceCode !== null && (await provinceName(provinceCode)) === null)
    throw fieldRefusal({ provinceCode: 'admin.errors.provinceInvalid' });
  if (unitCode === null) return;
  const unit = await prisma.division.findUnique({
    where: { code: unitCode },
    select: { level: true, provinceCode: true },
  });
  if (!unit || unit.level === 'PROVINCE' || unit.provinceCode !== provinceCode)
    throw fieldRefusal({ unitCode: 'admin.errors.unitInvalid' });
}
