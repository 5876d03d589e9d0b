// Compares prisma/schema.prisma (its DMMF) with a live PostgreSQL database and lists every difference in words.
// Prisma's own `migrate diff` needs a native engine that cannot be downloaded here, so the drift test uses this.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDMMF } from '@prisma/internals';
import pg from 'pg';
import { readForeignKeys } from './foreign-keys';

type Document = Awaited<ReturnType<typeof getDMMF>>;
type Datamodel = Document['datamodel'];
type Model = Datamodel['models'][number];
type Field = Model['fields'][number];
type Index = Datamodel['indexes'][number];

export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');

/** Tables that belong to the migration machinery, not to the data model. */
const IGNORED_TABLES = new Set(['_prisma_migrations']);
/** PostgreSQL's identifier limit; Prisma shortens generated constraint names to fit it. */
const MAX_IDENTIFIER_LENGTH = 63;
/** Defaults that Prisma Client generates itself; the column has no database default. */
const CLIENT_SIDE_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

// ───────────────────────────── what the database has

interface DbColumn {
  name: string;
  /** `format_type` output with identifier quotes removed, e.g. `character(6)`, `timestamp(3) with time zone`, `CaseState[]`. */
  type: string;
  notNull: boolean;
  defaultExpr: string | null;
}

interface DbIndex {
  name: string;
  table: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
  method: string;
  descending: boolean[];
  /** `WHERE` clause of a partial index, as PostgreSQL prints it. */
  predicate: string | null;
  /** Indexes on expressions cannot come from the Prisma schema. */
  hasExpressions: boolean;
}

interface DbForeignKey {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface DatabaseShape {
  tables: Map<string, Map<string, DbColumn>>;
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
  enums: Map<string, string[]>;
}

const FK_ACTIONS: Record<string, string> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

export async function readDatabaseShape(client: pg.Client, schema = 'public'): Promise<DatabaseShape> {
  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    not_null: boolean;
    default_expr: string | null;
  }>(
    `SELECT c.relname::text AS table, a.attname::text AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const tables = new Map<string, Map<string, DbColumn>>();
  for (const row of columns.rows) {
    const table = tables.get(row.table) ?? new Map<string, DbColumn>();
    tables.set(row.table, table);
    if (row.column === null) continue;
    table.set(row.column, {
      name: row.column,
      type: row.type.replaceAll('"', ''),
      notNull: row.not_null,
      defaultExpr: row.default_expr,
    });
  }

  const indexes = await client.query<{
    name: string;
    table: string;
    columns: (string | null)[];
    unique: boolean;
    primary: boolean;
    method: string;
    options: number[];
    predicate: string | null;
    has_expressions: boolean;
  }>(
    `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary, am.amname AS method,
            ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord) AS columns,
            ix.indoption::int2[] AS options,
            pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
            ix.indexprs IS NOT NULL AS has_expressions
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = $1
      ORDER BY t.relname, i.relname`,
    [schema],
  );

  const foreignKeys = await readForeignKeys(client, schema);

  // Prisma enums are stored as domains over text with a CHECK on their values (migration 20261205230000_citus_ready:
  // Citus refuses the enum-to-text cast Prisma puts in RETURNING); a real enum type still counts as one.
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1
      GROUP BY t.typname
     UNION ALL
     SELECT t.typname, ARRAY(SELECT m[1] FROM regexp_matches(pg_get_constraintdef(c.oid), '''([^'']*)''::text', 'g') AS m)
       FROM pg_type t
       JOIN pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_constraint c ON c.contypid = t.oid AND c.contype = 'c' AND c.conname = t.typname || '_check'
      WHERE n.nspname = $1 AND t.typtype = 'd' AND t.typbasetype = 'text'::regtype`,
    [schema],
  );

  return {
    tables,
    indexes: indexes.rows.map((row) => ({
      name: row.name,
      table: row.table,
      columns: row.columns.map((column) => column ?? '(expression)'),
      unique: row.unique,
      primary: row.primary,
      method: row.method,
      // indoption bit 0 is DESC.
      descending: row.options.map((option) => (option & 1) === 1),
      predicate: row.predicate,
      hasExpressions: row.has_expressions,
    })),
    foreignKeys: foreignKeys.map((fk) => ({
      ...fk,
      onDelete: FK_ACTIONS[fk.onDelete] ?? fk.onDelete,
      onUpdate: FK_ACTIONS[fk.onUpdate] ?? fk.onUpdate,
    })),
    enums: new Map(enums.rows.map((row) => [row.name, row.labels])),
  };
}

// ───────────────────────────── what the Prisma schema expects

export async function readDatamodel(schemaText = readFileSync(SCHEMA_PATH, 'utf8')): Promise<Datamodel> {
  const dmmf = await getDMMF({ datamodel: schemaText });
  return dmmf.datamodel;
}

const tableOf = (model: Model): string => model.dbName ?? model.name;
const columnOf = (field: Field): string => field.dbName ?? field.name;
const list = (names: readonly string[]): string => names.join(', ');

/** The PostgreSQL type (as `format_type` prints it, unquoted) that Prisma creates for a scalar or enum field. */
export function expectedColumnType(field: Field, enumDbNames: Map<string, string>): string {
  const base = field.kind === 'enum' ? (enumDbNames.get(field.type) ?? field.type) : scalarType(field);
  return field.isList ? `${base}[]` : base;
}

function scalarType(field: Field): string {
  const [native, args = []] = field.nativeType ?? [undefined, []];
  const withArgs = (name: string) => (args.length > 0 ? `${name}(${args.join(',')})` : name);
  const precision = (name: string, zone: string) =>
    args.length > 0 ? `${name}(${args[0]}) ${zone}` : `${name} ${zone}`;
  if (native) {
    switch (native) {
      case 'Text':
        return 'text';
      case 'VarChar':
        return withArgs('character varying');
      case 'Char':
        return withArgs('character');
      case 'Uuid':
        return 'uuid';
      case 'Xml':
        return 'xml';
      case 'Inet':
        return 'inet';
      case 'Citext':
        return 'citext';
      case 'Bit':
        return withArgs('bit');
      case 'VarBit':
        return withArgs('bit varying');
      case 'Integer':
        return 'integer';
      case 'SmallInt':
        return 'smallint';
      case 'Oid':
        return 'oid';
      case 'BigInt':
        return 'bigint';
      case 'Real':
        return 'real';
      case 'DoublePrecision':
        return 'double precision';
      case 'Decimal':
        return withArgs('numeric');
      case 'Money':
        return 'money';
      case 'Boolean':
        return 'boolean';
      case 'Timestamp':
        return precision('timestamp', 'without time zone');
      case 'Timestamptz':
        return precision('timestamp', 'with time zone');
      case 'Date':
        return 'date';
      case 'Time':
        return precision('time', 'without time zone');
      case 'Timetz':
        return precision('time', 'with time zone');
      case 'Json':
        return 'json';
      case 'JsonB':
        return 'jsonb';
      case 'ByteA':
        return 'bytea';
      default:
        return `unsupported native type @db.${native}`;
    }
  }
  switch (field.type) {
    case 'String':
      return 'text';
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Float':
      return 'double precision';
    case 'Decimal':
      return 'numeric(65,30)';
    case 'Boolean':
      return 'boolean';
    case 'DateTime':
      return 'timestamp(3) without time zone';
    case 'Json':
      return 'jsonb';
    case 'Bytes':
      return 'bytea';
    default:
      return `unsupported scalar type ${field.type}`;
  }
}

type DefaultExpectation =
  | { kind: 'none' }
  | { kind: 'any'; describe: string }
  | { kind: 'match'; describe: string; test: (expr: string) => boolean };

/** Strips casts and quoting from a `pg_get_expr` default: `'PENDING'::"DeliveryStatus"` → `PENDING`, `(-1)` → `-1`. */
function literalOf(expr: string): string {
  let value = expr.trim();
  for (;;) {
    const stripped = value
      .replace(/::[\w" ]+(\(\d+(,\d+)?\))?(\[\])?$/, '')
      .replace(/^\((.*)\)$/, '$1')
      .trim();
    if (stripped === value) break;
    value = stripped;
  }
  return value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1).replaceAll("''", "'") : value;
}

function expectedDefault(field: Field): DefaultExpectation {
  if (!field.hasDefaultValue || field.isUpdatedAt) return { kind: 'none' };
  const value = field.default;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const fn = value as { name: string; args: readonly (string | number)[] };
    if (CLIENT_SIDE_DEFAULTS.has(fn.name)) return { kind: 'none' };
    if (fn.name === 'now')
      return {
        kind: 'match',
        describe: 'CURRENT_TIMESTAMP',
        test: (expr) => /^(CURRENT_TIMESTAMP|now\(\))$/i.test(expr),
      };
    if (fn.name === 'autoincrement')
      return { kind: 'match', describe: 'nextval(…) (autoincrement)', test: (expr) => expr.startsWith('nextval(') };
    if (fn.name === 'dbgenerated' && fn.args.length > 0) {
      const wanted = String(fn.args[0]);
      return {
        kind: 'match',
        describe: wanted,
        test: (expr) => expr === wanted || literalOf(expr) === literalOf(wanted),
      };
    }
    return { kind: 'any', describe: `${fn.name}()` };
  }
  if (Array.isArray(value)) return { kind: 'any', describe: JSON.stringify(value) };
  const wanted = String(value);
  return { kind: 'match', describe: JSON.stringify(value), test: (expr) => literalOf(expr) === wanted };
}

/** Prisma's default constraint names, shortened the way Prisma shortens them past PostgreSQL's limit. */
function defaultConstraintName(
  table: string,
  columns: readonly string[],
  suffix: '_pkey' | '_key' | '_idx' | '_fkey',
): string {
  const base = suffix === '_pkey' ? table : `${table}_${columns.join('_')}`;
  const full = `${base}${suffix}`;
  return full.length <= MAX_IDENTIFIER_LENGTH
    ? full
    : `${base.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length)}${suffix}`;
}

function nameMatches(actual: string, expected: string, explicit: boolean): boolean {
  if (actual === expected) return true;
  // Prisma's exact shortening of over-long generated names is an engine detail; accept any shortening of the same stem.
  if (explicit || expected.length < MAX_IDENTIFIER_LENGTH - 1) return false;
  const suffix = expected.slice(expected.lastIndexOf('_'));
  return actual.endsWith(suffix) && expected.startsWith(actual.slice(0, -suffix.length));
}

const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function describeIndex(index: DbIndex): string {
  const columns = index.columns.map((column, i) => (index.descending[i] ? `${column} DESC` : column));
  const kind = index.primary ? 'primary key' : index.unique ? 'unique index' : 'index';
  const extra = [
    index.method !== 'btree' ? `USING ${index.method}` : '',
    index.hasExpressions ? 'on expressions' : '',
    index.predicate ? `WHERE ${index.predicate}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${kind} ${index.name} (${list(columns)})${extra ? ` ${extra}` : ''}`;
}

function prismaIndexSource(index: Index, model: Model): string {
  const fields = list(index.fields.map((f) => f.name));
  if (index.type === 'id')
    return index.isDefinedOnField ? `@id on ${model.name}.${fields}` : `@@id([${fields}]) in model ${model.name}`;
  if (index.type === 'unique')
    return index.isDefinedOnField
      ? `@unique on ${model.name}.${fields}`
      : `@@unique([${fields}]) in model ${model.name}`;
  return `@@index([${fields}]) in model ${model.name}`;
}

// ───────────────────────────── partial indexes

/**
 * A `where:` clause of an @@index or @@unique (Prisma's `partialIndexes` preview feature). The DMMF leaves it out,
 * so it is read from the schema text; PostgreSQL then prints it in its canonical form for the comparison.
 */
export interface PartialIndexDeclaration {
  model: string;
  fields: string[];
  map: string | null;
  /** `raw("…")` as written, or the object form `{ field: null, other: { not: null }, state: "DECIDED" }`. */
  clause: { raw: string } | { object: [field: string, negated: boolean, literal: string][] };
}

/** The WHERE clause expected of a declared index: PostgreSQL's own rendering, or why it could not be rendered. */
export type ExpectedPredicates = Map<Index, { predicate: string } | { sql: string; error: string }>;

const LITERAL = String.raw`null|true|false|-?\d+(?:\.\d+)?|"(?:[^"\\]|\\.)*"`;

export function readPartialIndexDeclarations(schemaText: string): PartialIndexDeclaration[] {
  const declarations: PartialIndexDeclaration[] = [];
  for (const [, model = '', body = ''] of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const line of body.split('\n')) {
      const attribute = line.trim();
      const fieldList = /^@@(?:index|unique)\(\s*(?:fields:\s*)?\[([^\]]*)\]/.exec(attribute)?.[1];
      if (fieldList === undefined || !/\bwhere\s*:/.test(attribute)) continue;
      const fields = [...fieldList.matchAll(/(\w+)\s*(?:\([^)]*\))?/g)].map((m) => m[1] ?? '');
      const map = /\bmap:\s*("(?:[^"\\]|\\.)*")/.exec(attribute)?.[1];
      const raw = /\bwhere:\s*raw\(\s*("(?:[^"\\]|\\.)*")\s*\)/.exec(attribute)?.[1];
      const object = /\bwhere:\s*\{((?:[^{}]|\{[^{}]*\})*)\}/.exec(attribute)?.[1];
      const entries = [
        ...(object ?? '').matchAll(
          new RegExp(String.raw`(\w+)\s*:\s*(?:\{\s*not\s*:\s*(${LITERAL})\s*\}|(${LITERAL}))`, 'g'),
        ),
      ].map((m): [string, boolean, string] => [m[1] ?? '', m[2] !== undefined, m[2] ?? m[3] ?? 'null']);
      declarations.push({
        model,
        fields,
        map: map ? (JSON.parse(map) as string) : null,
        clause: raw ? { raw: JSON.parse(raw) as string } : { object: entries },
      });
    }
  }
  return declarations;
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** SQL of a declared clause; the object form as Prisma means it (`null` → IS NULL, a value → equality, all ANDed). */
function clauseSql(declaration: PartialIndexDeclaration, columnOfField: (field: string) => string): string {
  if ('raw' in declaration.clause) return declaration.clause.raw;
  return declaration.clause.object
    .map(([field, negated, literal]) => {
      const column = quoteIdent(columnOfField(field));
      if (literal === 'null') return `${column} IS ${negated ? 'NOT ' : ''}NULL`;
      const value = literal.startsWith('"') ? `'${(JSON.parse(literal) as string).replaceAll("'", "''")}'` : literal;
      return `${column} ${negated ? '<>' : '='} ${value}`;
    })
    .join(' AND ');
}

/**
 * Lets PostgreSQL render each declared clause the way it renders the real index's: a throw-away index is created
 * inside a transaction that is always rolled back, and `pg_get_expr` reads its predicate.
 */
export async function expectedPredicates(
  client: pg.Client,
  datamodel: Datamodel,
  declarations: PartialIndexDeclaration[],
  schema = 'public',
): Promise<ExpectedPredicates> {
  const expected: ExpectedPredicates = new Map();
  if (declarations.length === 0) return expected;
  await client.query('BEGIN');
  try {
    for (const [i, declaration] of declarations.entries()) {
      const model = datamodel.models.find((m) => m.name === declaration.model);
      const index = datamodel.indexes.find(
        (candidate) =>
          candidate.model === declaration.model &&
          (candidate.type === 'normal' || candidate.type === 'unique') &&
          sameList(
            candidate.fields.map((f) => f.name),
            declaration.fields,
          ) &&
          (declaration.map === null || candidate.dbName === declaration.map),
      );
      if (!model || !index) continue;
      const columnOfField = (name: string) => {
        const field = model.fields.find((f) => f.name === name);
        return field ? columnOf(field) : name;
      };
      const sql = clauseSql(declaration, columnOfField);
      const probe = `schema_diff_probe_${i}`;
      await client.query('SAVEPOINT probe');
      try {
        await client.query(
          `CREATE INDEX ${quoteIdent(probe)} ON ${quoteIdent(schema)}.${quoteIdent(tableOf(model))} (${declaration.fields.map((f) => quoteIdent(columnOfField(f))).join(', ')}) WHERE ${sql}`,
        );
        const { rows } = await client.query<{ predicate: string }>(
          `SELECT pg_get_expr(ix.indpred, ix.indrelid) AS predicate FROM pg_index ix WHERE ix.indexrelid = $1::regclass`,
          [`${quoteIdent(schema)}.${quoteIdent(probe)}`],
        );
        expected.set(index, { predicate: rows[0]?.predicate ?? sql });
        await client.query('RELEASE SAVEPOINT probe');
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT probe');
        expected.set(index, { sql, error: (error as Error).message });
      }
    }
  } finally {
    await client.query('ROLLBACK');
  }
  return expected;
}

// ───────────────────────────── the comparison

/** Every difference between the Prisma data model and the database, one sentence each; empty when they agree. */
export function compareSchema(
  datamodel: Datamodel,
  database: DatabaseShape,
  predicates: ExpectedPredicates = new Map(),
): string[] {
  const differences: string[] = [];
  const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const modelsByName = new Map(datamodel.models.map((model) => [model.name, model]));
  const modelTables = new Set(datamodel.models.map(tableOf));

  // Enums, both ways.
  for (const prismaEnum of datamodel.enums) {
    const name = prismaEnum.dbName ?? prismaEnum.name;
    const expected = prismaEnum.values.map((v) => v.dbName ?? v.name);
    const actual = database.enums.get(name);
    if (!actual) differences.push(`enum ${prismaEnum.name}: type "${name}" is missing from the database`);
    else if (!sameList(actual, expected)) {
      differences.push(
        `enum ${prismaEnum.name}: database values [${list(actual)}] differ from schema values [${list(expected)}]`,
      );
    }
  }
  const prismaEnumNames = new Set(enumDbNames.values());
  for (const name of database.enums.keys()) {
    if (!prismaEnumNames.has(name))
      differences.push(`enum type "${name}" in the database is not declared in schema.prisma`);
  }

  // Tables the schema does not know.
  for (const table of database.tables.keys()) {
    if (!IGNORED_TABLES.has(table) && !modelTables.has(table))
      differences.push(`table ${table} in the database has no model in schema.prisma`);
  }

  const claimedIndexes = new Set<DbIndex>();
  const claimedForeignKeys = new Set<DbForeignKey>();

  for (const model of datamodel.models) {
    const table = tableOf(model);
    const columns = database.tables.get(table);
    if (!columns) {
      differences.push(`model ${model.name}: table ${table} is missing from the database`);
      continue;
    }
    const where = `model ${model.name} (table ${table})`;
    const fieldColumns = new Map(model.fields.filter((f) => f.kind !== 'object').map((f) => [f.name, columnOf(f)]));

    // Columns, both ways.
    for (const field of model.fields) {
      if (field.kind !== 'scalar' && field.kind !== 'enum') continue;
      const column = columns.get(columnOf(field));
      const what = `${where}: column ${columnOf(field)} (field ${field.name})`;
      if (!column) {
        differences.push(`${what} is missing from the database`);
        continue;
      }
      const type = expectedColumnType(field, enumDbNames);
      if (column.type !== type) differences.push(`${what} has type ${column.type}, schema expects ${type}`);
      // Prisma creates scalar list columns without NOT NULL.
      const notNull = field.isRequired && !field.isList;
      if (column.notNull !== notNull) {
        differences.push(
          `${what} is ${column.notNull ? 'NOT NULL' : 'nullable'}, schema expects ${notNull ? 'NOT NULL' : 'nullable'}`,
        );
      }
      const wanted = expectedDefault(field);
      if (wanted.kind === 'none' && column.defaultExpr !== null) {
        differences.push(`${what} has database default ${column.defaultExpr}, schema declares none`);
      } else if (wanted.kind !== 'none' && column.defaultExpr === null) {
        differences.push(`${what} has no database default, schema declares @default(${wanted.describe})`);
      } else if (wanted.kind === 'match' && column.defaultExpr !== null && !wanted.test(column.defaultExpr)) {
        differences.push(
          `${what} has database default ${column.defaultExpr}, schema declares @default(${wanted.describe})`,
        );
      }
    }
    const declaredColumns = new Set(fieldColumns.values());
    for (const column of columns.values()) {
      if (!declaredColumns.has(column.name)) {
        differences.push(`${where}: column ${column.name} (${column.type}) in the database has no field in the model`);
      }
    }

    // Primary key, unique and plain indexes: first those that match exactly (columns, uniqueness, WHERE clause),
    // then those that differ only in their WHERE clause, so each difference is reported once.
    const tableIndexes = database.indexes.filter((index) => index.table === table);
    const declared = datamodel.indexes.filter((index) => index.model === model.name && index.type !== 'fulltext');
    if (!declared.some((index) => index.type === 'id')) differences.push(`${where}: schema declares no @id or @@id`);
    const expectations = declared.map((index) => {
      const columns = index.fields.map((f) => fieldColumns.get(f.name) ?? f.name);
      const primary = index.type === 'id';
      const unique = index.type !== 'normal';
      const suffix = primary ? '_pkey' : unique ? '_key' : '_idx';
      const clause = predicates.get(index);
      if (clause && 'error' in clause) {
        differences.push(
          `${where}: WHERE clause ${JSON.stringify(clause.sql)} of ${prismaIndexSource(index, model)} is not valid SQL for this table: ${clause.error}`,
        );
      }
      return {
        index,
        columns,
        primary,
        unique,
        kind: primary ? 'primary key' : unique ? 'unique index' : 'index',
        name: index.dbName ?? defaultConstraintName(table, columns, suffix),
        explicitName: Boolean(index.dbName),
        source: prismaIndexSource(index, model),
        /** undefined: the clause could not be checked, so any clause is accepted. */
        predicate: clause === undefined ? null : 'predicate' in clause ? clause.predicate : undefined,
        match: undefined as DbIndex | undefined,
      };
    });
    for (const exactOnly of [true, false]) {
      for (const wanted of expectations) {
        if (wanted.match) continue;
        const candidates = tableIndexes.filter(
          (actual) =>
            !claimedIndexes.has(actual) &&
            actual.primary === wanted.primary &&
            actual.unique === wanted.unique &&
            sameList(actual.columns, wanted.columns) &&
            (!exactOnly || wanted.predicate === undefined || actual.predicate === wanted.predicate),
        );
        wanted.match =
          candidates.find((actual) => nameMatches(actual.name, wanted.name, wanted.explicitName)) ?? candidates[0];
        if (wanted.match) claimedIndexes.add(wanted.match);
      }
    }
    for (const wanted of expectations) {
      const { index, match, source } = wanted;
      if (!match) {
        const clause = wanted.predicate ? ` WHERE ${wanted.predicate}` : '';
        differences.push(
          `${where}: ${wanted.kind} ${wanted.name} (${list(wanted.columns)})${clause} declared by ${source} is missing from the database`,
        );
        continue;
      }
      if (!nameMatches(match.name, wanted.name, wanted.explicitName)) {
        differences.push(
          `${where}: ${describeIndex(match)} for ${source} is named ${match.name}, schema expects ${wanted.name}`,
        );
      }
      if (wanted.predicate !== undefined && match.predicate !== wanted.predicate) {
        differences.push(
          wanted.predicate === null
            ? `${where}: ${describeIndex(match)} for ${source} is partial, the schema declares no WHERE clause`
            : `${where}: ${describeIndex(match)} for ${source} should have WHERE ${wanted.predicate}`,
        );
      }
      if (
        !sameList(
          match.descending,
          index.fields.map((f) => f.sortOrder === 'desc'),
        )
      ) {
        differences.push(`${where}: ${describeIndex(match)} has a different sort order from ${source}`);
      }
      const method = (index.algorithm ?? 'BTree').toLowerCase();
      if (match.method !== method)
        differences.push(`${where}: ${describeIndex(match)} uses ${match.method}, ${source} expects ${method}`);
      if (match.hasExpressions)
        differences.push(`${where}: ${describeIndex(match)} is on expressions, ${source} is not`);
    }

    // Foreign keys of relation fields that hold them.
    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
      const target = modelsByName.get(field.type);
      if (!target) continue;
      const wantedColumns = field.relationFromFields.map((name) => fieldColumns.get(name) ?? name);
      const targetColumns = new Map(target.fields.map((f) => [f.name, columnOf(f)]));
      const wantedReferenced = (field.relationToFields ?? []).map((name) => targetColumns.get(name) ?? name);
      const optional = field.relationFromFields.some((name) => !model.fields.find((f) => f.name === name)?.isRequired);
      const onDelete = field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict');
      const onUpdate = field.relationOnUpdate ?? 'Cascade';
      const expectedName = defaultConstraintName(table, wantedColumns, '_fkey');
      const what = `${where}: foreign key ${expectedName} (${list(wantedColumns)}) → ${tableOf(target)}(${list(wantedReferenced)}) of relation field ${field.name}`;
      const match = database.foreignKeys.find(
        (fk) =>
          !claimedForeignKeys.has(fk) &&
          fk.table === table &&
          sameList(fk.columns, wantedColumns) &&
          fk.referencedTable === tableOf(target) &&
          sameList(fk.referencedColumns, wantedReferenced),
      );
      if (!match) {
        differences.push(`${what} is missing from the database`);
        continue;
      }
      claimedForeignKeys.add(match);
      if (!nameMatches(match.name, expectedName, false))
        differences.push(`${what} is named ${match.name} in the database`);
      if (match.onDelete !== onDelete)
        differences.push(`${what} has ON DELETE ${match.onDelete}, schema expects ${onDelete}`);
      if (match.onUpdate !== onUpdate)
        differences.push(`${what} has ON UPDATE ${match.onUpdate}, schema expects ${onUpdate}`);
    }
  }

  // Indexes and foreign keys the schema does not declare.
  for (const index of database.indexes) {
    if (!claimedIndexes.has(index) && modelTables.has(index.table)) {
      differences.push(
        `table ${index.table}: ${describeIndex(index)} in the database is not declared in schema.prisma`,
      );
    }
  }
  for (const fk of database.foreignKeys) {
    if (!claimedForeignKeys.has(fk) && modelTables.has(fk.table)) {
      differences.push(
        `table ${fk.table}: foreign key ${fk.name} (${list(fk.columns)}) → ${fk.referencedTable}(${list(fk.referencedColumns)}) in the database is not declared in schema.prisma`,
      );
    }
  }
  return differences;
}

/** Reads schema.prisma (or the given schema text) and the database at `databaseUrl`, and compares them. */
export async function diffSchemaAgainstDatabase(
  databaseUrl: string,
  schemaText = readFileSync(SCHEMA_PATH, 'utf8'),
): Promise<string[]> {
  const datamodel = await readDatamodel(schemaText);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const predicates = await expectedPredicates(client, datamodel, readPartialIndexDeclarations(schemaText));
    return compareSchema(datamodel, await readDatabaseShape(client), predicates);
  } finally {
    await client.end();
  }
}
