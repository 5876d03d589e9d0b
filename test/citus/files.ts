// The test files `npm run test:citus` runs on the Citus cluster: the integration tests that touch case data (filing,
// lifecycle, transfer, sweep, queue and board, analytics, audit chains, notification dispatch, webhooks, interim relief
// and its expiry, mass incidents, raw SQL on the transaction's connection, reviewer choice, the deadline board and its
// deadline counters).
export const CITUS_TEST_FILES = [
  'test/citus/placement.citus.ts',
  'lib/cases/use-cases/submit-appeal.test.ts',
  'lib/cases/use-cases/lifecycle.test.ts',
  'lib/cases/use-cases/sweep-deadlines.test.ts',
  'lib/cases/views/queue.test.ts',
  'lib/cases/views/case-record.test.ts',
  'lib/cases/views/summaries.test.ts',
  'lib/supervision/analytics.test.ts',
  'lib/audit/verify.test.ts',
  'test/integration/webhook-delivery.test.ts',
  'test/integration/effectuation.test.ts',
  'test/integration/interim-relief.test.ts',
  'lib/incidents/incidents.test.ts',
  'lib/notifications/dispatch.test.ts',
  'lib/auth/session.test.ts',
  'lib/db/client.test.ts',
  'lib/db/case-sql.test.ts',
  'lib/cases/rules/routing.test.ts',
  'lib/supervision/board-paging.test.ts',
  'lib/supervision/board-counts.test.ts',
  'lib/supervision/scope.test.ts',
  'lib/cases/views/deadline-counts.test.ts',
];
