// The administrative divisions (GB/T 2260) in one place: the provinces, a province's cities and counties, names by
// code, and whether a province or unit exists. Every screen, use case and API check looks divisions up here, and gets
// the names in the language of the request: Chinese as stored, or English (lib/reference/english-names.ts).
import 'server-only';
import { prisma, type PrismaClient, type TransactionClient } from '@/lib/db/client';
import type { DivisionLevel } from '@/lib/db/generated/enums';
import { currentLocale } from '@/lib/i18n/current-locale';
import { englishDivisionName } from './english-names';

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

/** Names a division in the request's language (the one place where place names get their language). */
async function namer(): Promise<(chineseName: string) => string> {
  return (await currentLocale()) === 'en' ? englishDivisionName : (chineseName) => chineseName;
}

/** The six-digit code of a province's own division row. */
export function provinceDivisionCode(provinceCode: string): string {
  return `${provinceCode}0000`;
}

/** Six-digit division code → name; a two-digit province code is looked up as `xx0000` and answered under both. */
export async function divisionNames(codes: Iterable<string>, db: Db = prisma): Promise<Map<string, string>> {
  const wanted = [...new Set([...codes].map((code) => (code.length === 2 ? provinceDivisionCode(code) : code)))];
  if (wanted.length === 0) return new Map();
  const [rows, name] = await Promise.all([
    db === prisma
      ? divisionTable().then((table) => wanted.flatMap((code) => table.byCode.get(code) ?? []))
      : db.division.findMany({ where: { code: { in: wanted } }, select: { code: true, name: true } }),
    namer(),
  ]);
  const names = new Map<string, string>();
  for (const row of rows) {
    names.set(row.code, name(row.name));
    if (row.code.endsWith('0000')) names.set(row.code.slice(0, 2), name(row.name));
  }
  return names;
}

/** The 31 provincial-level divisions, by two-digit code. */
export async function listProvinces(db: Db = prisma): Promise<DivisionOption[]> {
  const [rows, name] = await Promise.all([
    db === prisma
      ? divisionTable().then((table) => table.provinces)
      : db.division.findMany({
          where: { level: 'PROVINCE' },
          orderBy: { code: 'asc' },
          select: { provinceCode: true, name: true },
        }),
    namer(),
  ]);
  return rows.map((row) => ({ code: row.provinceCode, name: name(row.name) }));
}

/** Cities before counties (the order of the level enum), then by code, as the database orders them. */
const LEVEL_ORDER: Record<DivisionLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2 };

/** Cities and counties of one province (the possible issuing units, and the units a reviewer can belong to). */
export async function listUnits(
  provinceCode: string,
  order: 'citiesFirst' | 'code' = 'citiesFirst',
  db: Db = prisma,
): Promise<UnitOption[]> {
  const [rows, name] = await Promise.all([
    db === prisma
      ? divisionTable().then((table) => {
          const units = table.rows.filter((row) => row.provinceCode === provinceCode && row.level !== 'PROVINCE');
          return order === 'code' ? units : [...units].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
        })
      : db.division.findMany({
          where: { provinceCode, level: { in: ['CITY', 'COUNTY'] } },
          orderBy: order === 'code' ? { code: 'asc' } : [{ level: 'asc' }, { code: 'asc' }],
          select: { code: true, name: true, level: true, parentCode: true },
        }),
    namer(),
  ]);
  return rows.map((row) => ({
    code: row.code,
    name: name(row.name),
    level: row.level as UnitLevel,
    parentCode: row.parentCode,
  }));
}

/** The province's name, or null when there is no such province. */
export async function provinceName(provinceCode: string, db: Db = prisma): Promise<string | null> {
  const [row, name] = await Promise.all([
    db === prisma
      ? divisionTable().then((table) => table.byCode.get(provinceDivisionCode(provinceCode)))
      : db.division.findUnique({
          where: { code: provinceDivisionCode(provinceCode) },
          select: { name: true, level: true },
        }),
    namer(),
  ]);
  return row?.level === 'PROVINCE' ? name(row.name) : null;
}

export async function provinceExists(provinceCode: string, db: Db = prisma): Promise<boolean> {
  return (await provinceName(provinceCode, db)) !== null;
}

/** Whether `unitCode` is a city or county of `provinceCode`. */
export async function isUnitOf(unitCode: string, provinceCode: string, db: Db = prisma): Promise<boolean> {
  const unit =
    db === prisma
      ? (await divisionTable()).byCode.get(unitCode)
      : await db.division.findUnique({ where: { code: unitCode }, select: { level: true, provinceCode: true } });
  return unit !== undefined && unit !== null && unit.level !== 'PROVINCE' && unit.provinceCode === provinceCode;
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

const divisionSelect = { code: true, level: true, provinceCode: true } as const;

function indexDivisions(rows: DivisionRow[]): DivisionIndex {
  const provinces = new Set(rows.filter((d) => d.level === 'PROVINCE').map((d) => d.provinceCode));
  const byCode = new Map(rows.map((d) => [d.code, d]));
  return { isProvince: (code) => provinces.has(code), unit: (code) => byCode.get(code) };
}

interface DivisionTableRow extends DivisionRow {
  name: string;
  parentCode: string | null;
}

interface DivisionTable {
  /** Every division by code. */
  rows: DivisionTableRow[];
  byCode: Map<string, DivisionTableRow>;
  provinces: DivisionTableRow[];
  index: DivisionIndex;
}

/**
 * The whole division table (≈3,500 rows), read once per process through the shared client: divisions (GB/T 2260)
 * change only with a migration, never while the app runs, so names, provinces and units come from memory rather than
 * a statement per lookup (a page names divisions several times). A read that fails is forgotten, so the next call
 * tries again.
 */
let table: Promise<DivisionTable> | null = null;

function divisionTable(): Promise<DivisionTable> {
  table ??= prisma.division
    .findMany({
      select: { ...divisionSelect, name: true, parentCode: true },
      orderBy: { code: 'asc' },
    })
    .then(
      (rows): DivisionTable => ({
        rows,
        byCode: new Map(rows.map((row) => [row.code, row])),
        provinces: rows.filter((row) => row.level === 'PROVINCE'),
        index: indexDivisions(rows),
      }),
      (error: unknown) => {
        table = null;
        throw error;
      },
    );
  return table;
}

/**
 * The divisions a check needs (on the hot path of filing). Through the shared client, from the table read once per
 * process; inside a transaction, only the named provinces and units, read from it.
 */
export async function findDivisions(
  db: PrismaClient | Db,
  wanted: { provinceCodes: string[]; unitCodes: string[] },
): Promise<DivisionIndex> {
  if (db === prisma) return (await divisionTable()).index;
  const rows = await db.division.findMany({
    where: {
      OR: [{ level: 'PROVINCE', provinceCode: { in: wanted.provinceCodes } }, { code: { in: wanted.unitCodes } }],
    },
    select: divisionSelect,
  });
  return indexDivisions(rows);
}
