// The scheduled jobs (SPEC §18), run by `npm run scheduler` (scripts/scheduler.ts): any number of scheduler instances
// may run; each job still runs once per interval (lib/ops/jobs.ts).
import 'server-only';
import type { JobDefinition } from './jobs';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const SWEEP_INTERVAL_MS = MINUTE;

export const SCHEDULED_JOBS: readonly JobDefinition[] = [
  {
    name: 'sweep',
    intervalMs: SWEEP_INTERVAL_MS,
    async run(now) {
      const { sweepDeadlines } = await import('@/lib/cases/use-cases/sweep-deadlines');
      const { refreshSupervisionStatsScheduled } = await import('@/lib/supervision/refresh-stats');
      const result = await sweepDeadlines(now);
      await refreshSupervisionStatsScheduled(now);
      return { ...result };
    },
  },
  {
    // Interim relief past its expiry without a decision is reverted and the supervisors alerted (SPEC §15).
    name: 'interim-relief',
    intervalMs: SWEEP_INTERVAL_MS,
    async run(now) {
      const { expireInterimRelief } = await import('@/lib/cases/use-cases/expire-interim-relief');
      return expireInterimRelief(now);
    },
  },
  {
    name: 'retention',
    intervalMs: DAY,
    async run(now) {
      const { erasePersonalDataOfClosedCases } = await import('@/lib/retention/erase-personal-data');
      const result = await erasePersonalDataOfClosedCases({ now });
      return { ...result, cutoff: result.cutoff.toISOString() };
    },
  },
  {
    name: 'cleanup',
    intervalMs: 10 * MINUTE,
    async run(now) {
      const { cleanUpExpiredRows } = await import('./cleanup');
      return cleanUpExpiredRows(now);
    },
  },
  {
    // Signed checkpoints of every audit chain, kept outside the database (SPEC §8, docs/audit.md).
    name: 'checkpoints',
    intervalMs: 60 * MINUTE,
    async run(now) {
      const { publishCheckpoints } = await import('@/lib/audit/publish-checkpoints');
      const result = await publishCheckpoints(now);
      return { published: result.published.length, unchanged: result.unchanged.length, refused: result.refused };
    },
  },
];
