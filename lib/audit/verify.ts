// Re-computes every audit chain (SPEC §8) in keyset-paged batches, so memory stays flat however long the history.
// Reports each chain's head, or the first event whose sequence, link or hash does not hold.
import pg from 'pg';
import { auditHash, GENESIS_HASH, type JsonValue } from './canonical';

export interface ChainResult {
  chain: string;
  /** Last sequence number verified intact. */
  intactThrough: bigint;
  headHash: string;
  /** The first broken event, when there is one. */
  broken?: { seq: bigint; problem: 'HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'SEQUENCE_GAP' | 'HEAD_MISMATCH' };
}

export interface VerifyResult {
  intact: boolean;
  events: number;
  chains: ChainResult[];
}

interface AuditRow {
  chain: string;
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string;
  case_id: string | null;
  action: string;
  before: JsonValue | null;
  after: JsonValue | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

const BATCH = 5_000;

export async function verifyAuditChains(databaseUrl: string, options: { chain?: string } = {}): Promise<VerifyResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One snapshot for the whole walk, so appends made meanwhile cannot look like a broken head.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const heads = await client.query<{ chain: string; seq: string; hash: string }>(
      `SELECT chain, seq::text, hash FROM audit_chain_head ${options.chain ? 'WHERE chain = $1' : ''} ORDER BY chain`,
      options.chain ? [options.chain] : [],
    );
    type ChainState = ChainResult & { expectedSeq: bigint; done: boolean };
    const chains = new Map<string, ChainState>();
    const start = (chain: string) => {
      const state: ChainState = { chain, intactThrough: 0n, headHash: GENESIS_HASH, expectedSeq: 1n, done: false };
      chains.set(chain, state);
      return state;
    };
    let events = 0;
    let after: [string, string] = [options.chain ?? '', '0'];
    for (;;) {
      const { rows } = await client.query<AuditRow>(
        `SELECT chain, seq::text, occurred_at, actor_id, actor_role, case_id, action, before, after, reason, prev_hash, hash
           FROM audit_event
          WHERE (chain, seq) > ($1, $2::bigint) ${options.chain ? 'AND chain = $4' : ''}
          ORDER BY audit_event.chain, audit_event.seq
          LIMIT $3`,
        options.chain ? [...after, BATCH, options.chain] : [...after, BATCH],
      );
      for (const row of rows) {
        events += 1;
        const state = chains.get(row.chain) ?? start(row.chain);
        if (state.done) continue;
        const seq = BigInt(row.seq);
        const problem =
          seq !== state.expectedSeq
            ? 'SEQUENCE_GAP'
            : row.prev_hash !== state.headHash
              ? 'PREVIOUS_HASH_MISMATCH'
              : auditHash(row.prev_hash, {
                    chain: row.chain,
                    seq,
                    occurredAt: row.occurred_at,
                    actorId: row.actor_id,
                    actorRole: row.actor_role,
                    caseId: row.case_id,
                    action: row.action,
                    before: row.before,
                    after: row.after,
                    reason: row.reason,
                  }) !== row.hash
                ? 'HASH_MISMATCH'
                : null;
        if (problem) {
          state.broken = { seq: problem === 'SEQUENCE_GAP' ? state.expectedSeq : seq, problem };
          state.done = true;
          continue;
        }
        state.intactThrough = seq;
        state.headHash = row.hash;
        state.expectedSeq = seq + 1n;
      }
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) break;
      after = [last.chain, last.seq];
    }
    // The head row records how far each chain reached: missing tail events show up here.
    for (const head of heads.rows) {
      const state = chains.get(head.chain) ?? start(head.chain);
      if (!state.done && (BigInt(head.seq) !== state.intactThrough || head.hash !== state.headHash)) {
        state.broken = { seq: state.intactThrough + 1n, problem: 'HEAD_MISMATCH' };
      }
    }
    await client.query('COMMIT');
    const results = [...chains.values()]
      .map(({ chain, intactThrough, headHash, broken }) => ({ chain, intactThrough, headHash, ...(broken ? { broken } : {}) }))
      .sort((a, b) => a.chain.localeCompare(b.chain));
    return { intact: results.every((chain) => !chain.broken), events, chains: results };
  } finally {
    await client.end();
  }
}
