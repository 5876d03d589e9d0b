// Fails when the migrated schema could not be distributed with Citus as lib/db/distribution.ts classifies it
// (docs/scaling.md), and shows on deliberately broken tables that the check can fail.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DISTRIBUTION, type DistributionMap, type Placement } from '@/lib/db/distribution';
import { migrate, readMigrations } from '@/lib/db/migrate';
import { emptyDatabase, rawClient } from '@/test/support/db';
import { checkDistribution, readDistributionFacts, staleExemptions } from './distribution-rules';

let client: pg.Client;
beforeAll(async () => {
  client = await rawClient();
});
afterAll(async () => {
  await client.end();
});

describe('the migrated schema', () => {
  it('classifies every table and keeps every key and foreign key within Citus rules', async () => {
    const facts = await readDistributionFacts(client);
    // On failure each line names the table, key or foreign key and what is wrong with it.
    expect(checkDistribution(facts, DISTRIBUTION)).toEqual([]);
    expect(staleExemptions(facts, DISTRIBUTION)).toEqual([]);
  });

  it('has every case table keyed by province_code, including the formerly id-only keys', async () => {
    const facts = await readDistributionFacts(client);
    const key = (name: string) => facts.uniqueKeys.find((candidate) => candidate.name === name)?.columns;
    expect(key('appeal_case_pkey')).toEqual(['province_code', 'id']);
    expect(key('appeal_case_province_code_reference_key')).toEqual(['province_code', 'reference']);
    expect(key('decision_province_code_case_id_level_key')).toEqual(['province_code', 'case_id', 'level']);
    expect(key('case_exclusion_pkey')).toEqual(['province_code', 'case_id', 'reviewer_id']);
    expect(facts.foreignKeys.find((fk) => fk.name === 'evidence_province_code_case_id_fkey')).toMatchObject({
      columns: ['province_code', 'case_id'],
      referencedTable: 'appeal_case',
      referencedColumns: ['province_code', 'id'],
    });
  });

  it('agrees with the table in docs/scaling.md', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/scaling.md'), 'utf8');
    const rows: [string, (placement: Placement) => boolean][] = [
      ['| Distributed by province', (p) => p.kind === 'distributed' && p.column === 'province_code'],
      ['| Distributed by `chain`', (p) => p.kind === 'distributed' && p.column === 'chain'],
      ['| Reference tables', (p) => p.kind === 'reference'],
      ['| Distributed by their own key', (p) => p.kind === 'distributed-by-own-key'],
    ];
    for (const [start, matches] of rows) {
      const line = doc.split('\n').find((candidate) => candidate.startsWith(start));
      expect(line, `docs/scaling.md has a row starting ${start}`).toBeDefined();
      const tablesCell = line!.split('|')[2] ?? '';
      const documented = [...tablesCell.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]).sort();
      const classified = Object.entries(DISTRIBUTION)
        .filter(([, placement]) => matches(placement))
        .map(([table]) => table)
        .sort();
      expect(documented, start).toEqual(classified);
    }
  });
});

describe('the check can fail', () => {
  it('reports unclassified and missing tables, keys without the distribution column and uncolocated foreign keys', async () => {
    await client.query('CREATE SCHEMA probe');
    try {
      await client.query(`
        CREATE TABLE probe.bad (id uuid PRIMARY KEY, province_code char(2));
        CREATE TABLE probe.good (province_code char(2) NOT NULL, id uuid NOT NULL, bad_id uuid, code text NOT NULL,
                                 PRIMARY KEY (province_code, id));
        CREATE UNIQUE INDEX good_code_key ON probe.good (code) WHERE bad_id IS NOT NULL;
        CREATE UNIQUE INDEX good_province_code_code_key ON probe.good (province_code, code);
        ALTER TABLE probe.good ADD CONSTRAINT good_bad_id_fkey FOREIGN KEY (bad_id) REFERENCES probe.bad (id);
        CREATE TABLE probe.child (province_code char(2) NOT NULL, id uuid NOT NULL, good_id uuid NOT NULL,
                                  PRIMARY KEY (province_code, id));
        ALTER TABLE probe.child ADD CONSTRAINT child_province_code_good_id_fkey
          FOREIGN KEY (province_code, good_id) REFERENCES probe.good (province_code, id);
        CREATE TABLE probe.pair (province_code char(2) NOT NULL, other_code char(2) NOT NULL, PRIMARY KEY (province_code, other_code));
        CREATE TABLE probe.crossed (province_code char(2) NOT NULL, other_code char(2) NOT NULL, PRIMARY KEY (province_code, other_code),
          CONSTRAINT crossed_fkey FOREIGN KEY (other_code, province_code) REFERENCES probe.pair (province_code, other_code));
        CREATE TABLE probe.lookup (code text PRIMARY KEY, good_province_code char(2), good_id uuid,
          FOREIGN KEY (good_province_code, good_id) REFERENCES probe.good (province_code, id));
        CREATE TABLE probe.unlisted (x int);
      `);
      const byProvince = { kind: 'distributed', column: 'province_code' } as const;
      const map: DistributionMap = {
        bad: byProvince,
        good: byProvince,
        child: byProvince,
        pair: byProvince,
        crossed: byProvince,
        lookup: { kind: 'reference' },
        gone: byProvince,
      };
      expect(checkDistribution(await readDistributionFacts(client, 'probe'), map)).toEqual([
        'table unlisted is not classified in lib/db/distribution.ts',
        'table gone is classified in lib/db/distribution.ts but does not exist',
        'table bad: distribution column province_code is nullable',
        'table bad: primary key bad_pkey (id) does not include the distribution column province_code',
        'table good: unique key good_code_key (code) does not include the distribution column province_code',
        'foreign key crossed_fkey crossed (other_code, province_code) → pair (province_code, other_code): not colocated, province_code and province_code must be at the same position on both sides',
        'foreign key good_bad_id_fkey good (bad_id) → bad (id): not colocated, province_code and province_code must be at the same position on both sides',
        'foreign key lookup_good_province_code_good_id_fkey lookup (good_province_code, good_id) → good (province_code, id): a reference table may reference only reference tables, not one distributed by province_code',
      ]);
    } finally {
      await client.query('DROP SCHEMA probe CASCADE');
    }
  });

  it('reports colocated keys of different types, cascading updates and triggers Citus was not told about', async () => {
    await client.query('CREATE SCHEMA probe2');
    try {
      await client.query(`
        CREATE TABLE probe2.parent (province_code char(2) NOT NULL, id uuid NOT NULL, PRIMARY KEY (province_code, id));
        CREATE TABLE probe2.chain (chain varchar(8) NOT NULL, seq int NOT NULL, PRIMARY KEY (chain, seq));
        CREATE TABLE probe2.child (province_code char(2) NOT NULL, id uuid NOT NULL, parent_id uuid NOT NULL,
          PRIMARY KEY (province_code, id),
          CONSTRAINT child_parent_fkey FOREIGN KEY (province_code, parent_id) REFERENCES probe2.parent (province_code, id)
            ON UPDATE CASCADE);
        CREATE FUNCTION probe2.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
        CREATE TRIGGER parent_touch AFTER INSERT ON probe2.parent FOR EACH ROW EXECUTE FUNCTION probe2.noop();
      `);
      const map: DistributionMap = {
        parent: { kind: 'distributed', column: 'province_code' },
        child: { kind: 'distributed', column: 'province_code' },
        chain: { kind: 'distributed', column: 'chain' },
      };
      expect(checkDistribution(await readDistributionFacts(client, 'probe2'), map)).toEqual([
        'colocated distribution columns differ in type: bpchar (child.province_code, parent.province_code) vs varchar (chain.chain)',
        'foreign key child_parent_fkey child (province_code, parent_id) → parent: ON UPDATE CASCADE (Citus refuses it; ids never change)',
        'trigger parent.parent_touch is not in ALLOWED_TRIGGERS of lib/db/distribution.ts',
      ]);
    } finally {
      await client.query('DROP SCHEMA probe2 CASCADE');
    }
  });

  it('notices an exemption whose unique key is gone', async () => {
    const facts = await readDistributionFacts(client);
    const map: DistributionMap = {
      ...DISTRIBUTION,
      session: { kind: 'distributed-by-own-key', column: 'id', exemptUniqueKeys: { session_token_key: 'no such key' } },
    };
    expect(staleExemptions(facts, map)).toEqual(['session.session_token_key']);
  });
});

const DISTRIBUTION_MIGRATION = '20261127070000_distribution_keys';
const CASE_ID = '00000000-0000-4000-8000-00000000000a';
const FIRST_ID = '00000000-0000-4000-8000-00000000000b';
const SECOND_ID = '00000000-0000-4000-8000-00000000000c';
const ORDER_ID = '00000000-0000-4000-8000-00000000000d';

/** A case filed in Anhui and moved to Henan before the migration, with rows that still say Anhui (as a crash could leave them). */
const EXISTING_ROWS = `
  INSERT INTO reason_catalogue_version (id, version, note) VALUES (900, 900, 'probe');
  INSERT INTO app_user (id, role, display_name, updated_at) VALUES
    ('00000000-0000-4000-8000-000000000001', 'CITIZEN', 'citizen', now()),
    ('00000000-0000-4000-8000-000000000002', 'REVIEWER', 'reviewer', now());
  INSERT INTO appeal_case (id, province_code, reference, type, state, citizen_id, colour, code_assigned_at, issuing_province_code,
      issuing_unit_code, catalogue_version_id, grounds, statement, requested_outcome, privacy_notice_version, prima_facie_overreach,
      filed_at, due_at, allowed_ms, deadline_inputs, deadline_explanation, at_risk_at, idempotency_key, payload_hash, updated_at)
    VALUES ('${CASE_ID}', '41', 'SS-34-20261127-000001', 'CODE_APPEAL', 'IN_SECOND_REVIEW', '00000000-0000-4000-8000-000000000001', 'RED',
      now(), '34', '340100', 900, 'NEVER_AT_PLACE', 'statement', 'REVOKE', '2026-01', false, now(), now(), 0, '{}', 'x', now(),
      'key-1', 'hash-1', now());
  INSERT INTO evidence (id, case_id, province_code, kind, file_name, mime_type, size_bytes, sha256, storage_key)
    VALUES (gen_random_uuid(), '${CASE_ID}', '34', 'FILING', 'a.png', 'image/png', 1, repeat('0', 64), 'k');
  INSERT INTO decision (id, case_id, province_code, level, outcome, rule_code, reasons, decided_by_id, decided_at, deadline_at, supersedes_id)
    VALUES ('${FIRST_ID}', '${CASE_ID}', '34', 'FIRST', 'UPHELD', 'R', 'reasons', '00000000-0000-4000-8000-000000000002', now(), now(), NULL),
           ('${SECOND_ID}', '${CASE_ID}', '41', 'SECOND', 'REVOKED', 'R', 'reasons', '00000000-0000-4000-8000-000000000002', now(), now(), '${FIRST_ID}');
  INSERT INTO notification (id, province_code, case_id, channel, template, params) VALUES (gen_random_uuid(), '34', '${CASE_ID}', 'SMS', 'CASE_FILED', '{}');
  INSERT INTO outbox_event (id, province_code, kind, case_id, payload) VALUES ('${ORDER_ID}', '34', 'CORRECTION_ORDER', '${CASE_ID}', '{}');
  INSERT INTO webhook_delivery (id, outbox_event_id, province_code, attempt, attempted_at, duration_ms, delivered)
    VALUES (gen_random_uuid(), '${ORDER_ID}', '34', 1, now(), 5, true);
`;

async function provincesOf(db: pg.Client): Promise<Record<string, string[]>> {
  const { rows } = await db.query<{ table: string; provinces: string[] }>(`
    SELECT 'evidence' AS table, array_agg(DISTINCT province_code::text) AS provinces FROM evidence WHERE case_id = '${CASE_ID}'
    UNION ALL SELECT 'decision', array_agg(DISTINCT province_code::text) FROM decision WHERE case_id = '${CASE_ID}'
    UNION ALL SELECT 'notification', array_agg(DISTINCT province_code::text) FROM notification WHERE case_id = '${CASE_ID}'
    UNION ALL SELECT 'outbox_event', array_agg(DISTINCT province_code::text) FROM outbox_event WHERE case_id = '${CASE_ID}'
    UNION ALL SELECT 'webhook_delivery', array_agg(DISTINCT province_code::text) FROM webhook_delivery WHERE outbox_event_id = '${ORDER_ID}'`);
  return Object.fromEntries(rows.map((row) => [row.table, row.provinces]));
}

describe('migration ' + DISTRIBUTION_MIGRATION, () => {
  it('runs on a database that holds cases, aligns their rows and keeps their idempotency keys; a later migration stops the cascade', async () => {
    const database = await emptyDatabase();
    const db = new pg.Client({ connectionString: database.url });
    try {
      const migrations = readMigrations();
      const at = migrations.findIndex((migration) => migration.name === DISTRIBUTION_MIGRATION);
      expect(at).toBeGreaterThan(0);
      await migrate(database.url, migrations.slice(0, at));
      await db.connect();
      await db.query(EXISTING_ROWS);
      await migrate(database.url, migrations);

      // The case's rows now carry its province; the integration rows keep the province they are addressed to.
      expect(await provincesOf(db)).toEqual({
        evidence: ['41'],
        decision: ['41'],
        notification: ['41'],
        outbox_event: ['34'],
        webhook_delivery: ['34'],
      });
      const keys = await db.query('SELECT key, case_id, province_code, payload_hash FROM filing_idempotency_key');
      expect(keys.rows).toEqual([{ key: 'key-1', case_id: CASE_ID, province_code: '41', payload_hash: 'hash-1' }]);
      expect(checkDistribution(await readDistributionFacts(db), DISTRIBUTION)).toEqual([]);

      // No key cascades updates any more (Citus refuses it on the distribution column): changing a case's province
      // in place is refused while rows follow it; a transfer moves them (lib/cases/move-case.ts).
      await expect(db.query(`UPDATE appeal_case SET province_code = '44' WHERE id = '${CASE_ID}'`)).rejects.toThrow(
        /foreign key/,
      );
      // A row of a case that names another province than the case's is refused.
      await expect(
        db.query(`INSERT INTO evidence (id, case_id, province_code, kind, file_name, mime_type, size_bytes, sha256, storage_key)
        VALUES (gen_random_uuid(), '${CASE_ID}', '44', 'REPLY', 'b.png', 'image/png', 1, repeat('0', 64), 'k2')`),
      ).rejects.toThrow(/foreign key/);
    } finally {
      await db.end().catch(() => undefined);
      await database.drop();
    }
  });
});

const CITUS_READY_MIGRATION = '20261205230000_citus_ready';

describe('migration ' + CITUS_READY_MIGRATION, () => {
  it('converts what earlier migrations add without naming it: enums, CHAR(2) province codes, cascading keys, triggers', async () => {
    const database = await emptyDatabase();
    const db = new pg.Client({ connectionString: database.url });
    try {
      const migrations = readMigrations();
      const at = migrations.findIndex((migration) => migration.name === CITUS_READY_MIGRATION);
      expect(at).toBeGreaterThan(0);
      await migrate(database.url, migrations.slice(0, at));
      await db.connect();
      // A case table as another branch would add it before this migration (the conventions of the time).
      await db.query(`
        CREATE TYPE "ProbeKind" AS ENUM ('ONE', 'TWO');
        CREATE TABLE probe_note (
          province_code CHAR(2) NOT NULL, id UUID NOT NULL, case_id UUID NOT NULL,
          kind "ProbeKind" NOT NULL DEFAULT 'ONE', kinds "ProbeKind"[] NOT NULL DEFAULT '{}',
          CONSTRAINT probe_note_pkey PRIMARY KEY (province_code, id),
          CONSTRAINT probe_note_kind_check CHECK (kind <> 'TWO'::"ProbeKind" OR case_id IS NOT NULL),
          CONSTRAINT probe_note_province_code_case_id_fkey FOREIGN KEY (province_code, case_id)
            REFERENCES appeal_case (province_code, id) ON DELETE RESTRICT ON UPDATE CASCADE);
        CREATE INDEX probe_note_one_idx ON probe_note (case_id) WHERE kind = 'ONE'::"ProbeKind";
        CREATE FUNCTION probe_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
        CREATE TRIGGER probe_note_moved AFTER UPDATE OF province_code ON probe_note
          FOR EACH ROW WHEN (OLD.province_code IS DISTINCT FROM NEW.province_code) EXECUTE FUNCTION probe_noop();
      `);
      // The case of EXISTING_ROWS alone (its other rows were misaligned on purpose for the earlier migration).
      await db.query(EXISTING_ROWS.slice(0, EXISTING_ROWS.indexOf('INSERT INTO evidence')));
      await db.query(`INSERT INTO probe_note (province_code, id, case_id, kind, kinds)
                      VALUES ('41', gen_random_uuid(), '${CASE_ID}', 'TWO', '{ONE,TWO}')`);
      await migrate(database.url, migrations);

      const types = await db.query<{ column: string; type: string }>(`
        SELECT attrelid::regclass::text || '.' || attname AS column, format_type(atttypid, atttypmod) AS type
          FROM pg_attribute WHERE attrelid = 'probe_note'::regclass AND attnum > 0 ORDER BY attnum`);
      expect(types.rows).toEqual([
        { column: 'probe_note.province_code', type: 'character varying(2)' },
        { column: 'probe_note.id', type: 'uuid' },
        { column: 'probe_note.case_id', type: 'uuid' },
        { column: 'probe_note.kind', type: '"ProbeKind"' },
        { column: 'probe_note.kinds', type: '"ProbeKind"[]' },
      ]);
      const enums = await db.query(
        "SELECT typname FROM pg_type WHERE typtype = 'e' AND typnamespace = 'public'::regnamespace",
      );
      expect(enums.rows).toEqual([]);
      const keys = await db.query<{ def: string }>(
        "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'probe_note'::regclass AND contype IN ('c', 'p', 'f') ORDER BY conname",
      );
      expect(keys.rows.map((row) => row.def)).toEqual([
        "CHECK ((((kind)::text <> 'TWO'::text) OR (case_id IS NOT NULL)))",
        'PRIMARY KEY (province_code, id)',
        'FOREIGN KEY (province_code, case_id) REFERENCES appeal_case(province_code, id) ON DELETE RESTRICT',
      ]);
      // The data, the trigger and the partial index survive; values outside the enum's are still refused.
      expect((await db.query('SELECT kind, kinds::text[] AS kinds FROM probe_note')).rows).toEqual([
        { kind: 'TWO', kinds: ['ONE', 'TWO'] },
      ]);
      expect((await db.query("SELECT 1 FROM pg_trigger WHERE tgname = 'probe_note_moved'")).rowCount).toBe(1);
      expect((await db.query("SELECT 1 FROM pg_indexes WHERE indexname = 'probe_note_one_idx'")).rowCount).toBe(1);
      await expect(db.query("UPDATE probe_note SET kind = 'THREE'")).rejects.toThrow(/ProbeKind_check/);
      // Every key of the schema is NO ACTION on update now, and the schema still passes the distribution check
      // once the probe table is classified.
      const cascading = await db.query("SELECT conname FROM pg_constraint WHERE contype = 'f' AND confupdtype <> 'a'");
      expect(cascading.rows).toEqual([]);
      await db.query('DROP TRIGGER probe_note_moved ON probe_note');
      const map: DistributionMap = { ...DISTRIBUTION, probe_note: { kind: 'distributed', column: 'province_code' } };
      expect(checkDistribution(await readDistributionFacts(db), map)).toEqual([]);
    } finally {
      await db.end().catch(() => undefined);
      await database.drop();
    }
  });
});
