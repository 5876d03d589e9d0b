// The migration runner (lib/db/migrate.ts): applies prisma/migrations once, records them as Prisma does,
// refuses edited migrations, leaves nothing behind when a migration fails, and tolerates concurrent runners.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations, type Migration } from '@/lib/db/migrate';
import { emptyDatabase } from '@/test/support/db';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

/** Migration folders and the sha256 of each migration.sql, computed here independently of the runner. */
const files = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => ({
    name,
    checksum: createHash('sha256')
      .update(readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql')))
      .digest('hex'),
  }));
const names = files.map((file) => file.name);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function freshDatabase(): Promise<string> {
  const database = await emptyDatabase();
  cleanups.push(database.drop);
  return database.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Everything a migration run could change: its records, and the shape of the public schema. */
async function snapshot(url: string): Promise<unknown> {
  return {
    migrations: await query(url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name'),
    tables: await query(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`),
    columns: await query(
      url,
      `SELECT table_name, column_name, data_type, is_nullable, column_default
                                 FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
    ),
    indexes: await query(url, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
    triggers: await query(url, 'SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1'),
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const extra = (name: string, sql: string): Migration => ({ name, sql, checksum: sha256(sql) });

describe('migrate', () => {
  it('finds every migration folder', () => {
    expect(readMigrations().map((m) => m.name)).toEqual(names);
    expect(names.length).toBeGreaterThan(0);
  });

  it('applies all migrations to an empty database and records them in Prisma’s _prisma_migrations', async () => {
    const url = await freshDatabase();
    const result = await migrate(url);
    expect(result).toEqual({ applied: names, alreadyApplied: [] });

    const columns = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
                                        FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', length: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', length: 64, is_nullable: 'NO', column_default: null },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        length: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      { column_name: 'logs', data_type: 'text', length: null, is_nullable: 'YES', column_default: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        length: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        length: null,
        is_nullable: 'NO',
        column_default: '0',
      },
    ]);

    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(files);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ tablename: string }>(
      url,
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(['appeal_case', 'audit_event', '_prisma_migrations']),
    );
  });

  it('applies nothing and changes nothing when run again', async () => {
    const url = await freshDatabase();
    await migrate(url);
    const before = await snapshot(url);
    expect(await migrate(url)).toEqual({ applied: [], alreadyApplied: names });
    expect(await snapshot(url)).toEqual(before);
  });

  it('refuses a migration file that changed after it was applied', async () => {
    const url = await freshDatabase();
    await migrate(url);
    const before = await snapshot(url);
    const edited = readMigrations().map((m, i) => (i === 0 ? extra(m.name, `${m.sql}\n-- edited afterwards\n`) : m));
    await expect(migrate(url, edited)).rejects.toThrow(
      `Migration ${names[0]} was changed after it was applied (checksum mismatch).`,
    );
    expect(await snapshot(url)).toEqual(before);
  });

  it('leaves no record and no partial change when a migration fails', async () => {
    const url = await freshDatabase();
    await migrate(url);
    const before = await snapshot(url);
    const bad = extra(
      '29990101000000_bad',
      'CREATE TABLE half_done (id int);\nALTER TABLE appeal_case ADD COLUMN half int;\nINSERT INTO no_such_table VALUES (1);',
    );
    const after = extra('29990101000100_after_bad', 'CREATE TABLE never_reached (id int);');
    await expect(migrate(url, [...readMigrations(), bad, after])).rejects.toThrow(
      /^Migration 29990101000000_bad failed: relation "no_such_table" does not exist$/,
    );
    expect(await snapshot(url)).toEqual(before);
  });

  it('keeps the migrations that succeeded before a failing one, each in its own transaction', async () => {
    const url = await freshDatabase();
    const good = extra('29990101000000_good', 'CREATE TABLE good_one (id int);');
    const bad = extra('29990101000100_bad', 'CREATE TABLE half_done (id int); SELECT 1/0;');
    await expect(migrate(url, [...readMigrations(), good, bad])).rejects.toThrow(
      /29990101000100_bad failed: division by zero/,
    );
    const recorded = await query<{ migration_name: string }>(
      url,
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(recorded.map((r) => r.migration_name)).toEqual([...names, good.name]);
    const tables = await query<{ tablename: string }>(
      url,
      `SELECT tablename FROM pg_tables WHERE tablename IN ('good_one', 'half_done')`,
    );
    expect(tables).toEqual([{ tablename: 'good_one' }]);
  });

  it('lets two concurrent runners on one empty database both succeed, applying each migration once', async () => {
    const url = await freshDatabase();
    const [first, second] = await Promise.all([migrate(url), migrate(url)]);
    expect([...first.applied, ...second.applied].sort()).toEqual(names);
    // The advisory lock makes one runner wait for the other, which then finds everything applied.
    expect([first.alreadyApplied, second.alreadyApplied]).toContainEqual(names);
    const recorded = await query<{ migration_name: string; count: string }>(
      url,
      'SELECT migration_name, count(*) FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name',
    );
    expect(recorded).toEqual(names.map((name) => ({ migration_name: name, count: '1' })));
  });
});
