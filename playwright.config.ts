// End-to-end tests: the production build against a fresh embedded PostgreSQL with demo data, driven by the system
// Chromium (Playwright cannot download its own browsers here). `npm run test:e2e` builds first.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium was not found at ${CHROMIUM}. Install it (as root): apt-get update && apt-get install -y chromium`,
  );
}

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 5499);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /sign-in-as-each-role\.setup\.ts/ },
    { name: 'chromium', testIgnore: /\.setup\.ts/, dependencies: ['setup'], use: { browserName: 'chromium' } },
    // HTTP fuzzing compares row counts of the whole database: it runs alone, after every other spec.
    { name: 'fuzz', testMatch: /\.fuzz\.ts/, dependencies: ['chromium'], use: { browserName: 'chromium' } },
  ],
  webServer: {
    command: `npx tsx scripts/run-app.ts --prod --demo --fresh --port ${E2E_PORT} --db-name e2e-pg --pg-port ${E2E_PG_PORT}`,
    url: `http://localhost:${E2E_PORT}`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      DEMO_SMS_OUTBOX: '1',
      // Every test browser comes from 127.0.0.1; the per-IP limits themselves are proven by lib/auth/otp.test.ts.
      RATE_LIMIT_CODE_REQUESTS_PER_IP_HOUR: '500',
      RATE_LIMIT_CODE_FAILURES_PER_IP_HOUR: '500',
      NEXT_TELEMETRY_DISABLED: '1',
      // Analytics read the statistics as they are and refresh them in the background when older than this: specs
      // that compare figures with the database reload until the refresh has landed.
      STATS_MAX_AGE_SECONDS: '0',
    },
  },
});
