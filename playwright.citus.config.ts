// `npm run test:citus`, second part: the production build against a database on the loopback Citus cluster
// (scripts/citus/cluster.sh; scripts/citus/database.ts migrates and distributes it, run-app seeds the demo), driven by the system
// Chromium. The existing journeys that touch case data run as they are (filing, deciding, the supervisor's board,
// analytics, audit view and export, transparency), then test/citus/journey.pw.ts (transfer, sweep, webhook worker,
// SMS dispatch, audit:verify, rows on both workers). One browser at a time: the files run in this order.
import { defineConfig } from '@playwright/test';
import base, { E2E_PORT } from './playwright.config';

const citusPort = Number(process.env.CITUS_PORT ?? 9700);
const database = 'app_e2e_citus';
// Read by the specs (e2e/helpers/database.ts, e2e/helpers/decide-case.ts) and by the processes they start.
process.env.E2E_DATABASE_URL = `postgresql://postgres@127.0.0.1:${citusPort}/${database}`;
process.env.CITUS_RUNTIME_URL = `postgresql://appeals_app:appeals_app@127.0.0.1:${citusPort}/${database}`;
process.env.CITUS_OWNER_URL = `postgresql://appeals_owner:appeals_owner@127.0.0.1:${citusPort}/${database}`;

export default defineConfig({
  ...base,
  testDir: '.',
  workers: 1,
  projects: [
    { name: 'setup', testMatch: /e2e\/sign-in-as-each-role\.setup\.ts/ },
    {
      name: 'citus',
      testMatch: [
        /e2e\/citizen\/filing-journey\.spec\.ts/,
        /e2e\/reviewer\/decide-workflow\.spec\.ts/,
        /e2e\/supervisor\/console\.spec\.ts/,
        /test\/citus\/journey\.pw\.ts/,
      ],
      // Tampering with the audit history disables triggers table by table, which does not reach Citus's shards;
      // test/citus runs the same verification on a tampered chain (lib/audit/verify.test.ts).
      grepInvert: /tampered chain/,
      dependencies: ['setup'],
      use: { browserName: 'chromium' },
    },
  ],
  webServer: {
    ...base.webServer,
    command:
      `npx tsx --conditions=react-server scripts/citus/database.ts ${database} --fresh && ` +
      `npx tsx scripts/run-app.ts --prod --demo --port ${E2E_PORT}`,
    timeout: 600_000,
    env: {
      ...(base.webServer && !Array.isArray(base.webServer) ? base.webServer.env : {}),
      DATABASE_URL: process.env.CITUS_RUNTIME_URL,
      DATABASE_OWNER_URL: process.env.CITUS_OWNER_URL,
      DEMO_SMS_OUTBOX: '1',
    },
  },
});
