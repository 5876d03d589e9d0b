// The one Prisma client of the app (driver adapter `pg`) and the pg pool under it. Everything that touches the database
// imports it from here. Raw SQL on a hot path goes through `sqlRows`/`sqlRun` (below), straight to the pg connection:
// a statement then costs the app ~0.05 ms of CPU, against ~0.25 ms through `$queryRaw` and 0.3–1.3 ms through a model
// call (docs/benchmarks.md, "Session 7").
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { scopedLogger } from '@/lib/security/logger';
import { Prisma, PrismaClient } from './generated/client';

/** While `prisma.$transaction` opens its transaction: the pooled connection the adapter takes for it (below). */
interface OpeningTransaction {
  connection?: pg.PoolClient;
  /** Set when the adapter gives the connection back (commit, rollback, or Prisma's timeout). */
  closed: boolean;
}
const opening = new AsyncLocalStorage<OpeningTransaction>();

/**
 * The pool the adapter draws from. Its promise-style `connect` is what the adapter calls to start an interactive
 * transaction: inside `prisma.$transaction` (below) the connection is noted, so raw SQL can run on it directly, and
 * marked closed when the adapter releases it, so nothing runs on a connection after its transaction ended.
 */
function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection the server ended (restart, failover) is dropped from the pool; the next query opens another.
  // Only the error's code and message are logged: pg-pool hangs the client (its connection settings, the password
  // among them) on the error.
  pool.on('error', (error: Error & { code?: string }) =>
    scopedLogger('db').warn({ code: error.code }, `idle database connection closed: ${error.message}`),
  );
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | undefined;
  pool.connect = ((callback?: unknown) => {
    // pg's own `pool.query` uses the callback form: passed through untouched.
    if (callback) return connect(callback);
    return connect()!.then((connection) => {
      const transaction = opening.getStore();
      if (transaction && !transaction.connection) {
        transaction.connection = connection;
        const release = connection.release;
        connection.release = (...args: Parameters<typeof release>) => {
          transaction.closed = true;
          connection.release = release;
          return release.apply(connection, args);
        };
      }
      return connection;
    });
  }) as typeof pool.connect;
  return pool;
}

/**
 * The name a statement's text is prepared under: PostgreSQL parses, analyses and plans a named statement once per
 * connection and keeps its plan (planning was about half of a filing's statement time in pg_stat_statements). Each
 * distinct text gets a name the first time it is seen, up to MAX_PREPARED per process; texts beyond those run
 * unnamed (''), so statements built with lists of varying length cannot fill every connection's memory. The names
 * live with the pool (one per process, below): Next.js may load this module more than once, and one name must never
 * stand for two texts on a connection.
 */
export const MAX_PREPARED = 500;
export function statementNamer(): (text: string) => string {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined) {
      if (names.size >= MAX_PREPARED) return '';
      name = `p${names.size}`;
      names.set(text, name);
    }
    return name;
  };
}

interface Database {
  client: PrismaClient;
  pool: pg.Pool;
  statementName: (text: string) => string;
}

function createDatabase(): Database {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` (it starts the embedded PostgreSQL).');
  }
  const pool = createPool(connectionString);
  const statementName = statementNamer();
  // Under load a transaction waits for a pooled connection (and for its chain's lock) rather than failing fast.
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: ({ sql }) => statementName(sql) }),
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
  return { client, pool, statementName };
}

const globalForPrisma = globalThis as unknown as { database?: Database };

function database(): Database {
  globalForPrisma.database ??= createDatabase();
  return globalForPrisma.database;
}

/** Created on first use, so scripts and tests can set DATABASE_URL before anything connects. */
export function getPrisma(): PrismaClient {
  return database().client;
}

/** The connection of each open interactive transaction of `prisma.$transaction`. */
const connections = new WeakMap<object, OpeningTransaction>();

/** Mirrors what Prisma's raw queries return: 64-bit integers as bigint, dates without a zone read as UTC. */
const PRISMA_LIKE_TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === pg.types.builtins.INT8) return (text: string) => BigInt(text);
    if (oid === pg.types.builtins.DATE) return (text: string) => new Date(`${text}T00:00:00Z`);
    if (oid === pg.types.builtins.TIMESTAMP) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Something raw SQL can run in: a transaction of `prisma.$transaction`, or `prisma` itself (the pool, autocommit). */
export type SqlTarget = TransactionClient | PrismaClient;

/** The connection (or the pool) raw SQL for `target` runs on; null for a transaction opened without the hooks. */
function connectionOf(target: SqlTarget): pg.Pool | pg.PoolClient | null {
  const transaction = connections.get(target);
  if (transaction) {
    if (transaction.closed) throw new Error('raw SQL after its transaction ended (timed out or rolled back)');
    return transaction.connection!;
  }
  return target === prisma || target === database().client ? database().pool : null;
}

function queryOf(statement: Prisma.Sql): pg.QueryConfig {
  return {
    name: database().statementName(statement.text),
    text: statement.text,
    values: statement.values as unknown[],
    types: PRISMA_LIKE_TYPES,
  };
}

/** The rows of a raw statement (`Prisma.sql`), run where `target` runs (see SqlTarget). */
export async function sqlRows<T>(target: SqlTarget, statement: Prisma.Sql): Promise<T[]> {
  const connection = connectionOf(target);
  // A transaction opened on the bare client (getPrisma().$transaction, no hooks) runs it through Prisma.
  if (!connection) return (target as TransactionClient).$queryRawUnsafe<T[]>(statement.text, ...statement.values);
  return (await connection.query(queryOf(statement))).rows as T[];
}

/** Runs a raw statement where `target` runs; returns the number of rows it changed. */
export async function sqlRun(target: SqlTarget, statement: Prisma.Sql): Promise<number> {
  const connection = connectionOf(target);
  if (!connection) return (target as TransactionClient).$executeRawUnsafe(statement.text, ...statement.values);
  return (await connection.query(queryOf(statement))).rowCount ?? 0;
}

/** A unique constraint refused a write: through Prisma (P2002) or raw SQL (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  return error instanceof pg.DatabaseError && error.code === '23505';
}

/**
 * The end of an open interactive transaction of `prisma.$transaction`: the work registered by `beforeCommit`, then
 * what its last statement carries (`writeAtCommit`, `callAtCommit`), and what runs once it has committed (`afterCommit`).
 */
interface TransactionEnd {
  hooks: (() => Promise<void>)[];
  writes: Prisma.Sql[];
  calls: Prisma.Sql[];
  committed: (() => Promise<void>)[];
}
const transactionEnds = new WeakMap<object, TransactionEnd>();

/**
 * Runs `hook` as the last step of the interactive transaction `tx`, after its callback and before COMMIT (the audit
 * chain appends its events there, so a chain's head is locked only for the end of a transaction). Returns false when
 * `tx` is not an interactive transaction opened through `prisma.$transaction`; the caller then does its work at once.
 */
export function beforeCommit(tx: object, hook: () => Promise<void>): boolean {
  const end = transactionEnds.get(tx);
  if (!end) return false;
  end.hooks.push(hook);
  return true;
}

/**
 * Runs `hook` once the interactive transaction `tx` has committed, before `prisma.$transaction` returns; never when it
 * rolls back. A hook that fails is logged: the transaction has committed, and its caller still gets its result.
 * Returns false when `tx` is not an interactive transaction opened through `prisma.$transaction`.
 */
export function afterCommit(tx: object, hook: () => Promise<void>): boolean {
  const end = transactionEnds.get(tx);
  if (!end) return false;
  end.committed.push(hook);
  return true;
}

/**
 * Queues a row-writing statement that nothing in the transaction reads back (a notification, a status-change event
 * for the province's system) for the transaction's last statement, sent after the before-commit hooks: there every
 * queued write is a data-modifying CTE (each runs once, in full) of one statement with the calls (the audit chain's
 * append), one round trip for all of them. The write must lock no row the transaction has not locked already, since
 * it runs after the chain heads are taken. Outside an interactive transaction of `prisma.$transaction` it runs at once.
 */
export async function writeAtCommit(tx: SqlTarget, write: Prisma.Sql): Promise<void> {
  const end = transactionEnds.get(tx);
  if (end) end.writes.push(write);
  else await sqlRun(tx, write);
}

/** Queues a function call (`audit_append(…)`) for the transaction's last statement, in order, or runs it at once (as writeAtCommit). */
export async function callAtCommit(tx: SqlTarget, call: Prisma.Sql): Promise<void> {
  const end = transactionEnds.get(tx);
  if (end) end.calls.push(call);
  else await sqlRun(tx, Prisma.sql`SELECT ${call}`);
}

/**
 * `statement` (one that does not start with WITH) with `writes` as its data-modifying CTEs: one round trip for all.
 * Each write runs once and in full, read or not, after `statement`'s own reads, and none of them sees another's rows.
 */
export function alongside(writes: readonly Prisma.Sql[], statement: Prisma.Sql): Prisma.Sql {
  if (writes.length === 0) return statement;
  const ctes = writes.map((write, index) => Prisma.sql`${Prisma.raw(`w${index}`)} AS (${write})`);
  return Prisma.sql`WITH ${Prisma.join(ctes, ', ')} ${statement}`;
}

/** The last statement: `WITH w0 AS (write), … SELECT call, …`. */
function lastStatementOf({ writes, calls }: TransactionEnd): Prisma.Sql | null {
  if (writes.length === 0 && calls.length === 0) return null;
  return alongside(writes, Prisma.sql`SELECT ${calls.length > 0 ? Prisma.join(calls, ', ') : Prisma.sql`1`}`);
}

/** `$transaction(callback)` with the before-commit hooks and the last statement; the batch form passes through unchanged. */
function transactionWithHooks(client: PrismaClient): PrismaClient['$transaction'] {
  return ((first: unknown, options?: unknown) => {
    if (typeof first !== 'function') return client.$transaction(first as never, options as never);
    const callback = first as (tx: TransactionClient) => Promise<unknown>;
    const transaction: OpeningTransaction = { closed: false };
    const end: TransactionEnd = { hooks: [], writes: [], calls: [], committed: [] };
    const committed = opening.run(transaction, () =>
      client.$transaction(async (tx) => {
        if (transaction.connection) connections.set(tx, transaction);
        transactionEnds.set(tx, end);
        const result = await callback(tx);
        // A hook may register another (it runs in turn).
        for (let i = 0; i < end.hooks.length; i += 1) await end.hooks[i]!();
        transactionEnds.delete(tx);
        const statement = lastStatementOf(end);
        if (statement) await sqlRun(tx, statement);
        return result;
      }, options as never),
    );
    return committed.then(async (result) => {
      for (const hook of end.committed)
        await hook().catch((error: unknown) => scopedLogger('db').error({ err: error }, 'after-commit hook failed'));
      return result;
    });
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
export { Prisma };
export type TransactionClient = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
