// Names of provinces and cities/counties (GB/T 2260 divisions) for the supervision tables.
import 'server-only';
import { prisma, type TransactionClient } from '@/lib/db/client';

/** Six-digit division code → name; a two-digit province code is looked up as `xx0000`. */
export async function divisionNames(
  codes: Iterable<string>,
  db: TransactionClient = prisma,
): Promise<Map<string, string>> {
  const wanted = [...new Set([...codes].map((code) => (code.length === 2 ? `${code}0000` : code)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.division.findMany({ where: { code: { in: wanted } }, select: { code: true, name: true } });
  const names = new Map<string, string>();
  for (const row of rows) {
    names.set(row.code, row.name);
    if (row.code.endsWith('0000')) names.set(row.code.slice(0, 2), row.name);
  }
  return names;
}

/** The 31 provincial-level divisions, by code. */
export async function listProvinces(db: TransactionClient = prisma): Promise<{ code: string; name: string }[]> {
  const rows = await db.division.findMany({
    where: { level: 'PROVINCE' },
    orderBy: { code: 'asc' },
    select: { provinceCode: true, name: true },
  });
  return rows.map((row) => ({ code: row.provinceCode, name: row.name }));
}
