// Hands out the next reference number of a province and day. One atomic statement, deliberately outside the filing
// transaction: concurrent filings never wait on each other, and a rolled-back filing only leaves a gap.
import 'server-only';
import { prisma, Prisma, sqlRows, type PrismaClient } from '@/lib/db/client';
import { shanghaiCompactDate } from '@/lib/core/calendar';
import { formatReference } from '@/lib/cases/rules/reference';

export async function allocateReference(
  provinceCode: string,
  at: Date = new Date(),
  db: PrismaClient = prisma,
): Promise<string> {
  // The key of the daily counter: the civil day of `at` in Asia/Shanghai.
  const day = shanghaiCompactDate(at);
  const rows = await sqlRows<{ last_value: number }>(
    db,
    Prisma.sql`
    INSERT INTO reference_counter (province_code, day, last_value) VALUES (${provinceCode}, ${day}, 1)
    ON CONFLICT (province_code, day) DO UPDATE SET last_value = reference_counter.last_value + 1
    RETURNING last_value`,
  );
  const seq = rows[0]?.last_value;
  if (seq === undefined) throw new Error('reference_counter returned no row');
  return formatReference(provinceCode, at, seq);
}
