// Drops everything in the public schema (used by `npm run db:reset` and the tests); refuses in production.
import pg from 'pg';

export async function resetDatabase(databaseUrl: string): Promise<void> {
  if (process.env.NODE_ENV === 'production' && !process.argv.includes('--force')) {
    throw new Error('Refusing to reset a database with NODE_ENV=production (pass --force to override).');
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
}
