// Each test file gets its own database, copied from the migrated template with reference data.
// Tests that need a clean slate within a file call `resetCaseData()`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { EMBEDDED_OWNER, EMBEDDED_RUNTIME, urlAs } from '@/lib/db/roles';

const adminUrl = inject('databaseAdminUrl');
const template = inject('templateDatabase');
const database = `t_${randomBytes(6).toString('hex')}`;

function urlFor(name: string): string {
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template} OWNER ${EMBEDDED_OWNER.user}`);
await admin.end();
// The app under test connects as the runtime role, so every test also proves its grants suffice; direct SQL in the
// tests (tampering, bulk set-up) uses the owner (test/support/db.ts rawClient).
process.env.DATABASE_URL = urlAs(urlFor(database), EMBEDDED_RUNTIME);
process.env.DATABASE_OWNER_URL = urlAs(urlFor(database), EMBEDDED_OWNER);
process.env.TEST_DATABASE_NAME = database;

afterAll(async () => {
  const { getPrisma } = await import('@/lib/db/client');
  await getPrisma().$disconnect();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
});
