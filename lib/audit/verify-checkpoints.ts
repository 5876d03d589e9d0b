// Checks the audit chains in the database against the signed checkpoints kept outside it (SPEC §8): every checkpoint's
// signature under the configured public key and its link to the one before, then that the chain still holds, at each
// checkpointed sequence, the event hash the checkpoint signed. So a chain cut short and its head moved back, a chain
// deleted with its head, or a chain rewritten with every later hash recomputed fails, naming chain and sequence.
import pg from 'pg';
import { checkCheckpointLog, type CheckpointProblem, type SignedCheckpoint } from './checkpoint-signature.mjs';
import type { CheckpointStore } from './checkpoint-store';

export type CheckpointVerificationProblem =
  | CheckpointProblem
  /** The chain has fewer events than its checkpoint: `seq` is the first missing one. */
  | 'BEHIND_CHECKPOINT'
  /** The event at the checkpoint's sequence has another hash: `seq` is that sequence. */
  | 'DIFFERS_FROM_CHECKPOINT';

export interface ChainCheckpointResult {
  chain: string;
  /** The latest checkpoint the chain agrees with, if any. */
  verifiedCheckpoint: { seq: string; at: string } | null;
  broken?: { seq: bigint; problem: CheckpointVerificationProblem; checkpointSeq: string };
}

export interface CheckpointVerifyResult {
  intact: boolean;
  chains: ChainCheckpointResult[];
}

async function checkChain(
  client: pg.Client,
  chain: string,
  log: SignedCheckpoint[],
  publicKey: string,
): Promise<ChainCheckpointResult> {
  const logProblem = checkCheckpointLog(log, publicKey);
  if (logProblem) {
    return {
      chain,
      verifiedCheckpoint: null,
      broken: { seq: BigInt(logProblem.seq), problem: logProblem.problem, checkpointSeq: logProblem.seq },
    };
  }
  const { rows } = await client.query<{ seq: string; hash: string }>(
    'SELECT seq::text, hash FROM audit_event WHERE chain = $1 AND seq = ANY($2::bigint[])',
    [chain, log.map((checkpoint) => checkpoint.seq)],
  );
  const hashAt = new Map(rows.map((row) => [row.seq, row.hash]));
  const {
    rows: [tail],
  } = await client.query<{ last: string | null }>('SELECT max(seq)::text AS last FROM audit_event WHERE chain = $1', [
    chain,
  ]);
  let verified: SignedCheckpoint | null = null;
  for (const checkpoint of log) {
    const hash = hashAt.get(checkpoint.seq);
    if (hash === undefined) {
      return {
        chain,
        verifiedCheckpoint: verified && { seq: verified.seq, at: verified.at },
        broken: {
          seq: BigInt(tail?.last ?? '0') + 1n,
          problem: 'BEHIND_CHECKPOINT',
          checkpointSeq: checkpoint.seq,
        },
      };
    }
    if (hash !== checkpoint.headHash) {
      return {
        chain,
        verifiedCheckpoint: verified && { seq: verified.seq, at: verified.at },
        broken: { seq: BigInt(checkpoint.seq), problem: 'DIFFERS_FROM_CHECKPOINT', checkpointSeq: checkpoint.seq },
      };
    }
    verified = checkpoint;
  }
  return { chain, verifiedCheckpoint: verified && { seq: verified.seq, at: verified.at } };
}

export async function verifyAgainstCheckpoints(
  databaseUrl: string,
  store: CheckpointStore,
  publicKey: string,
  options: { chain?: string } = {},
): Promise<CheckpointVerifyResult> {
  const chains = (await store.chains()).filter((chain) => !options.chain || chain === options.chain);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const results: ChainCheckpointResult[] = [];
    for (const chain of chains) results.push(await checkChain(client, chain, await store.list(chain), publicKey));
    return { intact: results.every((result) => !result.broken), chains: results };
  } finally {
    await client.end();
  }
}
