// Raw SQL straight on the pg connection (sqlRows / sqlRun): inside `prisma.$transaction` it runs in that transaction,
// and never on a connection whose transaction has ended.
import { describe, expect, it, vi } from 'vitest';
import { rawClient } from '@/test/support/db';
import { afterCommit, getPrisma, MAX_PREPARED, prisma, Prisma, sqlRows, sqlRun, statementNamer } from './client';

const countOf = async (key: string) =>
  (
    await sqlRows<{ n: number }>(prisma, Prisma.sql`SELECT count(*)::int AS n FROM sms_message WHERE purpose = ${key}`)
  )[0]!.n;

const insertMessage = (target: Parameters<typeof sqlRun>[0], key: string) =>
  sqlRun(
    target,
    Prisma.sql`INSERT INTO sms_message (id, "to", body, purpose) VALUES (gen_random_uuid(), '13900000000', 'x', ${key})`,
  );

describe('sqlRows / sqlRun (real PostgreSQL)', () => {
  it('runs in the interactive transaction: its writes are seen inside it and roll back with it', async () => {
    const key = 'sql-rollback';
    await expect(
      prisma.$transaction(async (tx) => {
        expect(await insertMessage(tx, key)).toBe(1);
        // The same transaction sees the row, Prisma's own calls included; the pool (another connection) does not.
        const [inside] = await sqlRows<{ n: number }>(
          tx,
          Prisma.sql`SELECT count(*)::int AS n FROM sms_message WHERE purpose = ${key}`,
        );
        expect(inside!.n).toBe(1);
        expect(await tx.smsMessage.count({ where: { purpose: key } })).toBe(1);
        expect(await countOf(key)).toBe(0);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countOf(key)).toBe(0);
  });

  it('commits with the transaction, on one backend', async () => {
    const key = 'sql-commit';
    const backends = await prisma.$transaction(async (tx) => {
      await insertMessage(tx, key);
      const [raw] = await sqlRows<{ pid: number }>(tx, Prisma.sql`SELECT pg_backend_pid() AS pid`);
      const [viaPrisma] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      return [raw!.pid, viaPrisma!.pid];
    });
    expect(backends[0]).toBe(backends[1]);
    expect(await countOf(key)).toBe(1);
  });

  it('refuses to run after the transaction timed out, and writes nothing', async () => {
    const key = 'sql-timeout';
    let late: Promise<number> | undefined;
    await expect(
      prisma.$transaction(
        async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          late = insertMessage(tx, key);
          await late.catch(() => 0);
        },
        { timeout: 100 },
      ),
    ).rejects.toThrow();
    await expect(late).rejects.toThrow('raw SQL after its transaction ended');
    expect(await countOf(key)).toBe(0);
  });

  it('reads 64-bit integers as bigint and dates as UTC midnight, as Prisma does', async () => {
    const [row] = await sqlRows<{ big: bigint; day: Date }>(
      prisma,
      Prisma.sql`SELECT 9007199254740993::bigint AS big, DATE '2026-12-05' AS day`,
    );
    expect(row).toEqual({ big: 9007199254740993n, day: new Date('2026-12-05T00:00:00Z') });
  });

  it('runs through Prisma in a transaction opened on the bare client', async () => {
    const key = 'sql-bare';
    await expect(
      getPrisma().$transaction(async (tx) => {
        await insertMessage(tx, key);
        expect(await tx.smsMessage.count({ where: { purpose: key } })).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countOf(key)).toBe(0);
  });
});

describe('afterCommit (real PostgreSQL)', () => {
  it('runs its hooks in order once the transaction has committed, and a failing one does not undo the result', async () => {
    const key = 'after-commit';
    const seen: number[] = [];
    const result = await prisma.$transaction(async (tx) => {
      await insertMessage(tx, key);
      expect(
        afterCommit(tx, async () => {
          seen.push(await countOf(key));
        }),
      ).toBe(true);
      afterCommit(tx, async () => {
        throw new Error('a hook that fails');
      });
      afterCommit(tx, async () => {
        seen.push(-1);
      });
      return 'filed';
    });
    expect(result).toBe('filed');
    // The first hook saw the committed row from another connection; the one after the failure still ran.
    expect(seen).toEqual([1, -1]);
    expect(await countOf(key)).toBe(1);
  });

  it('runs none of them when the transaction rolls back, and refuses a client that is no such transaction', async () => {
    let ran = false;
    await expect(
      prisma.$transaction(async (tx) => {
        afterCommit(tx, async () => {
          ran = true;
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(ran).toBe(false);
    expect(afterCommit(prisma, async () => {})).toBe(false);
  });
});

describe('prepared statements', () => {
  it('prepares each text once per connection, and a second copy of this module never reuses a name for another text', async () => {
    // Next.js may load this module more than once in a process; both copies share the pool, so the names must too.
    vi.resetModules();
    const other = await import('./client');
    expect(other.prisma).not.toBe(prisma);
    const first = Prisma.sql`SELECT 1::int AS n WHERE ${'a'}::text IS NOT NULL`;
    const second = Prisma.sql`SELECT 2::int AS n WHERE ${'b'}::text IS NOT NULL`;
    // One connection at a time (the pool hands back the one just released): both texts meet on it.
    for (let i = 0; i < 3; i += 1) {
      expect(await sqlRows(prisma, first)).toEqual([{ n: 1 }]);
      expect(await other.sqlRows(other.prisma, second)).toEqual([{ n: 2 }]);
    }
    const prepared = await prisma.$transaction(async (tx) => {
      await sqlRows(tx, first);
      await tx.smsMessage.count();
      return sqlRows<{ statement: string }>(tx, Prisma.sql`SELECT statement FROM pg_prepared_statements`);
    });
    const texts = prepared.map((row) => row.statement);
    expect(texts).toContain(first.text);
    // Prisma's own queries are prepared too (through the adapter's statementNameGenerator).
    expect(texts.some((text) => text.includes('"sms_message"'))).toBe(true);
  });
});

describe('statement names', () => {
  it('names each text once, the same name every time, and leaves texts beyond the limit unnamed', () => {
    const name = statementNamer();
    const texts = Array.from({ length: MAX_PREPARED }, (_, i) => `SELECT ${i}`);
    const names = texts.map(name);
    expect(new Set(names).size).toBe(MAX_PREPARED);
    expect(names.every((given) => given !== '')).toBe(true);
    expect(texts.map(name)).toEqual(names);
    expect(name('SELECT -1')).toBe('');
    expect(name(texts[7]!)).toBe(names[7]);
  });
});

describe('a prepared statement across a migration', () => {
  it('is refused once the columns it returns change, as docs/database.md tells operators (restart after it)', async () => {
    const owner = await rawClient();
    try {
      await owner.query('CREATE TABLE prepared_probe (id int)');
      await owner.query('INSERT INTO prepared_probe VALUES (1)');
      const read = Prisma.sql`SELECT * FROM prepared_probe WHERE id = ${1}`;
      // One query at a time: the pool hands back the connection just released, where the statement is prepared.
      expect(await sqlRows(prisma, read)).toEqual([{ id: 1 }]);
      await owner.query('ALTER TABLE prepared_probe ADD COLUMN note text');
      const refusal = await sqlRows(prisma, read).then(
        () => null,
        (error: { code?: string; message: string }) => error,
      );
      expect(refusal?.code).toBe('0A000');
      expect(refusal?.message).toContain('cached plan must not change result type');
    } finally {
      await owner.query('DROP TABLE IF EXISTS prepared_probe');
      await owner.end();
    }
  });
});
