// Direct SQL against the end-to-end database, so pages are checked against the data itself, not against the app's queries.
import pg from 'pg';

export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 5499}/app`;

export async function queryRows<T extends Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function queryCount(sql: string, values: unknown[] = []): Promise<number> {
  const [row] = await queryRows<{ count: string }>(sql, values);
  return Number(row?.count ?? 0);
}
