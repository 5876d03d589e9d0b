// The audit history is append-only in the database itself, and appends serialise per chain only (SPEC §8).
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent, type AuditInput } from '@/lib/audit/append';
import { auditHash, GENESIS_HASH, type JsonValue } from '@/lib/audit/canonical';
import { getPrisma, prisma } from '@/lib/db/client';
import { lockWaiters, rawClient } from '@/test/support/db';

/** A chain name no other test uses (the column is VARCHAR(8)). */
const newChain = () => `t${randomBytes(3).toString('hex')}`;

const event = (chain: string, reason = 'test'): AuditInput => ({
  chain,
  actorId: null,
  actorRole: 'SYSTEM',
  action: 'EXPORT_CREATED',
  after: { rows: 1 },
  reason,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transaction that appends to `chain` and then stays open until `release()` is called. */
function holdOpenAfterAppend(chain: string) {
  let release!: () => void;
  let appended!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const ready = new Promise<void>((resolve) => (appended = resolve));
  const done = getPrisma().$transaction(
    async (tx) => {
      const result = await appendAuditEvent(tx, event(chain, 'held'));
      appended();
      await gate;
      return result;
    },
    { timeout: 20_000 },
  );
  return { ready, release, done };
}

let raw: pg.Client;
beforeAll(async () => {
  raw = await rawClient();
});
afterAll(async () => {
  await raw.end();
});

async function chainRows(chain: string) {
  return getPrisma().auditEvent.findMany({ where: { chain }, orderBy: { seq: 'asc' } });
}

/** Each event's prev_hash is the previous event's hash, and each hash re-computes from the stored fields. */
async function expectIntactChain(chain: string, length: number): Promise<void> {
  const rows = await chainRows(chain);
  expect(rows.map((row) => row.seq)).toEqual(Array.from({ length }, (_, i) => BigInt(i + 1)));
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    expect(row.prevHash).toBe(prevHash);
    const { chain: c, seq, occurredAt, actorId, actorRole, caseId, action, before, after, reason } = row;
    expect(row.hash).toBe(
      auditHash(prevHash, {
        chain: c,
        seq,
        occurredAt,
        actorId,
        actorRole,
        caseId,
        action,
        before: before as JsonValue | null,
        after: after as JsonValue | null,
        reason,
      }),
    );
    prevHash = row.hash;
  }
  const head = await getPrisma().auditChainHead.findUnique({ where: { chain } });
  expect(head).toEqual({ chain, seq: BigInt(length), hash: prevHash });
}

describe('audit_event is append-only', () => {
  const chain = newChain();

  beforeAll(async () => {
    await getPrisma().$transaction((tx) => appendAuditEvent(tx, event(chain)));
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET reason = 'rewritten' WHERE chain = $1`, [chain]],
    ['DELETE', 'DELETE FROM audit_event WHERE chain = $1', [chain]],
    ['TRUNCATE', 'TRUNCATE audit_event', []],
    ['TRUNCATE', 'TRUNCATE audit_event CASCADE', []],
  ])('refuses %s', async (operation, sql, params) => {
    await expect(raw.query(sql, params)).rejects.toMatchObject({
      message: `audit_event is append-only: ${operation} refused`,
      code: '42501',
    });
    const rows = await chainRows(chain);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.reason).toBe('test');
  });

  it('still accepts appends', async () => {
    await getPrisma().$transaction((tx) => appendAuditEvent(tx, event(chain, 'second')));
    await expectIntactChain(chain, 2);
  });
});

describe('concurrent appends', () => {
  it('serialise on one chain: seq 1 and 2, linked by prev_hash', async () => {
    const chain = newChain();
    const first = holdOpenAfterAppend(chain);
    await first.ready;

    let secondFinished = false;
    const second = getPrisma()
      .$transaction((tx) => appendAuditEvent(tx, event(chain, 'second')), { timeout: 20_000 })
      .then((result) => {
        secondFinished = true;
        return result;
      });

    // The second writer waits on the first one's lock of the chain head.
    await expect.poll(() => lockWaiters(raw), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await sleep(200);
    expect(secondFinished).toBe(false);

    first.release();
    await Promise.all([first.done, second]);
    expect((await chainRows(chain)).map((row) => row.reason)).toEqual(['held', 'second']);
    await expectIntactChain(chain, 2);
  });

  it('stay gapless when many transactions append to one chain at once', async () => {
    const chain = newChain();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        getPrisma().$transaction((tx) => appendAuditEvent(tx, event(chain, `n${i}`)), { timeout: 20_000 }),
      ),
    );
    await expectIntactChain(chain, 8);
  });

  it('on different chains do not wait for each other', async () => {
    const held = newChain();
    const other = newChain();
    await getPrisma().$transaction((tx) => appendAuditEvent(tx, event(other, 'existing')));
    const first = holdOpenAfterAppend(held);
    await first.ready;
    try {
      const outcome = await Promise.race([
        getPrisma().$transaction((tx) => appendAuditEvent(tx, event(other, 'while held'))),
        sleep(5_000).then(() => 'timed out' as const),
      ]);
      expect(outcome).not.toBe('timed out');
      // Committed and visible to everyone while the other chain's transaction is still open.
      const visible = await raw.query('SELECT chain, seq FROM audit_event WHERE chain = ANY($1) ORDER BY chain, seq', [
        [held, other],
      ]);
      expect(visible.rows).toEqual([
        { chain: other, seq: '1' },
        { chain: other, seq: '2' },
      ]);
    } finally {
      first.release();
    }
    await first.done;
    await expectIntactChain(held, 1);
    await expectIntactChain(other, 2);
  });
});

describe('appends inside prisma.$transaction', () => {
  it('are written as the transaction ends, so the chain is not locked while it works', async () => {
    const chain = newChain();
    let release!: () => void;
    let appended!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ready = new Promise<void>((resolve) => (appended = resolve));
    const slow = prisma.$transaction(
      async (tx) => {
        await appendAuditEvent(tx, event(chain, 'slow, first'));
        await appendAuditEvent(tx, event(chain, 'slow, second'));
        expect(await tx.auditEvent.count({ where: { chain } })).toBe(0);
        appended();
        await gate;
      },
      { timeout: 20_000 },
    );
    await ready;
    // Another writer of the same chain commits at once while the first transaction is still working.
    const outcome = await Promise.race([
      prisma.$transaction((tx) => appendAuditEvent(tx, event(chain, 'quick'))),
      sleep(5_000).then(() => 'timed out' as const),
    ]);
    expect(outcome).not.toBe('timed out');
    release();
    await slow;
    expect((await chainRows(chain)).map((row) => row.reason)).toEqual(['quick', 'slow, first', 'slow, second']);
    await expectIntactChain(chain, 3);
  });

  it('are not written when the transaction fails', async () => {
    const chain = newChain();
    await expect(
      prisma.$transaction(async (tx) => {
        await appendAuditEvent(tx, event(chain));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await chainRows(chain)).toEqual([]);
  });
});
