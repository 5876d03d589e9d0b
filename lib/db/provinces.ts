// The loops of the jobs that claim case rows with FOR UPDATE SKIP LOCKED: Citus refuses such a claim over several
// shards, so each claim names one province (docs/scaling.md, "Which queries stay on one shard").
import 'server-only';
import { prisma, Prisma } from '@/lib/db/client';

/**
 * The provinces with at least one row of `table` matching `where`, in code order: one read over all shards, so an
 * idle job asks once instead of once per province.
 */
export async function provincesWith(table: Prisma.Sql, where: Prisma.Sql): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ code: string }[]>`
    SELECT DISTINCT province_code::text AS code FROM ${table} WHERE ${where} ORDER BY 1`;
  return rows.map((row) => row.code);
}
