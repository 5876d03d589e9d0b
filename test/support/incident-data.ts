// Test support for the mass-incident tests: copies of a filed case (every column as filed, a fresh id, reference and
// idempotency key), for groups too large to file one by one and for a filing held open in a test's own transaction.
import type pg from 'pg';
import { rawClient } from './db';

/**
 * The statement copying case $2 of province $1 $3 times (references end in `-$4` and a number), returning the copies'
 * ids. `columns` are appeal_case's (appealCaseColumns).
 */
export function cloneCasesStatement(columns: readonly string[]): string {
  const fresh: Record<string, string> = {
    id: 'gen_random_uuid()',
    reference: `c.reference || '-' || $4::text || lpad(g::text, 4, '0')`,
    idempotency_key: `c.idempotency_key || '-' || $4::text || g`,
  };
  const list = columns.map((name) => `"${name}"`).join(', ');
  const values = columns.map((name) => fresh[name] ?? `c."${name}"`).join(', ');
  return `INSERT INTO appeal_case (${list}) SELECT ${values} FROM appeal_case c, generate_series(1, $3::int) g
           WHERE c.province_code = $1::text AND c.id = $2::uuid RETURNING id::text`;
}

export async function appealCaseColumns(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_name = 'appeal_case' AND table_schema = current_schema() AND is_generated = 'NEVER'
      ORDER BY ordinal_position`,
  );
  return rows.map((row) => row.column_name);
}

/** Runs one statement as the owner (policies, truncations, set-up the use cases do not offer). */
export async function runSql(text: string, params: unknown[] = []): Promise<void> {
  const client = await rawClient();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}
