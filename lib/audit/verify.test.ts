// The verifier against a real PostgreSQL: intact chains pass; edits, deletions and reordering made by SQL
// (as the table owner, with the append-only triggers disabled) are named by chain and sequence number.
import { spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { resetCaseData, tamperAuditHistory } from '@/test/support/db';
import { appendAuditEvent } from './append';
import { verifyAuditChains } from './verify';

async function appendEvents(chain: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await getPrisma().$transaction((tx) =>
      appendAuditEvent(tx, {
        chain,
        actorId: null,
        actorRole: 'SYSTEM',
        action: 'CASE_FILED',
        after: { n: i, reference: `SS-${chain}-20261127-${i}` },
      }),
    );
  }
}

const tamper = tamperAuditHistory;

// Every check runs with whole chains and with slices of 2 events, so the slice boundaries are tested too.
describe.each([{ sliceSize: undefined }, { sliceSize: 2n }])(
  'verifyAuditChains (slice $sliceSize)',
  ({ sliceSize }) => {
    beforeEach(async () => {
      await resetCaseData();
      await appendEvents('34', 6);
      await appendEvents('41', 3);
    });

    it('reports every chain intact with its head', async () => {
      const result = await verifyAuditChains(process.env.DATABASE_URL!, { sliceSize });
      expect(result.intact).toBe(true);
      expect(result.events).toBe(9);
      expect(result.chains.map((c) => [c.chain, c.intactThrough])).toEqual([
        ['34', 6n],
        ['41', 3n],
      ]);
    });

    it('names an edited event', async () => {
      await tamper(`UPDATE audit_event SET reason = 'edited' WHERE chain = '34' AND seq = 4`);
      const result = await verifyAuditChains(process.env.DATABASE_URL!, { sliceSize });
      expect(result.intact).toBe(false);
      expect(result.chains.find((c) => c.chain === '34')?.broken).toEqual({ seq: 4n, problem: 'HASH_MISMATCH' });
      expect(result.chains.find((c) => c.chain === '41')?.broken).toBeUndefined();
    });

    it('names an edited hash by the link it breaks', async () => {
      await tamper(`UPDATE audit_event SET hash = repeat('a', 64) WHERE chain = '34' AND seq = 2`);
      const result = await verifyAuditChains(process.env.DATABASE_URL!, { sliceSize });
      expect(result.chains.find((c) => c.chain === '34')?.broken).toEqual({ seq: 2n, problem: 'HASH_MISMATCH' });
    });

    it('names a deleted event', async () => {
      await tamper(`DELETE FROM audit_event WHERE chain = '34' AND seq = 3`);
      const result = await verifyAuditChains(process.env.DATABASE_URL!, { sliceSize });
      expect(result.chains.find((c) => c.chain === '34')?.broken).toEqual({ seq: 3n, problem: 'SEQUENCE_GAP' });
    });

    it('names reordered events', async () => {
      // Swap everything but the sequence numbers of events 2 and 3.
      await tamper(`UPDATE audit_event a
                     SET occurred_at = b.occurred_at, action = b.action, after = b.after, prev_hash = b.prev_hash, hash = b.hash
                    FROM audit_event b
                   WHERE a.chain = '34' AND b.chain = '34' AND ((a.seq = 2 AND b.seq = 3) OR (a.seq = 3 AND b.seq = 2))`);
      const result = await verifyAuditChains(process.env.DATABASE_URL!, { sliceSize });
      expect(result.chains.find((c) => c.chain === '34')?.broken?.seq).toBe(2n);
    });

    it('notices events cut from the end of a chain', async () => {
      await tamper(`DELETE FROM audit_event WHERE chain = '41' AND seq = 3`);
      const result = await verifyAuditChains(process.env.DATABASE_URL!, { sliceSize });
      expect(result.chains.find((c) => c.chain === '41')?.broken).toEqual({ seq: 3n, problem: 'HEAD_MISMATCH' });
    });

    it('npm run audit:verify prints intact, or the broken event with a non-zero exit', () => {
      const run = () =>
        spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/audit-verify.ts'], {
          env: { ...process.env },
          encoding: 'utf8',
        });
      const intact = run();
      expect(intact.status).toBe(0);
      expect(intact.stdout).toContain('intact through #6');
      expect(intact.stdout).toMatch(/intact$/m);
      return tamper(`UPDATE audit_event SET action = 'CASE_CLOSED' WHERE chain = '41' AND seq = 2`).then(() => {
        const broken = run();
        expect(broken.stdout + broken.stderr).toContain('broken at #2');
        expect(broken.status).toBe(1);
        expect(broken.stdout).toContain('broken at #2');
        expect(broken.stdout).toContain('BROKEN');
      });
    }, 90_000);
  },
);
