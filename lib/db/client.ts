// The one Prisma client of the app (driver adapter `pg`). Everything that touches the database imports it from here.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` (it starts the embedded PostgreSQL).');
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // Under load a transaction waits for a pooled connection (and for its chain's lock) rather than failing fast.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Created on first use, so scripts and tests can set DATABASE_URL before anything connects. */
export function getPrisma(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export type { PrismaClient } from './generated/client';
export { Prisma } from './generated/client';
export type TransactionClient = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
