-- Appends events to one audit chain in a single statement (SPEC §8), so that a transaction locks its chain's head only
-- for this statement and its COMMIT: lib/audit/append.ts calls it as the last step of each transaction. The hash is
-- computed here, from the row as stored, with the same canonical text the verifier uses (CANONICAL_EVENT_SQL in
-- lib/audit/canonical.ts): hash = SHA-256(prev_hash ‖ canonical JSON of the event).
-- p_events: a JSON array of {occurredAt, actorId, actorRole, caseId, action, before, after, reason}, in order.
CREATE FUNCTION "audit_append"(p_chain VARCHAR, p_events JSONB) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  head_seq BIGINT;
  head_hash CHAR(64);
  e JSONB;
BEGIN
  INSERT INTO audit_chain_head (chain, seq, hash) VALUES (p_chain, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE chain = p_chain FOR UPDATE;
  FOR e IN SELECT a.value FROM jsonb_array_elements(p_events) WITH ORDINALITY AS a(value, n) ORDER BY a.n LOOP
    head_seq := head_seq + 1;
    INSERT INTO audit_event (chain, seq, occurred_at, actor_id, actor_role, case_id, action, before, after, reason, prev_hash, hash)
    SELECT r.chain, r.seq, r.occurred_at, r.actor_id, r.actor_role, r.case_id, r.action, r.before, r.after, r.reason, r.prev_hash,
           encode(sha256(convert_to(r.prev_hash || jsonb_build_object(
             'chain', r.chain, 'seq', r.seq::text,
             'occurredAt', to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'actorId', r.actor_id, 'actorRole', r.actor_role, 'caseId', r.case_id, 'action', r.action,
             'before', r.before, 'after', r.after, 'reason', r.reason)::text, 'UTF8')), 'hex')
      FROM (SELECT p_chain::VARCHAR(8) AS chain, head_seq AS seq, (e->>'occurredAt')::TIMESTAMPTZ(3) AS occurred_at,
                   (e->>'actorId')::UUID AS actor_id, e->>'actorRole' AS actor_role, (e->>'caseId')::UUID AS case_id,
                   e->>'action' AS action, NULLIF(e->'before', 'null'::JSONB) AS before, NULLIF(e->'after', 'null'::JSONB) AS after,
                   e->>'reason' AS reason, head_hash AS prev_hash) r
    RETURNING hash INTO head_hash;
  END LOOP;
  UPDATE audit_chain_head SET seq = head_seq, hash = head_hash WHERE chain = p_chain;
  RETURN head_seq;
END
$$;
