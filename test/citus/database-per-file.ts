// Setup file of `npm run test:citus`: every test file uses the one distributed database of the run (global-setup.ts),
// the app as the runtime role and direct SQL as the owner, as in test/support/database-per-file.ts.
import { afterAll, inject } from 'vitest';

process.env.DATABASE_URL = inject('citusRuntimeUrl');
process.env.DATABASE_OWNER_URL = inject('citusOwnerUrl');
process.env.CITUS_DATABASE_ADMIN_URL = inject('citusAdminUrl');
process.env.TEST_DATABASE_NAME = new URL(process.env.DATABASE_URL).pathname.slice(1);

afterAll(async () => {
  const { getPrisma } = await import('@/lib/db/client');
  await getPrisma().$disconnect();
});
