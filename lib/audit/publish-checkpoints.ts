// Publishing signed checkpoints of every audit chain's head (SPEC §8): called by the scheduler at a fixed interval and
// by `npm run audit:checkpoint`. A chain gets a new checkpoint when its head moved since its last one. A head that is
// behind its last checkpoint, or whose event at the checkpointed sequence now has another hash, is not signed: the
// chain was rolled back or rewritten, and signing it would bless the tampering (it is reported instead). Each new
// checkpoint is written to the store outside the database and queued to the provinces' webhooks.
import { sign } from 'node:crypto';
import { prisma } from '@/lib/db/client';
import { NATIONAL_CHAIN } from './append';
import { loadSigningKey, type CheckpointSigningKey } from './checkpoint-key';
import { checkpointId, checkpointSignedText, type SignedCheckpoint } from './checkpoint-signature.mjs';
import { getCheckpointStore, type CheckpointStore } from './checkpoint-store';

export interface PublishResult {
  published: SignedCheckpoint[];
  /** Chains whose head did not move since their last checkpoint. */
  unchanged: string[];
  /** Chains not signed because they disagree with their last checkpoint. */
  refused: { chain: string; seq: string; problem: 'BEHIND_CHECKPOINT' | 'DIFFERS_FROM_CHECKPOINT' }[];
}

export function signCheckpoint(
  fields: Omit<SignedCheckpoint, 'signature' | 'keyId'>,
  key: CheckpointSigningKey,
): SignedCheckpoint {
  const unsigned = { ...fields, keyId: key.keyId };
  const signature = sign(null, Buffer.from(checkpointSignedText(unsigned)), key.privateKey).toString('base64');
  return { ...unsigned, signature };
}

export async function publishCheckpoints(
  now: Date,
  options: { store?: CheckpointStore; key?: CheckpointSigningKey } = {},
): Promise<PublishResult> {
  const store = options.store ?? getCheckpointStore();
  const key = options.key ?? loadSigningKey();
  const heads = await prisma.auditChainHead.findMany({ orderBy: { chain: 'asc' } });
  const result: PublishResult = { published: [], unchanged: [], refused: [] };
  for (const head of heads) {
    if (head.seq === 0n) continue;
    const last = (await store.list(head.chain)).at(-1);
    if (last) {
      const lastSeq = BigInt(last.seq);
      if (head.seq < lastSeq) {
        result.refused.push({ chain: head.chain, seq: last.seq, problem: 'BEHIND_CHECKPOINT' });
        continue;
      }
      const event = await prisma.auditEvent.findUnique({
        where: { chain_seq: { chain: head.chain, seq: lastSeq } },
        select: { hash: true },
      });
      if (event?.hash !== last.headHash) {
        result.refused.push({ chain: head.chain, seq: last.seq, problem: 'DIFFERS_FROM_CHECKPOINT' });
        continue;
      }
      if (head.seq === lastSeq) {
        result.unchanged.push(head.chain);
        continue;
      }
    }
    const checkpoint = signCheckpoint(
      {
        chain: head.chain,
        seq: head.seq.toString(),
        headHash: head.hash,
        at: now.toISOString(),
        previous: last ? checkpointId(last) : null,
      },
      key,
    );
    if (await store.append(checkpoint)) result.published.push(checkpoint);
  }
  await queueCheckpointWebhooks(result.published, key.publicKey);
  return result;
}

/**
 * Queues each new checkpoint to the webhooks of the provinces holding a copy: a province's chain to that province,
 * the national chain to every province with a system (the outbox delivers them with retries).
 */
async function queueCheckpointWebhooks(checkpoints: SignedCheckpoint[], publicKey: string): Promise<void> {
  if (checkpoints.length === 0) return;
  const provinces = (await prisma.provinceSystem.findMany({ select: { provinceCode: true } })).map(
    (system) => system.provinceCode,
  );
  const events = checkpoints.flatMap((checkpoint) =>
    provinces
      .filter((province) => checkpoint.chain === NATIONAL_CHAIN || checkpoint.chain === province)
      .map((provinceCode) => ({
        provinceCode,
        kind: 'AUDIT_CHECKPOINT' as const,
        payload: { ...checkpoint, publicKey },
      })),
  );
  if (events.length > 0) await prisma.outboxEvent.createMany({ data: events });
}
