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

/** Work registered by `beforeCommit`, per open interactive transaction of `prisma.$transaction`. */
const commitHooks = new WeakMap<object, (() => Promise<void>)[]>();

/**
 * Runs `hook` as the last step of the interactive transaction `tx`, after its callback and before COMMIT (the audit
 * chain appends its events there, so a chain's head is locked only for the end of a transaction). Returns false when
 * `tx` is not an interactive transaction opened through `prisma.$transaction`; the caller then does its work at once.
 */
export function beforeCommit(tx: object, hook: () => Promise<void>): boolean {
  const hooks = commitHooks.get(tx);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}

/** `$transaction(callback)` with the before-commit hooks; the batch form passes through unchanged. */
function transactionWithHooks(client: PrismaClient): PrismaClient['$transaction'] {
  return ((first: unknown, options?: unknown) => {
    if (typeof first !== 'function') return client.$transaction(first as never, options as never);
    const callback = first as (tx: TransactionClient) => Promise<unknown>;
    return client.$transaction(async (tx) => {
      const hooks: (() => Promise<void>)[] = [];
      commitHooks.set(tx, hooks);
      const result = await callback(tx);
      // A hook may register another (it runs in turn).
      for (let i = 0; i < hooks.length; i += 1) await hooks[i]!();
      return result;
    }, options as never);
  }) as PrismaClient['$transaction'];
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    if (property === '$transaction') return transactionWithHooks(client);
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export type { PrismaClient } from './generated/client';
export { Prisma } from './generated/client';
export type TransactionClient = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
