// The administrative divisions (GB/T 2260) in one place: the provinces, a province's cities and counties, names by
// code, and whether a province or unit exists. Every screen, use case and API check looks divisions up here, and gets
// the names in the language of the request: Chinese as stored, or English (lib/reference/english-names.ts).
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { DivisionLevel } from '@/lib/db/generated/enums';
import { currentLocale } from '@/lib/i18n/current-locale';
import { englishDivisionName } from './english-names';

export interface DivisionOption {
  code: string;
  name: string;
}

export type UnitLevel = 'CITY' | 'COUNTY';

export interface UnitOption extends DivisionOption {
  level: UnitLevel;
  parentCode: string | null;
}

/** Names a division in the request's language (the one place where place names get their language). */
async function namer(): Promise<(chineseName: string) => string> {
  return (await currentLocale()) === 'en' ? englishDivisionName : (chineseName) => chineseName;
}

/** The six-digit code of a province's own division row. */
export function provinceDivisionCode(provinceCode: string): string {
  return `${provinceCode}0000`;
}

/** Six-digit division code → name; a two-digit province code is looked up as `xx0000` and answered under both. */
export async function divisionNames(codes: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set([...codes].map((code) => (code.length === 2 ? provinceDivisionCode(code) : code)))];
  if (wanted.length === 0) return new Map();
  const [table, name] = await Promise.all([divisionTable(), namer()]);
  const names = new Map<string, string>();
  for (const row of wanted.flatMap((code) => table.byCode.get(code) ?? [])) {
    names.set(row.code, name(row.name));
    if (row.code.endsWith('0000')) names.set(row.code.slice(0, 2), name(row.name));
  }
  return names;
}

/** The 31 provincial-level divisions, by two-digit code. */
export async function listProvinces(): Promise<DivisionOption[]> {
  const [table, name] = await Promise.all([divisionTable(), namer()]);
  return table.provinces.map((row) => ({ code: row.provinceCode, name: name(row.name) }));
}

/** Cities before counties (the order of the level enum), then by code. */
const LEVEL_ORDER: Record<DivisionLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2 };

/** Cities and counties of one province (the possible issuing units, and the units a reviewer can belong to). */
export async function listUnits(
  provinceCode: string,
  order: 'citiesFirst' | 'code' = 'citiesFirst',
): Promise<UnitOption[]> {
  const [table, name] = await Promise.all([divisionTable(), namer()]);
  const units = table.rows.filter((row) => row.provinceCode === provinceCode && row.level !== 'PROVINCE');
  if (order === 'citiesFirst') units.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return units.map((row) => ({
    code: row.code,
    name: name(row.name),
    level: row.level as UnitLevel,
    parentCode: row.parentCode,
  }));
}

/** The province's name, or null when there is no such province. */
export async function provinceName(provinceCode: string): Promise<string | null> {
  const [table, name] = await Promise.all([divisionTable(), namer()]);
  const row = table.byCode.get(provinceDivisionCode(provinceCode));
  return row?.level === 'PROVINCE' ? name(row.name) : null;
}

export async function provinceExists(provinceCode: string): Promise<boolean> {
  return (await findDivisions()).isProvince(provinceCode);
}

/** Whether `unitCode` is a city or county of `provinceCode`. */
export async function isUnitOf(unitCode: string, provinceCode: string): Promise<boolean> {
  const unit = (await findDivisions()).unit(unitCode);
  return unit !== undefined && unit.level !== 'PROVINCE' && unit.provinceCode === provinceCode;
}

export interface DivisionRow {
  code: string;
  level: DivisionLevel;
  provinceCode: string;
}

/** Which provinces exist, and a division by its code. */
export interface DivisionIndex {
  isProvince: (provinceCode: string) => boolean;
  unit: (code: string) => DivisionRow | undefined;
}

interface DivisionTableRow extends DivisionRow {
  name: string;
  parentCode: string | null;
}

interface DivisionTable {
  /** Every division, by code. */
  rows: DivisionTableRow[];
  byCode: Map<string, DivisionTableRow>;
  provinces: DivisionTableRow[];
  index: DivisionIndex;
}

/**
 * The whole division table (≈3,500 rows), read once per process: divisions (GB/T 2260) change only with a migration,
 * never while the app runs, so every lookup here (names, provinces, units, the filing's checks) is answered from
 * memory, in a transaction as well as outside one. A read that fails is forgotten, so the next call tries again.
 */
let table: Promise<DivisionTable> | null = null;

function divisionTable(): Promise<DivisionTable> {
  table ??= prisma.division
    .findMany({
      select: { code: true, level: true, provinceCode: true, name: true, parentCode: true },
      orderBy: { code: 'asc' },
    })
    .then(
      (rows): DivisionTable => {
        const byCode = new Map(rows.map((row) => [row.code, row]));
        const provinces = rows.filter((row) => row.level === 'PROVINCE');
        const provinceCodes = new Set(provinces.map((row) => row.provinceCode));
        return {
          rows,
          byCode,
          provinces,
          index: { isProvince: (code) => provinceCodes.has(code), unit: (code) => byCode.get(code) },
        };
      },
      (error: unknown) => {
        table = null;
        throw error;
      },
    );
  return table;
}

/** Which provinces exist and every division by code (the filing's checks). */
export async function findDivisions(): Promise<DivisionIndex> {
  return (await divisionTable()).index;
}
