// The cost of one round trip to PostgreSQL as the app makes it: a prepared statement inside a transaction of the app's
// own client (lib/db/client.ts), under the filing runs' concurrency. Folding a filing's statements into one database
// call (issue 18's suggestion) saves at most this much machine per statement it folds: the work of each statement stays
// (docs/benchmarks.md, "Session 14").
import { prisma, Prisma, sqlRows } from '@/lib/db/client';

/** Statements per transaction besides its BEGIN and COMMIT: about as many as a filing's. */
const PER_TRANSACTION = 8;

/** C clients running transactions of trivial statements for the duration; returns the statements sent. */
export async function roundTrips(options: { clients: number; durationMs: number }): Promise<number> {
  let statements = 0;
  const until = performance.now() + options.durationMs;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (performance.now() < until) {
        await prisma.$transaction(async (tx) => {
          for (let i = 0; i < PER_TRANSACTION; i += 1) await sqlRows(tx, Prisma.sql`SELECT ${i}::int AS n`);
        });
        statements += PER_TRANSACTION + 2;
      }
    }),
  );
  return statements;
}
