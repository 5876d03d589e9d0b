// Playwright for scripts/deploy-check.sh only: the journey across two web instances of a production install, which
// that script starts (no webServer here). Same browser settings as the end-to-end tests.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /two-instances\.spec\.ts/,
  outputDir: '../../test-results/deploy-check',
  workers: 1,
  projects: [{ name: 'deploy-check', use: { browserName: 'chromium' } }],
  webServer: undefined,
  use: { ...base.use, baseURL: `http://127.0.0.1:${process.env.DEPLOY_CHECK_LB_PORT ?? 3205}` },
});
