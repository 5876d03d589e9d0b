// The foreign keys of a schema as PostgreSQL's catalogue has them, read once for the drift check (schema-diff.ts) and
// the distribution rules (distribution-rules.ts).
import type pg from 'pg';

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  /** confupdtype / confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
  onUpdate: string;
  onDelete: string;
}

export async function readForeignKeys(client: pg.Client, schema: string): Promise<ForeignKey[]> {
  const result = await client.query<ForeignKey>(
    `SELECT con.conname::text AS name, t.relname::text AS table, rt.relname::text AS "referencedTable",
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "referencedColumns",
            con.confupdtype AS "onUpdate", con.confdeltype AS "onDelete"
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_class rt ON rt.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND con.contype = 'f'
      ORDER BY t.relname, con.conname`,
    [schema],
  );
  return result.rows;
}
