// npm run retention — erases the personal data of cases closed longer ago than RETENTION_DAYS (default 180), keeping
// statistics and the audit chain; safe to run at any time, twice, and on several instances at once.
import { runJob } from './support/run-job';

runJob(async () => {
  const { erasePersonalDataOfClosedCases, retentionDaysFromEnv } = await import('@/lib/retention/erase-personal-data');
  const days = retentionDaysFromEnv();
  const result = await erasePersonalDataOfClosedCases({ retentionDays: days });
  return (
    `保留期 retention ${days} 天/days (closed before ${result.cutoff.toISOString()}): ` +
    `已删除个人信息的案件 cases erased ${result.casesErased}, 证据文件 evidence files deleted ${result.evidenceFilesDeleted}, ` +
    `过期验证码和短信 expired codes and SMS records ${result.transientRowsDeleted}`
  );
});
