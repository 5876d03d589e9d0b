// Global setup of `npm run test:citus` (vitest.citus.config.ts): one database on the loopback Citus cluster
// (scripts/citus/cluster.sh), migrated as the owner role, distributed, and seeded with the reference data as the
// runtime role, shared by the test files, which run one at a time and empty the case data themselves
// (resetCaseData). A Citus database cannot be copied from a template (its shards live on the workers), and preparing
// one takes tens of seconds.
import type { TestProject } from 'vitest/node';
import { CITUS_ADMIN_URL, setUpCitusDatabase } from '@/scripts/citus/database';

export const CITUS_TEST_DATABASE = process.env.CITUS_TEST_DATABASE ?? 'app_test_citus';

declare module 'vitest' {
  export interface ProvidedContext {
    citusRuntimeUrl: string;
    citusOwnerUrl: string;
    citusAdminUrl: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  // Fewer shards than production (SHARD_COUNT) keep each test's TRUNCATE quick; 8 still spread over both workers.
  const urls = await setUpCitusDatabase(CITUS_TEST_DATABASE, {
    fresh: true,
    seed: 'reference',
    shardCount: Number(process.env.CITUS_SHARD_COUNT ?? 8),
  });
  project.provide('citusRuntimeUrl', urls.runtime);
  project.provide('citusOwnerUrl', urls.owner);
  project.provide('citusAdminUrl', urls.admin);
  project.provide('databaseAdminUrl', CITUS_ADMIN_URL);
  project.provide('templateDatabase', CITUS_TEST_DATABASE);
}
