// The administrative divisions (GB/T 2260) in one place: the provinces, a province's cities and counties, names by
// code, and whether a province or unit exists. Every screen, use case and API check looks divisions up here.
import 'server-only';
import { prisma, type TransactionClient } from '@/lib/db/client';

type Db = TransactionClient;

export interface DivisionOption {
  code: string;
  name: string;
}

export type UnitLevel = 'CITY' | 'COUNTY';

export interface UnitOption extends DivisionOption {
  level: UnitLevel;
  parentCode: string | null;
}

/** The six-digit code of a province's own division row. */
export function provinceDivisionCode(provinceCode: string): string {
  return `${provinceCode}0000`;
}

/** Six-digit division code → name; a two-digit province code is looked up as `xx0000` and answered under both. */
export async function divisionNames(codes: Iterable<string>, db: Db = prisma): Promise<Map<string, string>> {
  const wanted = [...new Set([...codes].map((code) => (code.length === 2 ? provinceDivisionCode(code) : code)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.division.findMany({ where: { code: { in: wanted } }, select: { code: true, name: true } });
  const names = new Map<string, string>();
  for (const row of rows) {
    names.set(row.code, row.name);
    if (row.code.endsWith('0000')) names.set(row.code.slice(0, 2), row.name);
  }
  return names;
}

/** The 31 provincial-level divisions, by two-digit code. */
export async function listProvinces(db: Db = prisma): Promise<DivisionOption[]> {
  const rows = await db.division.findMany({
    where: { level: 'PROVINCE' },
    orderBy: { code: 'asc' },
    select: { provinceCode: true, name: true },
  });
  return rows.map((row) => ({ code: row.provinceCode, name: row.name }));
}

/** Cities and counties of one province (the possible issuing units, and the units a reviewer can belong to). */
export async function listUnits(
  provinceCode: string,
  order: 'citiesFirst' | 'code' = 'citiesFirst',
  db: Db = prisma,
): Promise<UnitOption[]> {
  const rows = await db.division.findMany({
    where: { provinceCode, level: { in: ['CITY', 'COUNTY'] } },
    orderBy: order === 'code' ? { code: 'asc' } : [{ level: 'asc' }, { code: 'asc' }],
    select: { code: true, name: true, level: true, parentCode: true },
  });
  return rows.map((row) => ({ ...row, level: row.level as UnitLevel }));
}

/** The province's name, or null when there is no such province. */
export async function provinceName(provinceCode: string, db: Db = prisma): Promise<string | null> {
  const row = await db.division.findUnique({
    where: { code: provinceDivisionCode(provinceCode) },
    select: { name: true, level: true },
  });
  return row?.level === 'PROVINCE' ? row.name : null;
}

export async function provinceExists(provinceCode: string, db: Db = prisma): Promise<boolean> {
  return (await provinceName(provinceCode, db)) !== null;
}

/** Whether `unitCode` is a city or county of `provinceCode`. */
export async function isUnitOf(unitCode: string, provinceCode: string, db: Db = prisma): Promise<boolean> {
  const unit = await db.division.findUnique({ where: { code: unitCode }, select: { level: true, provinceCode: true } });
  return unit !== null && unit.level !== 'PROVINCE' && unit.provinceCode === provinceCode;
}
