// npm run sweep — the deadline sweep (safe to run at any time, and twice).
import { runJob } from './support/run-job';

runJob(async () => {
  const { sweepDeadlines } = await import('@/lib/cases/use-cases/sweep-deadlines');
  const result = await sweepDeadlines();
  // The supervision statistics follow the cases the sweep (and everyone else) changed; a full rebuild once a day.
  const { refreshSupervisionStatsScheduled } = await import('@/lib/supervision/refresh-stats');
  await refreshSupervisionStatsScheduled();
  return (
    `临期 at risk: ${result.atRisk}, 超期 overdue: ${result.overdue}, 结案 closed: ${result.closed}, ` +
    `通知 notifications sent: ${result.notificationsSent}`
  );
});
