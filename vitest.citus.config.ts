// `npm run test:citus` runs the integration tests that touch case data against the loopback Citus cluster
// (scripts/citus/test-citus.sh starts it): one shared distributed database, one file at a time.
import { defineConfig } from 'vitest/config';
import base from './vitest.config';
import { CITUS_TEST_FILES } from './test/citus/files';

export default defineConfig({
  resolve: base.resolve,
  test: {
    ...base.test,
    include: CITUS_TEST_FILES,
    globalSetup: ['test/citus/global-setup.ts'],
    setupFiles: ['test/citus/database-per-file.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    hookTimeout: 300_000,
    // Three PostgreSQL servers share the machine's cores with the test process: each statement crosses the network.
    testTimeout: 120_000,
  },
});
