// Helpers for integration tests against the real PostgreSQL of the test run.
import pg from 'pg';
import { inject } from 'vitest';

/** A raw pg client on this test file's database as the owner role (for direct SQL checks, bulk set-up and tampering). */
export async function rawClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
  return client;
}

/**
 * How many backends of this database wait for a lock: on Citus across every node (a row lock of a distributed table is
 * waited for on the worker holding its shard, which the coordinator's pg_stat_activity does not show).
 */
export async function lockWaiters(client: pg.Client): Promise<number> {
  const citus = (
    await client.query<{ citus: boolean }>(`SELECT to_regclass('citus_stat_activity') IS NOT NULL AS citus`)
  ).rows[0]!.citus;
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${citus ? 'citus_stat_activity' : 'pg_stat_activity'}
      WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.n;
}

/** A raw pg client as the runtime role the app connects as (to test what it may not do). */
export async function runtimeClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/** A brand-new, empty database (no migrations), dropped by the returned cleanup. */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `e_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Turns the audit table's user triggers on or off. On Citus (npm run test:citus) ALTER TABLE on the distributed table
 * does not reach its shards, which carry the triggers too: they are switched there as well.
 */
async function auditTriggers(client: pg.Client, action: 'ENABLE' | 'DISABLE', which = 'USER'): Promise<void> {
  await client.query(`ALTER TABLE audit_event ${action} TRIGGER ${which}`);
  const citus = await client.query<{ on: boolean }>("SELECT to_regclass('pg_dist_partition') IS NOT NULL AS on");
  if (citus.rows[0]!.on) {
    await client.query(`SELECT run_command_on_shards('audit_event', 'ALTER TABLE %s ${action} TRIGGER USER')`);
  }
}

/** Empties every table holding case, user and audit data, keeping reference data (divisions, catalogue, calendar, policies). */
export async function resetCaseData(): Promise<void> {
  const client = await rawClient();
  try {
    await auditTriggers(client, 'DISABLE', 'audit_event_no_truncate');
    await client.query(`TRUNCATE audit_event, audit_chain_head, outbox_event, notification, decision, mass_incident, case_incident, information_request,
      evidence, case_exclusion, webhook_delivery, appeal_case, filing_idempotency_key, code_assignment, api_request_nonce, api_key, province_system, reference_counter, supervision_daily_stat, supervision_stats_refresh, case_state_count, case_state_delta, case_deadline_count, case_deadline_delta, reviewer_deadline_count, reviewer_deadline_delta, otp_challenge, sms_message, sms_delivery, rate_limit, staff_lockout, session, app_user CASCADE`);
    await auditTriggers(client, 'ENABLE', 'audit_event_no_truncate');
  } finally {
    await client.end();
  }
}

/** Runs `sql` as the owner with the audit table's append-only triggers off: tampering, as only the owner could. */
export async function tamperAuditHistory(sql: string): Promise<void> {
  const client = await rawClient();
  try {
    await auditTriggers(client, 'DISABLE');
    await client.query(sql);
    await auditTriggers(client, 'ENABLE');
  } finally {
    await client.end();
  }
}
