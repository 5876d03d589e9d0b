// The province codes of the division table (a reference table, on every node): the loop of every job that claims case
// rows with FOR UPDATE SKIP LOCKED. Citus refuses such a claim over several shards, so each claim names one province
// (docs/scaling.md, "Claims per province").
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import { prisma } from '@/lib/db/client';

export async function provinceCodes(db: TransactionClient | typeof prisma = prisma): Promise<string[]> {
  const rows = await db.$queryRaw<{ code: string }[]>`SELECT DISTINCT province_code::text AS code FROM division ORDER BY 1`;
  return rows.map((row) => row.code);
}
