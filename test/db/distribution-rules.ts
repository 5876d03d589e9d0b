// Citus's rules for distributed tables, checked against a database's catalogue (docs/scaling.md): pure checks over the
// catalogue facts read by readDistributionFacts, so the test can run them on the real schema and on a broken one.
import pg from 'pg';
import { ALLOWED_TRIGGERS, distributionColumnOf, type DistributionMap, type Placement } from '@/lib/db/distribution';
import { readForeignKeys, type ForeignKey } from './foreign-keys';

/** Tables that belong to the migration machinery, not to the data model. */
const IGNORED_TABLES = new Set(['_prisma_migrations']);

export interface UniqueKey {
  name: string;
  table: string;
  primary: boolean;
  /** Key columns in order; an expression is `(expression)`. */
  columns: string[];
}

export interface DistributionFacts {
  /** Table → its columns, whether each is NOT NULL and its type (pg_type.typname; Citus compares type oids). */
  tables: Map<string, Map<string, { notNull: boolean; type: string }>>;
  /** `table.trigger` of every user trigger. */
  triggers: string[];
  uniqueKeys: UniqueKey[];
  foreignKeys: ForeignKey[];
}

/** Reads tables, primary and unique keys (constraints or unique indexes, partial ones included) and foreign keys. */
export async function readDistributionFacts(client: pg.Client, schema = 'public'): Promise<DistributionFacts> {
  const columns = await client.query<{
    table: string;
    column: string | null;
    not_null: boolean | null;
    type: string | null;
  }>(
    `SELECT c.relname::text AS table, a.attname::text AS column, a.attnotnull AS not_null, t.typname::text AS type
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_type t ON t.oid = a.atttypid
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
    [schema],
  );
  const tables = new Map<string, Map<string, { notNull: boolean; type: string }>>();
  for (const row of columns.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    const table = tables.get(row.table) ?? new Map<string, { notNull: boolean; type: string }>();
    tables.set(row.table, table);
    if (row.column !== null) table.set(row.column, { notNull: row.not_null === true, type: row.type ?? '' });
  }
  const triggers = await client.query<{ name: string }>(
    `SELECT c.relname || '.' || tg.tgname AS name
       FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND NOT tg.tgisinternal ORDER BY 1`,
    [schema],
  );
  const uniqueKeys = await client.query<{ name: string; table: string; primary: boolean; columns: (string | null)[] }>(
    `SELECT i.relname::text AS name, t.relname::text AS table, ix.indisprimary AS primary,
            ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
                   WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND ix.indisunique
      ORDER BY t.relname, i.relname`,
    [schema],
  );
  const foreignKeys = await readForeignKeys(client, schema);
  return {
    tables,
    uniqueKeys: uniqueKeys.rows
      .filter((row) => !IGNORED_TABLES.has(row.table))
      .map((row) => ({ ...row, columns: row.columns.map((column) => column ?? '(expression)') })),
    foreignKeys,
    triggers: triggers.rows.map((row) => row.name),
  };
}

const describe = (placement: Placement): string =>
  placement.kind === 'reference' ? 'a reference table' : `distributed by ${placement.column}`;

/**
 * Every way the database breaks the placements of `map`, one sentence each; empty when Citus could distribute it as
 * classified:
 * - every table is classified, and every classified table exists;
 * - a distributed table has its distribution column, NOT NULL, in its primary key and in every unique key;
 * - a foreign key between two tables distributed by a province code (province_code or chain) has the distribution
 *   column on both sides at the same position (colocated); a reference table references only reference tables; a
 *   table distributed by its own key is referenced by no case table other than through app_user (those foreign keys
 *   become application checks on the move, docs/scaling.md) and references no case table;
 * - every table distributed by a province code has the same distribution column type (Citus colocates only equal
 *   types: the audit chain's VARCHAR with the cases' province code);
 * - no foreign key cascades or nulls on update, nor nulls or defaults on delete through a distribution column;
 * - a distributed or reference table carries only the triggers ALLOWED_TRIGGERS lists.
 */
export function checkDistribution(facts: DistributionFacts, map: DistributionMap): string[] {
  const violations: string[] = [];
  for (const table of [...facts.tables.keys()].sort()) {
    if (!(table in map)) violations.push(`table ${table} is not classified in lib/db/distribution.ts`);
  }
  for (const table of Object.keys(map).sort()) {
    if (!facts.tables.has(table))
      violations.push(`table ${table} is classified in lib/db/distribution.ts but does not exist`);
  }

  for (const [table, columns] of [...facts.tables].sort(([a], [b]) => a.localeCompare(b))) {
    const placement = map[table];
    const column = placement ? distributionColumnOf(placement) : null;
    if (!placement || column === null) continue;
    const info = columns.get(column);
    if (!info) {
      violations.push(`table ${table} is ${describe(placement)}, but has no column ${column}`);
      continue;
    }
    if (!info.notNull) violations.push(`table ${table}: distribution column ${column} is nullable`);
    const exempt = placement.kind === 'distributed-by-own-key' ? (placement.exemptUniqueKeys ?? {}) : {};
    const keys = facts.uniqueKeys.filter((key) => key.table === table);
    if (!keys.some((key) => key.primary)) violations.push(`table ${table} has no primary key`);
    for (const key of keys) {
      if (key.columns.includes(column) || key.name in exempt) continue;
      const what = key.primary ? 'primary key' : 'unique key';
      violations.push(
        `table ${table}: ${what} ${key.name} (${key.columns.join(', ')}) does not include the distribution column ${column}`,
      );
    }
  }

  for (const fk of facts.foreignKeys) {
    const from = map[fk.table];
    const to = map[fk.referencedTable];
    if (!from || !to) continue;
    const what = `foreign key ${fk.name} ${fk.table} (${fk.columns.join(', ')}) → ${fk.referencedTable} (${fk.referencedColumns.join(', ')})`;
    if (from.kind === 'reference') {
      if (to.kind !== 'reference')
        violations.push(`${what}: a reference table may reference only reference tables, not one ${describe(to)}`);
    } else if (from.kind === 'distributed' && to.kind === 'distributed') {
      const colocated = fk.columns.some((column, i) => column === from.column && fk.referencedColumns[i] === to.column);
      if (!colocated) {
        violations.push(
          `${what}: not colocated, ${from.column} and ${to.column} must be at the same position on both sides`,
        );
      }
    } else if (from.kind === 'distributed-by-own-key' && to.kind === 'distributed') {
      violations.push(`${what}: a table distributed by its own key cannot reference case data ${describe(to)}`);
    } else if (to.kind === 'distributed-by-own-key' && fk.referencedTable !== 'app_user') {
      violations.push(
        `${what}: only foreign keys to app_user are planned to become application checks (docs/scaling.md)`,
      );
    }
  }
  const colocatedTypes = new Map<string, string[]>();
  for (const [table, placement] of Object.entries(map)) {
    if (placement.kind !== 'distributed') continue;
    const type = facts.tables.get(table)?.get(placement.column)?.type;
    if (type) colocatedTypes.set(type, [...(colocatedTypes.get(type) ?? []), `${table}.${placement.column}`]);
  }
  if (colocatedTypes.size > 1) {
    const described = [...colocatedTypes].map(([type, columns]) => `${type} (${columns.sort().join(', ')})`);
    violations.push(`colocated distribution columns differ in type: ${described.sort().join(' vs ')}`);
  }

  const ACTION: Record<string, string> = { c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
  for (const fk of facts.foreignKeys) {
    const from = map[fk.table];
    if (!from) continue;
    const what = `foreign key ${fk.name} ${fk.table} (${fk.columns.join(', ')}) → ${fk.referencedTable}`;
    if (fk.onUpdate in ACTION)
      violations.push(`${what}: ON UPDATE ${ACTION[fk.onUpdate]} (Citus refuses it; ids never change)`);
    const column = distributionColumnOf(from);
    if ((fk.onDelete === 'n' || fk.onDelete === 'd') && column !== null && fk.columns.includes(column))
      violations.push(`${what}: ON DELETE ${ACTION[fk.onDelete]} through the distribution column ${column}`);
  }

  for (const trigger of facts.triggers) {
    const table = trigger.split('.')[0]!;
    if (map[table] && !(trigger in ALLOWED_TRIGGERS))
      violations.push(`trigger ${trigger} is not in ALLOWED_TRIGGERS of lib/db/distribution.ts`);
  }
  return violations;
}

/** Unique keys listed as exempt that no longer exist: the exemption must go with them. */
export function staleExemptions(facts: DistributionFacts, map: DistributionMap): string[] {
  const stale: string[] = [];
  for (const [table, placement] of Object.entries(map)) {
    if (placement.kind !== 'distributed-by-own-key') continue;
    for (const name of Object.keys(placement.exemptUniqueKeys ?? {})) {
      if (!facts.uniqueKeys.some((key) => key.table === table && key.name === name)) stale.push(`${table}.${name}`);
    }
  }
  return stale;
}
