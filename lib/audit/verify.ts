// Re-computes every audit chain (SPEC §8) inside PostgreSQL: each event's SHA-256 over its predecessor's hash and its
// canonical text (the same text the app hashed when appending), its link to the previous event and its gapless
// sequence. Rows stream through a window over the (chain, seq) key, so memory stays flat however long the history;
// chains are checked two at a time. Reports each chain's head, or its first broken event.
import pg from 'pg';
import { CANONICAL_EVENT_TEXT_SQL, GENESIS_HASH } from './canonical';

export type BrokenProblem = 'HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'SEQUENCE_GAP' | 'HEAD_MISMATCH';

export interface ChainResult {
  chain: string;
  /** Last sequence number verified intact. */
  intactThrough: bigint;
  headHash: string;
  /** The first broken event, when there is one. */
  broken?: { seq: bigint; problem: BrokenProblem };
}

export interface VerifyResult {
  intact: boolean;
  events: number;
  chains: ChainResult[];
}

/** First broken event among seq lo..hi of a chain; the event before lo is read too, for its link. */
const FIRST_BROKEN_SQL = `
  SELECT seq::text, problem, previous_seq::text FROM (
    SELECT seq, CASE
             WHEN seq <> COALESCE(lag(seq) OVER w, 0) + 1 THEN 'SEQUENCE_GAP'
             WHEN prev_hash <> COALESCE(lag(hash) OVER w, '${GENESIS_HASH}') THEN 'PREVIOUS_HASH_MISMATCH'
             WHEN hash <> encode(sha256(convert_to(prev_hash || ${CANONICAL_EVENT_TEXT_SQL}, 'UTF8')), 'hex') THEN 'HASH_MISMATCH'
           END AS problem,
           lag(seq) OVER w AS previous_seq
      FROM audit_event WHERE chain = $1 AND seq >= $2::bigint - 1 AND seq <= $3::bigint
    WINDOW w AS (ORDER BY seq)) checked
   WHERE problem IS NOT NULL AND seq >= $2::bigint
   ORDER BY seq LIMIT 1`;

/** Long chains are checked in slices, so both cores work even when one province holds most of the history. */
const SLICE = 100_000n;

interface Slice {
  chain: string;
  lo: bigint;
  hi: bigint;
}

type Broken = { seq: bigint; problem: BrokenProblem };

async function checkSlice(client: pg.Client, slice: Slice): Promise<Broken | null> {
  const {
    rows: [row],
  } = await client.query<{ seq: string; problem: BrokenProblem; previous_seq: string | null }>(FIRST_BROKEN_SQL, [
    slice.chain,
    slice.lo.toString(),
    slice.hi.toString(),
  ]);
  if (!row) return null;
  // A gap is reported at the first missing number.
  return row.problem === 'SEQUENCE_GAP'
    ? { seq: BigInt(row.previous_seq ?? '0') + 1n, problem: row.problem }
    : { seq: BigInt(row.seq), problem: row.problem };
}

export async function verifyAuditChains(
  databaseUrl: string,
  options: { chain?: string; concurrency?: number; sliceSize?: bigint } = {},
): Promise<VerifyResult> {
  const sliceSize = options.sliceSize ?? SLICE;
  const clients = Array.from(
    { length: Math.max(1, options.concurrency ?? 2) },
    () => new pg.Client({ connectionString: databaseUrl }),
  );
  await Promise.all(clients.map((client) => client.connect()));
  try {
    const [first] = clients;
    const chainFilter = options.chain ? 'WHERE chain = $1' : '';
    const params = options.chain ? [options.chain] : [];
    const { rows: tails } = await first!.query<{ chain: string; events: string; last_seq: string; last_hash: string }>(
      `SELECT t.chain, t.events::text, t.last_seq::text,
              (SELECT hash FROM audit_event e WHERE e.chain = t.chain AND e.seq = t.last_seq) AS last_hash
         FROM (SELECT chain, count(*) AS events, max(seq) AS last_seq FROM audit_event ${chainFilter} GROUP BY chain) t`,
      params,
    );
    const { rows: heads } = await first!.query<{ chain: string; seq: string; hash: string }>(
      `SELECT chain, seq::text, hash FROM audit_chain_head ${chainFilter}`,
      params,
    );
    const chains = [...new Set([...tails.map((t) => t.chain), ...heads.map((h) => h.chain)])].sort();
    const slices: Slice[] = tails.flatMap((tail) => {
      const last = BigInt(tail.last_seq);
      const parts: Slice[] = [];
      for (let lo = 1n; lo <= last; lo += sliceSize)
        parts.push({ chain: tail.chain, lo, hi: lo + sliceSize - 1n < last ? lo + sliceSize - 1n : last });
      return parts;
    });
    const brokenByChain = new Map<string, Broken>();
    let next = 0;
    await Promise.all(
      clients.map(async (client) => {
        for (let index = next++; index < slices.length; index = next++) {
          const slice = slices[index]!;
          const broken = await checkSlice(client, slice);
          const known = brokenByChain.get(slice.chain);
          if (broken && (!known || broken.seq < known.seq)) brokenByChain.set(slice.chain, broken);
        }
      }),
    );
    const results = chains.map((chain): ChainResult => {
      const tail = tails.find((t) => t.chain === chain);
      const head = heads.find((h) => h.chain === chain);
      const lastSeq = BigInt(tail?.last_seq ?? '0');
      const lastHash = tail?.last_hash ?? GENESIS_HASH;
      const broken = brokenByChain.get(chain);
      if (broken) return { chain, intactThrough: broken.seq - 1n, headHash: '', broken };
      // The head row records how far each chain reached: events cut from the end show up here.
      if (!head || BigInt(head.seq) !== lastSeq || head.hash !== lastHash) {
        return {
          chain,
          intactThrough: lastSeq,
          headHash: lastHash,
          broken: { seq: lastSeq + 1n, problem: 'HEAD_MISMATCH' },
        };
      }
      return { chain, intactThrough: lastSeq, headHash: lastHash };
    });
    const events = tails.reduce((sum, tail) => sum + Number(tail.events), 0);
    return { intact: results.every((chain) => !chain.broken), events, chains: results };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
