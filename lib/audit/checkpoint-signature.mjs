// The signed form of an audit checkpoint (SPEC §8), in plain JavaScript on node:crypto alone, so that the app and the
// dependency-free verify command (scripts/verify-receipt.mjs) check signatures and receipts with the same code.
// A checkpoint says: chain `chain` had `seq` events, the last with hash `headHash`, at time `at`; `previous` is the
// id of the chain's checkpoint before it (null for the first); `keyId` names the Ed25519 key that signed it.
import { createHash, createPublicKey, verify } from 'node:crypto';

export const CHECKPOINT_FORMAT = 'health-code-appeals/audit-checkpoint/v1';
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The exact bytes signed: a JSON array of the fields in a fixed order. */
export function checkpointSignedText(checkpoint) {
  const { chain, seq, headHash, at, previous, keyId } = checkpoint;
  return JSON.stringify([CHECKPOINT_FORMAT, chain, seq, headHash, at, previous, keyId]);
}

/** A checkpoint's id: SHA-256 of its signed text (what the next checkpoint names as `previous`). */
export function checkpointId(checkpoint) {
  return createHash('sha256').update(checkpointSignedText(checkpoint)).digest('hex');
}

/** A public key's id: the first 16 hex digits of SHA-256 of its 32 raw bytes (base64 in `publicKey`). */
export function keyIdOf(publicKey) {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

export function publicKeyObject(publicKey) {
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (base64)');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** True when `checkpoint` carries a valid signature by `publicKey` (base64 of the 32 raw bytes). */
export function checkpointSignatureValid(checkpoint, publicKey) {
  if (typeof checkpoint?.signature !== 'string' || checkpoint.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(
      null,
      Buffer.from(checkpointSignedText(checkpoint)),
      publicKeyObject(publicKey),
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/**
 * Checks one chain's checkpoints, oldest first: every signature valid under `publicKey`, each naming the one before,
 * sequence numbers never going back. Returns the first problem ({ seq, problem }) or null.
 */
export function checkCheckpointLog(checkpoints, publicKey) {
  let previous = null;
  for (const checkpoint of checkpoints) {
    if (!checkpointSignatureValid(checkpoint, publicKey))
      return { seq: checkpoint.seq, problem: 'CHECKPOINT_SIGNATURE_INVALID' };
    if (checkpoint.previous !== (previous ? checkpointId(previous) : null)) {
      return { seq: checkpoint.seq, problem: 'CHECKPOINT_LINK_BROKEN' };
    }
    if (previous && BigInt(checkpoint.seq) < BigInt(previous.seq))
      return { seq: checkpoint.seq, problem: 'CHECKPOINT_WENT_BACK' };
    previous = checkpoint;
  }
  return null;
}

/**
 * Checks a receipt { chain, seq, hash } against the published checkpoints { publicKey, checkpoints } (GET
 * /api/audit/checkpoints) and, when given, the hash the service now holds at that position (GET
 * /api/audit/receipt?chain=&seq=). Valid when the chain's checkpoint log verifies, a checkpoint covers the event,
 * and the event's hash is the one the covering checkpoint (at that very sequence) or the service confirms.
 */
export function checkReceipt(receipt, published, currentHash) {
  const log = published.checkpoints
    .filter((checkpoint) => checkpoint.chain === receipt.chain)
    .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : BigInt(a.seq) > BigInt(b.seq) ? 1 : 0));
  if (log.length === 0) return { valid: false, reason: 'NO_CHECKPOINT' };
  const problem = checkCheckpointLog(log, published.publicKey);
  if (problem) return { valid: false, reason: problem.problem, seq: problem.seq };
  const covering = log.find((checkpoint) => BigInt(checkpoint.seq) >= BigInt(receipt.seq));
  if (!covering) return { valid: false, reason: 'NOT_YET_COVERED' };
  if (covering.seq === String(receipt.seq) && covering.headHash !== receipt.hash) {
    return { valid: false, reason: 'HASH_DIFFERS', checkpoint: covering };
  }
  if (currentHash !== undefined && currentHash !== receipt.hash) {
    return { valid: false, reason: 'HASH_DIFFERS', checkpoint: covering };
  }
  return { valid: true, checkpoint: covering };
}
