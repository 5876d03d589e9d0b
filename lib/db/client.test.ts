// Raw SQL straight on the pg connection (sqlRows / sqlRun): inside `prisma.$transaction` it runs in that transaction,
// and never on a connection whose transaction has ended.
import { describe, expect, it } from 'vitest';
import { getPrisma, prisma, Prisma, sqlRows, sqlRun } from './client';

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
