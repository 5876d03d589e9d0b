import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests and scripts are server code too.
      'server-only': path.resolve(import.meta.dirname, 'test/support/empty-module.ts'),
    },
  },
  test: {
    // VITEST_ONLY: one file outside the suite, for test/support/exit-code.test.ts (a failing test must fail the run).
    include: process.env.VITEST_ONLY
      ? [process.env.VITEST_ONLY]
      : ['lib/**/*.test.ts', 'test/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/database-per-file.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      TZ: 'UTC',
      NEXTAUTH_SECRET: 'test-secret',
      ID_ENCRYPTION_KEY: 'dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdC0=',
      ID_HASH_KEY: 'test-hash-key',
      INTEGRATION_KEY_SECRET: 'test-integration-key',
    },
  },
});
