// The supervisor's "verify chain" against the signed checkpoints (SPEC §8): adds to each chain's hash check the latest
// checkpoint it agrees with, or the checkpoint problem; a chain that has checkpoints but is gone from the database is
// listed too.
import 'server-only';
import { loadPublicKey } from './checkpoint-key';
import { getCheckpointStore } from './checkpoint-store';
import { verifyAgainstCheckpoints } from './verify-checkpoints';

interface ChainLine {
  chain: string;
  intactThrough: string;
  broken: { seq: string; problem: string } | null;
  checkpoint: { seq: string; at: string } | null;
}

export async function verifyScopeCheckpoints<T extends ChainLine>(
  databaseUrl: string,
  chain: string | null,
  lines: T[],
): Promise<{ intact: boolean; chains: ChainLine[] }> {
  const publicKey = loadPublicKey();
  if (!publicKey) return { intact: true, chains: lines };
  const result = await verifyAgainstCheckpoints(databaseUrl, getCheckpointStore(), publicKey, chain ? { chain } : {});
  const byChain = new Map(result.chains.map((entry) => [entry.chain, entry]));
  const missing = result.chains
    .filter((entry) => !lines.some((line) => line.chain === entry.chain))
    .map((entry): ChainLine => ({ chain: entry.chain, intactThrough: '0', broken: null, checkpoint: null }));
  const chains = [...lines, ...missing]
    .map((line): ChainLine => {
      const checked = byChain.get(line.chain);
      if (!checked) return line;
      const broken =
        line.broken ??
        (checked.broken ? { seq: checked.broken.seq.toString(), problem: checked.broken.problem } : null);
      return { ...line, broken, checkpoint: checked.verifiedCheckpoint };
    })
    .sort((a, b) => a.chain.localeCompare(b.chain));
  return { intact: result.intact, chains };
}
