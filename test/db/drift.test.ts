// Fails when prisma/schema.prisma and the migrated database disagree (Prisma's own diff engine cannot run here),
// and proves that the comparison notices drift in either direction.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '@/lib/db/migrate';
import { emptyDatabase } from '@/test/support/db';
import pg from 'pg';
import { diffSchemaAgainstDatabase, SCHEMA_PATH } from './schema-diff';

const cleanups: (() => Promise<void>)[] = [];
/** What `after` reports beyond `before`: the tests below add drift on top of whatever the real database has. */
const added = (after: string[], before: string[]) => after.filter((difference) => !before.includes(difference));
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/**
 * A fresh database with every migration applied, altered by `sql` afterwards; returns the differences `schemaText`
 * has with it that it did not have before the alteration.
 */
async function driftAfter(sql: string[], schemaText?: string): Promise<string[]> {
  const database = await emptyDatabase();
  cleanups.push(database.drop);
  await migrate(database.url);
  const before = await diffSchemaAgainstDatabase(database.url, schemaText);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
  return added(await diffSchemaAgainstDatabase(database.url, schemaText), before);
}

const schemaWith = (edit: (schema: string) => string) => edit(readFileSync(SCHEMA_PATH, 'utf8'));

it('schema.prisma matches the migrated database', async () => {
  const differences = await diffSchemaAgainstDatabase(process.env.DATABASE_OWNER_URL!);
  // On failure the list below says exactly what differs; fix the migration SQL or the schema until it is empty.
  expect(differences).toEqual([]);
});

describe('the drift check can fail', () => {
  it('reports an undeclared column and a missing index', async () => {
    const drift = await driftAfter([
      'ALTER TABLE appeal_case ADD COLUMN sneaky int',
      'DROP INDEX appeal_case_assignee_id_state_idx',
    ]);
    expect(drift).toEqual([
      'model Case (table appeal_case): column sneaky (integer) in the database has no field in the model',
      'model Case (table appeal_case): index appeal_case_assignee_id_state_idx (assignee_id, state) declared by @@index([assigneeId, state]) in model Case is missing from the database',
    ]);
  });

  it('reports changed types, nullability, defaults, enums, names, foreign keys and stray objects', async () => {
    const drift = await driftAfter([
      'ALTER TABLE evidence ALTER COLUMN sha256 TYPE varchar(64)',
      'ALTER TABLE division ALTER COLUMN name DROP NOT NULL',
      'ALTER TABLE app_user ALTER COLUMN active DROP DEFAULT',
      `ALTER TABLE outbox_event ALTER COLUMN status SET DEFAULT 'SENT'`,
      `ALTER DOMAIN "CodeColour" DROP CONSTRAINT "CodeColour_check"`,
      `ALTER DOMAIN "CodeColour" ADD CONSTRAINT "CodeColour_check" CHECK (VALUE IN ('RED', 'YELLOW', 'GREEN', 'BLUE'))`,
      'ALTER INDEX reason_catalogue_version_id_code_key RENAME TO reason_code_per_version',
      'DROP INDEX app_user_mobile_key',
      'CREATE INDEX app_user_mobile_key ON app_user (mobile)',
      'ALTER TABLE decision DROP CONSTRAINT decision_decided_by_id_fkey',
      'ALTER TABLE session DROP CONSTRAINT session_user_id_fkey',
      'ALTER TABLE session ADD CONSTRAINT session_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE ON UPDATE CASCADE',
      'CREATE INDEX session_expires_at_idx ON session (expires_at)',
      'CREATE TABLE stray (id int)',
      `CREATE TYPE "Mood" AS ENUM ('CALM')`,
    ]);
    expect(drift).toEqual([
      'enum CodeColour: database values [RED, YELLOW, GREEN, BLUE] differ from schema values [RED, YELLOW, GREEN]',
      'enum type "Mood" in the database is not declared in schema.prisma',
      'table stray in the database has no model in schema.prisma',
      'model Division (table division): column name (field name) is nullable, schema expects NOT NULL',
      'model Reason (table reason): unique index reason_code_per_version (catalogue_version_id, code) for @@unique([catalogueVersionId, code]) in model Reason is named reason_code_per_version, schema expects reason_catalogue_version_id_code_key',
      'model User (table app_user): column active (field active) has no database default, schema declares @default(true)',
      'model User (table app_user): unique index app_user_mobile_key (mobile) declared by @unique on User.mobile is missing from the database',
      'model Session (table session): foreign key session_user_id_fkey (user_id) → app_user(id) of relation field user has ON DELETE Cascade, schema expects Restrict',
      'model Session (table session): foreign key session_user_id_fkey (user_id) → app_user(id) of relation field user has ON UPDATE Cascade, schema expects NoAction',
      'model Evidence (table evidence): column sha256 (field sha256) has type character varying(64), schema expects character(64)',
      'model Decision (table decision): foreign key decision_decided_by_id_fkey (decided_by_id) → app_user(id) of relation field decidedBy is missing from the database',
      `model OutboxEvent (table outbox_event): column status (field status) has database default 'SENT'::text, schema declares @default("PENDING")`,
      'table app_user: index app_user_mobile_key (mobile) in the database is not declared in schema.prisma',
      'table session: index session_expires_at_idx (expires_at) in the database is not declared in schema.prisma',
    ]);
  });

  it('reports what the schema declares but the database lacks', async () => {
    const url = process.env.DATABASE_OWNER_URL!;
    const schema = schemaWith((text) =>
      text
        .replace('model Division {\n', 'model Division {\n  population Int?\n')
        .replace('enum CodeColour {\n', 'enum CodeColour {\n  BLUE\n')
        .concat('\nmodel Stray {\n  id Int @id\n  @@map("stray")\n}\n'),
    );
    expect(added(await diffSchemaAgainstDatabase(url, schema), await diffSchemaAgainstDatabase(url))).toEqual([
      'enum CodeColour: database values [RED, YELLOW, GREEN] differ from schema values [BLUE, RED, YELLOW, GREEN]',
      'model Division (table division): column population (field population) is missing from the database',
      'model Stray: table stray is missing from the database',
    ]);
  });

  it('compares the WHERE clauses of partial indexes (preview feature partialIndexes)', async () => {
    // schema.prisma already enables the partialIndexes preview feature.
    const schema = schemaWith((text) =>
      text.replace(
        '  @@map("appeal_case")\n',
        [
          `  @@index([filedAt], map: "appeal_case_probe_idx", where: raw("state IN ('DECIDED', 'FINAL') AND closed_at IS NULL"))`,
          '  @@index([decidedAt], map: "appeal_case_probe2_idx", where: { closedAt: null, primaFacieOverreach: true })',
          '  @@index([closedAt], map: "appeal_case_probe3_idx", where: raw("no_such_column IS NULL"))',
          '  @@map("appeal_case")\n',
        ].join('\n'),
      ),
    );
    const drift = await driftAfter(
      [
        `CREATE INDEX appeal_case_probe_idx ON appeal_case (filed_at) WHERE state IN ('DECIDED', 'FINAL') AND closed_at IS NULL`,
        'CREATE INDEX appeal_case_probe2_idx ON appeal_case (decided_at) WHERE closed_at IS NULL',
        'CREATE INDEX appeal_case_probe3_idx ON appeal_case (closed_at)',
        'DROP INDEX appeal_case_assignee_id_state_idx',
        `CREATE INDEX appeal_case_assignee_id_state_idx ON appeal_case (assignee_id, state) WHERE state <> 'CLOSED'`,
      ],
      schema,
    );
    expect(drift).toEqual([
      `model Case (table appeal_case): index appeal_case_assignee_id_state_idx (assignee_id, state) WHERE ((state)::text <> 'CLOSED'::text) for @@index([assigneeId, state]) in model Case is partial, the schema declares no WHERE clause`,
      'model Case (table appeal_case): index appeal_case_probe2_idx (decided_at) WHERE (closed_at IS NULL) for @@index([decidedAt]) in model Case should have WHERE ((closed_at IS NULL) AND (prima_facie_overreach = true))',
    ]);
    expect(await diffSchemaAgainstDatabase(process.env.DATABASE_OWNER_URL!, schema)).toContain(
      'model Case (table appeal_case): WHERE clause "no_such_column IS NULL" of @@index([closedAt]) in model Case is not valid SQL for this table: column "no_such_column" does not exist',
    );
  });
});
