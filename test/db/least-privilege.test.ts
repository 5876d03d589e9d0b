// The app's database role (SPEC §8, §18) against the real PostgreSQL: it is no superuser and owns nothing, so it
// cannot switch off the audit history's triggers or replication checks, rewrite or empty the audit tables, or move a
// chain head; it appends only through audit_append. Tables added by later migrations reach it without grants of their own.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNTIME_GROUP } from '@/lib/db/roles';
import { rawClient, runtimeClient } from '@/test/support/db';

let runtime: pg.Client;
let owner: pg.Client;
const chain = `r${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  runtime = await runtimeClient();
  owner = await rawClient();
  await runtime.query(`SELECT audit_append($1, $2::jsonb)`, [
    chain,
    JSON.stringify([{ occurredAt: new Date().toISOString(), actorRole: 'SYSTEM', action: 'EXPORT_CREATED' }]),
  ]);
});
afterAll(async () => {
  await runtime.end();
  await owner.end();
});

/** The SQLSTATE `statement` fails with as the runtime role (inside a rolled-back transaction). */
async function refusal(statement: string): Promise<string | undefined> {
  await runtime.query('BEGIN');
  try {
    await runtime.query(statement);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await runtime.query('ROLLBACK');
  }
}

describe('the runtime role', () => {
  it('is no superuser, may not create roles or replicate, and owns no table or function', async () => {
    const { rows } = await runtime.query<{
      rolsuper: boolean;
      rolcreaterole: boolean;
      rolreplication: boolean;
      rolbypassrls: boolean;
      rolcreatedb: boolean;
    }>(
      'SELECT rolsuper, rolcreaterole, rolreplication, rolbypassrls, rolcreatedb FROM pg_roles WHERE rolname = current_user',
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolreplication: false,
      rolbypassrls: false,
      rolcreatedb: false,
    });
    const owned = await runtime.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'MEMBER')
       UNION ALL
       SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND pg_has_role(current_user, p.proowner, 'MEMBER')`,
    );
    expect(owned.rows).toEqual([]);
    const member = await runtime.query(`SELECT pg_has_role(current_user, $1, 'MEMBER') AS member`, [RUNTIME_GROUP]);
    expect(member.rows[0].member).toBe(true);
  });

  it.each([
    ['disable the append-only triggers', 'ALTER TABLE audit_event DISABLE TRIGGER USER'],
    ['disable one trigger', 'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete'],
    ['drop a trigger', 'DROP TRIGGER audit_event_no_update_delete ON audit_event'],
    ['skip triggers by replication mode', 'SET session_replication_role = replica'],
    ['skip triggers by replication mode (local)', 'SET LOCAL session_replication_role = replica'],
    ['update an event', `UPDATE audit_event SET reason = 'x' WHERE chain = '${chain}'`],
    ['delete an event', `DELETE FROM audit_event WHERE chain = '${chain}'`],
    ['truncate the events', 'TRUNCATE audit_event'],
    [
      'insert an event directly',
      `INSERT INTO audit_event (chain, seq, occurred_at, actor_role, action, prev_hash, hash)
      VALUES ('${chain}', 99, now(), 'SYSTEM', 'X', repeat('0', 64), repeat('0', 64))`,
    ],
    ['move a chain head back', `UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64) WHERE chain = '${chain}'`],
    ['delete a chain head', `DELETE FROM audit_chain_head WHERE chain = '${chain}'`],
    ['insert a chain head', `INSERT INTO audit_chain_head (chain, seq, hash) VALUES ('zz', 0, repeat('0', 64))`],
    ['truncate the heads', 'TRUNCATE audit_chain_head'],
    [
      'replace audit_append',
      `CREATE OR REPLACE FUNCTION audit_append(p_chain VARCHAR, p_events JSONB) RETURNS BIGINT
      LANGUAGE sql AS 'SELECT 0::bigint'`,
    ],
    ['make audit_append run as the caller', 'ALTER FUNCTION audit_append(VARCHAR, JSONB) SECURITY INVOKER'],
    ['create a table', 'CREATE TABLE public.shadow (id int)'],
    ['rewrite the migration history', `DELETE FROM "_prisma_migrations"`],
    ['create a role', 'CREATE ROLE intruder LOGIN SUPERUSER'],
  ])('cannot %s', async (_what, statement) => {
    expect(await refusal(statement)).toBe('42501');
  });

  it('appends through audit_append, which runs as its owner with a fixed search_path', async () => {
    const { rows } = await runtime.query<{ seq: string }>(`SELECT audit_append($1, $2::jsonb)::text AS seq`, [
      chain,
      JSON.stringify([{ occurredAt: new Date().toISOString(), actorRole: 'SYSTEM', action: 'EXPORT_CREATED' }]),
    ]);
    expect(rows[0]!.seq).toBe('2');
    const head = await runtime.query(`SELECT seq::text FROM audit_chain_head WHERE chain = $1`, [chain]);
    expect(head.rows[0].seq).toBe('2');
    const functions = await owner.query<{ proname: string; prosecdef: boolean; proconfig: string[] }>(
      `SELECT proname, prosecdef, proconfig FROM pg_proc WHERE proname IN ('audit_append', 'audit_lock_chain') ORDER BY proname`,
    );
    expect(functions.rows).toEqual([
      { proname: 'audit_append', prosecdef: true, proconfig: ['search_path=pg_catalog, public, pg_temp'] },
      { proname: 'audit_lock_chain', prosecdef: true, proconfig: ['search_path=pg_catalog, public, pg_temp'] },
    ]);
  });

  it('gets read and write rights on a table a later migration adds, with no grant in that migration', async () => {
    const table = `later_${randomBytes(3).toString('hex')}`;
    await owner.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, note text)`);
    await runtime.query(`INSERT INTO ${table} (note) VALUES ('x')`);
    await runtime.query(`UPDATE ${table} SET note = 'y'`);
    expect((await runtime.query(`SELECT note FROM ${table}`)).rows).toEqual([{ note: 'y' }]);
    await runtime.query(`DELETE FROM ${table}`);
    expect(await refusal(`TRUNCATE ${table}`)).toBe('42501');
    expect(await refusal(`ALTER TABLE ${table} ADD COLUMN extra int`)).toBe('42501');
    await owner.query(`DROP TABLE ${table}`);
  });
});
