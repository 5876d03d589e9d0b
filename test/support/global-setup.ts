// Starts one real PostgreSQL for the whole unit/integration run (embedded, fresh each run, or TEST_DATABASE_ADMIN_URL),
// builds a migrated template database with the reference data, and hands its address to the test files.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { EMBEDDED_OWNER, EMBEDDED_RUNTIME, ensureEmbeddedRoles, urlAs } from '@/lib/db/roles';
import { freePort } from './free-port';

export const TEMPLATE_DATABASE = 'app_test_template';
let server: EmbeddedDatabase | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    // One cluster per run (own folder and port), so several runs on one machine never meet.
    server = await startEmbeddedPostgres({ name: `test-pg/${process.pid}`, port: await freePort(), fresh: true });
    adminUrl = server.adminUrl;
  }
  // The migrations run as the owner role and the app (seed included) as the runtime role, as in production.
  await ensureEmbeddedRoles(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} OWNER ${EMBEDDED_OWNER.user}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, TEMPLATE_DATABASE);
  await migrate(urlAs(templateUrl, EMBEDDED_OWNER));
  process.env.DATABASE_URL = urlAs(templateUrl, EMBEDDED_RUNTIME);
  const { seedReferenceData } = await import('@/prisma/seed/reference-data');
  const { getPrisma } = await import('@/lib/db/client');
  await seedReferenceData(getPrisma());
  await getPrisma().$disconnect();
  delete process.env.DATABASE_URL;

  project.provide('databaseAdminUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  rmSync(path.resolve(import.meta.dirname, '../../.data/test-pg', String(process.pid)), {
    recursive: true,
    force: true,
  });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
