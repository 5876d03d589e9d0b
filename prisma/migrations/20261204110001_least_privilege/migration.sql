-- Least privilege (SPEC §8, §18): the role running the migrations owns every table and function; the app connects as
-- a member of the NOLOGIN group `appeals_runtime` (no superuser, not owner), which gets only what the app needs.
-- The group must exist before this migration (lib/db/roles.ts creates it for the embedded server and the tests;
-- docs/database.md gives the statements for production).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'appeals_runtime') THEN
    RAISE EXCEPTION 'role appeals_runtime is missing: create it first (CREATE ROLE appeals_runtime NOLOGIN; see docs/database.md)';
  END IF;
END
$$;

-- Nobody but the owner creates objects in the schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO appeals_runtime;

-- Every table present now, and (default privileges of the role running the migrations) every table added by a later
-- migration: read and write rows, nothing else (no TRUNCATE, REFERENCES, TRIGGER; no DDL, as the role owns nothing).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO appeals_runtime;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO appeals_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO appeals_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO appeals_runtime;

-- The migration history is the owner's alone.
REVOKE ALL ON "_prisma_migrations" FROM appeals_runtime;

-- The audit tables are read-only to the app: events are appended, and heads moved, only by audit_append.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "audit_event", "audit_chain_head" FROM appeals_runtime;

-- audit_append runs with its owner's rights and a fixed search_path (no object of another schema can stand in for
-- the audit tables or the functions it calls).
ALTER FUNCTION "audit_append"(VARCHAR, JSONB) SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;
REVOKE EXECUTE ON FUNCTION "audit_append"(VARCHAR, JSONB) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "audit_append"(VARCHAR, JSONB) TO appeals_runtime;

-- Takes a chain's head row lock for the rest of the caller's transaction and returns the head (writers that must
-- serialise on a chain before they read, lib/audit/append.ts lockAuditChain), without the right to move the head.
CREATE FUNCTION "audit_lock_chain"(p_chain VARCHAR) RETURNS TABLE (seq BIGINT, hash CHAR(64))
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  INSERT INTO audit_chain_head (chain, seq, hash) VALUES (p_chain, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
  RETURN QUERY SELECT h.seq, h.hash FROM audit_chain_head h WHERE h.chain = p_chain FOR UPDATE;
END
$$;
REVOKE EXECUTE ON FUNCTION "audit_lock_chain"(VARCHAR) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "audit_lock_chain"(VARCHAR) TO appeals_runtime;

-- The trigger functions run as the invoking role; the append-only refusal needs no rights at all.
