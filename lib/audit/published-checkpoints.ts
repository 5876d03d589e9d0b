// What the public checkpoint page, its JSON endpoint and the receipt check read (SPEC §8): the public key and the
// checkpoints from the store outside the database, and an event's current hash. Nothing personal.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { loadPublicKey } from './checkpoint-key';
import { checkReceipt, type Receipt, type ReceiptCheck, type SignedCheckpoint } from './checkpoint-signature.mjs';
import { getCheckpointStore, latestCheckpoints } from './checkpoint-store';

export interface PublishedCheckpointList {
  algorithm: 'Ed25519';
  /** Base64 of the 32 raw bytes, or null when no key is configured. */
  publicKey: string | null;
  checkpoints: SignedCheckpoint[];
}

const CHAIN = /^[A-Za-z0-9_-]{1,16}$/;

/** Every chain's latest checkpoint, or one chain's whole log (to check its links from the first). */
export async function listPublishedCheckpoints(chain?: string): Promise<PublishedCheckpointList> {
  const store = getCheckpointStore();
  const checkpoints =
    chain === undefined ? await latestCheckpoints(store) : CHAIN.test(chain) ? await store.list(chain) : [];
  return { algorithm: 'Ed25519', publicKey: loadPublicKey(), checkpoints };
}

export function isReceipt(value: Record<string, unknown>): value is Record<string, unknown> & Receipt {
  return (
    typeof value.chain === 'string' &&
    CHAIN.test(value.chain) &&
    typeof value.seq === 'string' &&
    /^[1-9]\d{0,17}$/.test(value.seq) &&
    typeof value.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(value.hash)
  );
}

/** The hash the service holds at a chain position, or null when there is no such event. */
export async function currentEventHash(chain: string, seq: string): Promise<string | null> {
  const event = await prisma.auditEvent.findUnique({
    where: { chain_seq: { chain, seq: BigInt(seq) } },
    select: { hash: true },
  });
  return event?.hash ?? null;
}

/** The receipt check of the public page: the chain's signed log, coverage, and the hash the service holds now. */
export async function checkPublishedReceipt(
  receipt: Receipt,
): Promise<ReceiptCheck | { valid: false; reason: 'NO_KEY' }> {
  const published = await listPublishedCheckpoints(receipt.chain);
  if (!published.publicKey) return { valid: false, reason: 'NO_KEY' };
  const current = await currentEventHash(receipt.chain, receipt.seq);
  return checkReceipt(receipt, { publicKey: published.publicKey, checkpoints: published.checkpoints }, current ?? '');
}
