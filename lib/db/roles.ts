// The two database roles of SPEC §18: an owner that runs the migrations and owns every table and function, and a
// runtime role the app connects as (no superuser, not owner, no CREATEROLE/REPLICATION) holding only the grants of the
// migration 20261204110001_least_privilege. The grants go to the group role RUNTIME_GROUP; a login role joins it.
// Production creates the roles once by hand (docs/database.md); the embedded server and the tests create them here.
import pg from 'pg';

/** The NOLOGIN group the migrations grant to; the app's login role is a member. */
export const RUNTIME_GROUP = 'appeals_runtime';

export interface RoleCredentials {
  user: string;
  password: string;
}

/** Login roles of the embedded server and the tests (local only: 127.0.0.1). */
export const EMBEDDED_OWNER: RoleCredentials = { user: 'appeals_owner', password: 'appeals_owner' };
export const EMBEDDED_RUNTIME: RoleCredentials = { user: 'appeals_app', password: 'appeals_app' };

/** `url` with another user and password. */
export function urlAs(url: string, role: RoleCredentials): string {
  const parsed = new URL(url);
  parsed.username = role.user;
  parsed.password = role.password;
  return parsed.toString();
}

async function createRole(client: pg.Client, name: string, options: string): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  if (rowCount) return;
  try {
    await client.query(`CREATE ROLE "${name}" ${options}`);
  } catch (error) {
    // Another process (a parallel test run) created it first.
    const code = (error as { code?: string }).code;
    if (code !== '42710' && code !== '23505') throw error;
  }
}

/**
 * Creates the group role and the embedded owner and runtime login roles when missing (as a superuser, `adminUrl`).
 * The owner may create databases (the tests copy one per file) but is no superuser.
 */
export async function ensureEmbeddedRoles(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await createRole(client, RUNTIME_GROUP, 'NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS');
    await createRole(
      client,
      EMBEDDED_OWNER.user,
      `LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${EMBEDDED_OWNER.password}'`,
    );
    await createRole(
      client,
      EMBEDDED_RUNTIME.user,
      `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '${EMBEDDED_RUNTIME.password}' IN ROLE ${RUNTIME_GROUP}`,
    );
    // Read-only monitoring: the owner sees the runtime role's sessions in pg_stat_activity (the tests watch lock waits).
    await client.query(`GRANT pg_read_all_stats TO "${EMBEDDED_OWNER.user}"`);
  } finally {
    await client.end();
  }
}

/**
 * Makes the owner role own `database` and everything in its public schema: a development database made before the
 * roles were split belongs to the superuser. Runs as a superuser connected to that database; a no-op afterwards.
 */
export async function handDatabaseToOwner(superuserDatabaseUrl: string, owner = EMBEDDED_OWNER.user): Promise<void> {
  const client = new pg.Client({ connectionString: superuserDatabaseUrl });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE "${new URL(superuserDatabaseUrl).pathname.slice(1)}" OWNER TO "${owner}"`);
    await client.query(`ALTER SCHEMA public OWNER TO "${owner}"`);
    await client.query(
      `DO $$ DECLARE r record; BEGIN
         FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> '${owner}' LOOP
           EXECUTE format('ALTER %s %s OWNER TO "${owner}"',
             CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name);
         END LOOP;
         FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> '${owner}' LOOP
           EXECUTE format('ALTER SEQUENCE %s OWNER TO "${owner}"', r.name);
         END LOOP;
         FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${owner}' LOOP
           EXECUTE format('ALTER FUNCTION %s OWNER TO "${owner}"', r.name);
         END LOOP;
         FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = 'public' AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) <> '${owner}' LOOP
           EXECUTE format('ALTER TYPE %s OWNER TO "${owner}"', r.name);
         END LOOP;
       END $$`,
    );
  } finally {
    await client.end();
  }
}
