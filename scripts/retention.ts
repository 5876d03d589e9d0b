// npm run retention — erases the personal data of cases closed longer ago than RETENTION_DAYS (default 180), keeping
// statistics and the audit chain; safe to run at any time, twice, and on several instances at once.
import { loadEnv } from '@/lib/config/load-env';
import { connectDatabase } from '@/lib/db/connect';

async function main(): Promise<void> {
  loadEnv();
  const database = await connectDatabase();
  try {
    const { erasePersonalDataOfClosedCases, retentionDaysFromEnv } =
      await import('@/lib/retention/erase-personal-data');
    const days = retentionDaysFromEnv();
    const started = performance.now();
    const result = await erasePersonalDataOfClosedCases({ retentionDays: days });
    console.log(
      `保留期 retention ${days} 天/days (closed before ${result.cutoff.toISOString()}): ` +
        `已删除个人信息的案件 cases erased ${result.casesErased}, 证据文件 evidence files deleted ${result.evidenceFilesDeleted}, ` +
        `过期验证码和短信 expired codes and SMS records ${result.transientRowsDeleted} (${Math.round(performance.now() - started)} ms)`,
    );
    const { getPrisma } = await import('@/lib/db/client');
    await getPrisma().$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
