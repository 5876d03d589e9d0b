// Types of checkpoint-signature.mjs (plain JavaScript, so the dependency-free verify command can use it).
export interface SignedCheckpoint {
  chain: string;
  /** Sequence number of the chain's head (a decimal string). */
  seq: string;
  headHash: string;
  /** ISO time of the checkpoint. */
  at: string;
  /** Id of the chain's previous checkpoint, or null for its first. */
  previous: string | null;
  keyId: string;
  /** Ed25519 signature of checkpointSignedText, base64. */
  signature: string;
}

export type CheckpointProblem = 'CHECKPOINT_SIGNATURE_INVALID' | 'CHECKPOINT_LINK_BROKEN' | 'CHECKPOINT_WENT_BACK';

export interface Receipt {
  chain: string;
  seq: string;
  hash: string;
}

export interface PublishedCheckpoints {
  publicKey: string;
  checkpoints: SignedCheckpoint[];
}

export type ReceiptCheck =
  | { valid: true; checkpoint: SignedCheckpoint }
  | {
      valid: false;
      reason: 'NO_CHECKPOINT' | 'NOT_YET_COVERED' | 'HASH_DIFFERS' | CheckpointProblem;
      seq?: string;
      checkpoint?: SignedCheckpoint;
    };

export const CHECKPOINT_FORMAT: string;
export function checkpointSignedText(checkpoint: Omit<SignedCheckpoint, 'signature'>): string;
export function checkpointId(checkpoint: Omit<SignedCheckpoint, 'signature'>): string;
export function keyIdOf(publicKey: string): string;
export function publicKeyObject(publicKey: string): import('node:crypto').KeyObject;
export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKey: string): boolean;
export function checkCheckpointLog(
  checkpoints: SignedCheckpoint[],
  publicKey: string,
): { seq: string; problem: CheckpointProblem } | null;
export function checkReceipt(receipt: Receipt, published: PublishedCheckpoints, currentHash?: string): ReceiptCheck;
