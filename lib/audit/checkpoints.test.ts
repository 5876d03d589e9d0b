// Signed checkpoints against a real PostgreSQL and a real directory store: the tampering the hash chain alone cannot
// see (a chain cut short with its head moved back, a chain deleted with its head, a chain rewritten or reordered with
// every later hash recomputed) and forged checkpoints fail, naming the chain and the sequence number.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { resetCaseData, tamperAuditHistory } from '@/test/support/db';
import { appendAuditEvent } from './append';
import { CANONICAL_EVENT_SQL, GENESIS_HASH } from './canonical';
import { signingKeyFrom, type CheckpointSigningKey } from './checkpoint-key';
import { checkpointId, checkReceipt, type SignedCheckpoint } from './checkpoint-signature.mjs';
import { DirectoryCheckpointStore } from './checkpoint-store';
import { publishCheckpoints, signCheckpoint } from './publish-checkpoints';
import { verifyAgainstCheckpoints } from './verify-checkpoints';
import { verifyAuditChains } from './verify';

const seed = randomBytes(32).toString('base64');
const key = signingKeyFrom(seed);
const otherKey = signingKeyFrom(randomBytes(32).toString('base64'));
let dir: string;
let store: DirectoryCheckpointStore;

async function appendEvents(chain: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await getPrisma().$transaction((tx) =>
      appendAuditEvent(tx, { chain, actorId: null, actorRole: 'SYSTEM', action: 'CASE_FILED', after: { n: i } }),
    );
  }
}

const tamper = tamperAuditHistory;

/** Recomputes every hash of `chain` from `fromSeq` on, and its head, so the chain verifies on its own again. */
function rehashFrom(chain: string, fromSeq: number): string {
  return `DO $$ DECLARE r record; prev CHAR(64); BEGIN
    SELECT COALESCE((SELECT hash FROM audit_event WHERE chain = '${chain}' AND seq = ${fromSeq - 1}), '${GENESIS_HASH}') INTO prev;
    FOR r IN SELECT seq FROM audit_event WHERE chain = '${chain}' AND seq >= ${fromSeq} ORDER BY seq LOOP
      UPDATE audit_event SET prev_hash = prev WHERE chain = '${chain}' AND seq = r.seq;
      UPDATE audit_event SET hash = encode(sha256(convert_to(prev_hash || ${CANONICAL_EVENT_SQL}, 'UTF8')), 'hex')
       WHERE chain = '${chain}' AND seq = r.seq RETURNING hash INTO prev;
    END LOOP;
    UPDATE audit_chain_head SET hash = prev, seq = (SELECT max(seq) FROM audit_event WHERE chain = '${chain}')
     WHERE chain = '${chain}';
  END $$`;
}

const url = () => process.env.DATABASE_URL!;
const check = () => verifyAgainstCheckpoints(url(), store, key.publicKey);
const brokenOf = async (chain: string) => (await check()).chains.find((c) => c.chain === chain)?.broken;

beforeEach(async () => {
  await resetCaseData();
  dir = await mkdtemp(path.join(tmpdir(), 'checkpoints-'));
  store = new DirectoryCheckpointStore(dir);
  await appendEvents('34', 6);
  await appendEvents('41', 3);
  await publishCheckpoints(new Date('2026-12-04T10:00:00Z'), { store, key });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('publishCheckpoints', () => {
  it('signs each chain head once, and a moved head with a checkpoint naming the one before', async () => {
    expect((await store.list('34')).map((c) => [c.seq, c.previous])).toEqual([['6', null]]);
    const again = await publishCheckpoints(new Date('2026-12-04T11:00:00Z'), { store, key });
    expect(again.published).toEqual([]);
    expect(again.unchanged).toEqual(['34', '41']);

    await appendEvents('34', 2);
    const moved = await publishCheckpoints(new Date('2026-12-04T12:00:00Z'), { store, key });
    expect(moved.published.map((c) => [c.chain, c.seq])).toEqual([['34', '8']]);
    const [first, second] = await store.list('34');
    expect(second!.previous).toBe(checkpointId(first!));
    const head = await getPrisma().auditChainHead.findUnique({ where: { chain: '34' } });
    expect(second!.headHash).toBe(head!.hash);
    expect((await check()).intact).toBe(true);
  });

  it("queues each new checkpoint to its province's webhook, and the national chain's to every province", async () => {
    await getPrisma().provinceSystem.createMany({
      data: [
        { provinceCode: '34', name: '安徽' },
        { provinceCode: '44', name: '广东' },
      ],
    });
    await appendEvents('34', 1);
    await appendEvents('41', 1);
    await appendEvents('national', 1);
    const { published } = await publishCheckpoints(new Date('2026-12-04T12:00:00Z'), { store, key });
    const queued = await getPrisma().outboxEvent.findMany({
      where: { kind: 'AUDIT_CHECKPOINT' },
      orderBy: [{ provinceCode: 'asc' }],
    });
    const byChain = (chain: string) => published.find((checkpoint) => checkpoint.chain === chain);
    expect(queued.map((event) => [event.provinceCode, (event.payload as { chain: string }).chain]).sort()).toEqual([
      ['34', '34'],
      ['34', 'national'],
      ['44', 'national'],
    ]);
    expect(queued.find((event) => event.provinceCode === '44')!.payload).toEqual({
      ...byChain('national'),
      publicKey: key.publicKey,
    });
  });

  it('never overwrites a stored checkpoint', async () => {
    const [existing] = await store.list('34');
    const forged = signCheckpoint({ ...existing!, headHash: 'f'.repeat(64) }, key);
    expect(await store.append(forged)).toBe(false);
    expect((await store.list('34'))[0]).toEqual(existing);
  });

  it('refuses to sign a chain rolled back behind, or rewritten under, its last checkpoint', async () => {
    await tamper(`DELETE FROM audit_event WHERE chain = '34' AND seq >= 5;
                  UPDATE audit_chain_head SET seq = 4, hash = (SELECT hash FROM audit_event WHERE chain = '34' AND seq = 4)
                   WHERE chain = '34'`);
    await appendEvents('34', 3);
    await tamper(`UPDATE audit_event SET reason = 'rewritten' WHERE chain = '41' AND seq = 2; ${rehashFrom('41', 2)}`);
    const result = await publishCheckpoints(new Date('2026-12-04T12:00:00Z'), { store, key });
    expect(result.published).toEqual([]);
    expect(result.refused).toEqual([
      { chain: '34', seq: '6', problem: 'DIFFERS_FROM_CHECKPOINT' },
      { chain: '41', seq: '3', problem: 'DIFFERS_FROM_CHECKPOINT' },
    ]);
  });
});

describe('verifyAgainstCheckpoints', () => {
  it('passes intact chains, naming the checkpoint verified', async () => {
    const result = await check();
    expect(result.intact).toBe(true);
    expect(result.chains.map((c) => [c.chain, c.verifiedCheckpoint?.seq])).toEqual([
      ['34', '6'],
      ['41', '3'],
    ]);
  });

  it("fails when a chain's last events are deleted and its head moved back", async () => {
    await tamper(`DELETE FROM audit_event WHERE chain = '34' AND seq >= 5;
                  UPDATE audit_chain_head SET seq = 4, hash = (SELECT hash FROM audit_event WHERE chain = '34' AND seq = 4)
                   WHERE chain = '34'`);
    expect((await verifyAuditChains(url())).intact).toBe(true);
    expect(await brokenOf('34')).toEqual({ seq: 5n, problem: 'BEHIND_CHECKPOINT', checkpointSeq: '6' });
    expect(await brokenOf('41')).toBeUndefined();
  });

  it('fails when a whole chain is deleted with its head', async () => {
    await tamper(`DELETE FROM audit_event WHERE chain = '41'; DELETE FROM audit_chain_head WHERE chain = '41'`);
    expect((await verifyAuditChains(url())).intact).toBe(true);
    expect(await brokenOf('41')).toEqual({ seq: 1n, problem: 'BEHIND_CHECKPOINT', checkpointSeq: '3' });
  });

  it('fails when an event is rewritten and every later hash recomputed', async () => {
    await tamper(`UPDATE audit_event SET reason = 'rewritten' WHERE chain = '34' AND seq = 3; ${rehashFrom('34', 3)}`);
    expect((await verifyAuditChains(url())).intact).toBe(true);
    expect(await brokenOf('34')).toEqual({ seq: 6n, problem: 'DIFFERS_FROM_CHECKPOINT', checkpointSeq: '6' });
  });

  it('fails when events are reordered and the hashes recomputed', async () => {
    await tamper(`UPDATE audit_event a SET occurred_at = b.occurred_at, after = b.after
                    FROM audit_event b
                   WHERE a.chain = '34' AND b.chain = '34' AND ((a.seq = 2 AND b.seq = 3) OR (a.seq = 3 AND b.seq = 2));
                  ${rehashFrom('34', 2)}`);
    expect((await verifyAuditChains(url())).intact).toBe(true);
    expect(await brokenOf('34')).toMatchObject({ seq: 6n, problem: 'DIFFERS_FROM_CHECKPOINT' });
  });

  it('names an older checkpoint the chain no longer agrees with', async () => {
    await appendEvents('34', 2);
    await publishCheckpoints(new Date('2026-12-04T12:00:00Z'), { store, key });
    await tamper(`UPDATE audit_event SET reason = 'rewritten' WHERE chain = '34' AND seq = 2; ${rehashFrom('34', 2)}`);
    const result = await check();
    expect(result.chains.find((c) => c.chain === '34')).toMatchObject({
      verifiedCheckpoint: null,
      broken: { seq: 6n, problem: 'DIFFERS_FROM_CHECKPOINT', checkpointSeq: '6' },
    });
  });

  it('fails on a forged checkpoint (its fields changed after signing)', async () => {
    const file = path.join(dir, '41', (await readdir(path.join(dir, '41')))[0]!);
    const stored = JSON.parse(await readFile(file, 'utf8')) as SignedCheckpoint;
    await chmod(file, 0o644);
    await writeFile(file, JSON.stringify({ ...stored, seq: '2' }));
    expect(await brokenOf('41')).toEqual({ seq: 2n, problem: 'CHECKPOINT_SIGNATURE_INVALID', checkpointSeq: '2' });
  });

  it('fails on a checkpoint signed with another key, and on one not naming its predecessor', async () => {
    const [last] = await store.list('34');
    await appendEvents('34', 1);
    const head = await getPrisma().auditChainHead.findUnique({ where: { chain: '34' } });
    const fields = { chain: '34', seq: '7', headHash: head!.hash, at: new Date().toISOString() };
    await store.append(signCheckpoint({ ...fields, previous: checkpointId(last!) }, otherKey));
    expect(await brokenOf('34')).toEqual({ seq: 7n, problem: 'CHECKPOINT_SIGNATURE_INVALID', checkpointSeq: '7' });

    await rm(path.join(dir, '34', `${'7'.padStart(20, '0')}.json`), { force: true });
    await store.append(signCheckpoint({ ...fields, previous: null }, key));
    expect(await brokenOf('34')).toEqual({ seq: 7n, problem: 'CHECKPOINT_LINK_BROKEN', checkpointSeq: '7' });
  });

  it('npm run audit:verify fails naming the chain and sequence, from the store outside the database', async () => {
    const run = () =>
      spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/audit-verify.ts'], {
        env: { ...process.env, AUDIT_CHECKPOINT_DIR: dir, AUDIT_CHECKPOINT_PUBLIC_KEY: key.publicKey },
        encoding: 'utf8',
      });
    const intact = run();
    expect(intact.stdout).toContain('matches checkpoint #6');
    expect(intact.status).toBe(0);
    await tamper(`DELETE FROM audit_event WHERE chain = '34' AND seq >= 5;
                  UPDATE audit_chain_head SET seq = 4, hash = (SELECT hash FROM audit_event WHERE chain = '34' AND seq = 4)
                   WHERE chain = '34'`);
    const broken = run();
    expect(broken.stdout).toContain('✗ 34: 与检查点不符，第 5 号 / checkpoint check failed at #5 (BEHIND_CHECKPOINT');
    expect(broken.stdout).toContain('BROKEN');
    expect(broken.status).toBe(1);
  }, 90_000);
});

describe('checkReceipt', () => {
  async function receiptFor(chain: string, seq: bigint) {
    const event = await getPrisma().auditEvent.findUnique({ where: { chain_seq: { chain, seq } } });
    return { chain, seq: seq.toString(), hash: event!.hash };
  }
  const published = async (publicKey: string = key.publicKey) => ({
    publicKey,
    checkpoints: [...(await store.list('34')), ...(await store.list('41'))],
  });

  it('accepts a receipt covered by a checkpoint, the service confirming its hash', async () => {
    const receipt = await receiptFor('34', 3n);
    expect(checkReceipt(receipt, await published(), receipt.hash)).toMatchObject({
      valid: true,
      checkpoint: { seq: '6' },
    });
    const atHead = await receiptFor('41', 3n);
    expect(checkReceipt(atHead, await published())).toMatchObject({ valid: true });
  });

  it('refuses a changed hash, an uncovered event, or checkpoints under another key', async () => {
    const receipt = await receiptFor('41', 3n);
    expect(checkReceipt({ ...receipt, hash: 'a'.repeat(64) }, await published())).toMatchObject({
      valid: false,
      reason: 'HASH_DIFFERS',
    });
    expect(checkReceipt(receipt, await published(), 'b'.repeat(64))).toMatchObject({ reason: 'HASH_DIFFERS' });
    expect(checkReceipt({ ...receipt, seq: '4' }, await published())).toMatchObject({ reason: 'NOT_YET_COVERED' });
    expect(checkReceipt(receipt, await published(otherKey.publicKey))).toMatchObject({
      reason: 'CHECKPOINT_SIGNATURE_INVALID',
    });
  });
});

describe('the signing key', () => {
  it('reads a PKCS#8 PEM as well as a base64 seed, to the same public key', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const fromPem: CheckpointSigningKey = signingKeyFrom(pem);
    expect(Buffer.from(fromPem.publicKey, 'base64')).toHaveLength(32);
    expect(signingKeyFrom(seed).publicKey).toBe(key.publicKey);
    expect(() => signingKeyFrom('c2hvcnQ=')).toThrow(/32-byte/);
  });
});

describe('node scripts/verify-receipt.mjs (plain Node.js, no packages)', () => {
  it('checks a receipt against a saved copy of the published checkpoints with a pinned key', async () => {
    const event = await getPrisma().auditEvent.findUnique({ where: { chain_seq: { chain: '41', seq: 3n } } });
    const file = path.join(dir, 'published-41.json');
    await writeFile(file, JSON.stringify({ publicKey: key.publicKey, checkpoints: await store.list('41') }));
    const run = (hash: string, publicKey: string) =>
      spawnSync(
        process.execPath,
        [
          'scripts/verify-receipt.mjs',
          ...['--chain', '41', '--seq', '3', '--hash', hash, '--checkpoints', file, '--public-key', publicKey],
        ],
        { encoding: 'utf8' },
      );
    const valid = run(event!.hash, key.publicKey);
    expect(valid.stdout).toContain('VALID: chain 41 #3 is covered by checkpoint #3');
    expect(valid.status).toBe(0);
    const changed = run('c'.repeat(64), key.publicKey);
    expect(changed.stdout).toContain('NOT VALID: HASH_DIFFERS');
    expect(changed.status).toBe(1);
    const otherSigner = run(event!.hash, otherKey.publicKey);
    expect(otherSigner.stdout).toContain('NOT VALID: CHECKPOINT_SIGNATURE_INVALID');
    expect(otherSigner.status).toBe(1);
  });
});
