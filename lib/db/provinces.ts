// The loops of the jobs that claim case rows with FOR UPDATE SKIP LOCKED: Citus refuses such a claim over several
// shards, so each claim names one province (docs/scaling.md, "Which queries stay on one shard").
import 'server-only';
import { prisma, Prisma } from '@/lib/db/client';

/**
 * The provinces with at least one row of `table` matching `where`, in code order: one read over all shards, so an
 * idle job asks once instead of once per province. `only` narrows it to one province (the demo seed's replay).
 */
export async function provincesWith(
  table: Prisma.Sql,
  where: Prisma.Sql,
  only: string | null = null,
): Promise<string[]> {
  const scoped = only === null ? where : Prisma.sql`(${where}) AND province_code = ${only}`;
  const rows = await prisma.$queryRaw<{ code: string }[]>`
    SELECT DISTINCT province_code::text AS code FROM ${table} WHERE ${scoped} ORDER BY 1`;
  return rows.map((row) => row.code);
}
