// Seeds a migrated database for development and demos: reference data, demo accounts, then demo cases.
// Refuses with NODE_ENV=production unless forced. Running it again duplicates nothing: reference data is upserted,
// existing demo accounts are left as they are, and demo cases are replayed only while no case and no case history exist.
import { getPrisma } from '@/lib/db/client';
import { seedDemoAccounts } from './demo-accounts';
import { seedDemoCases } from './demo-cases';
import { DEMO_RECEIVER_PORT, seedDemoIntegration } from './demo-integration';
import { DEMO_INCIDENT, seedDemoIncident } from './demo-incident';
import { seedReferenceDataWithSummary } from './reference-data';

/** Demo accounts are dated this long before "now", before the oldest demo case. */
const ACCOUNTS_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export async function seed(options: { force: boolean }): Promise<void> {
  if (process.env.NODE_ENV === 'production' && !options.force) {
    throw new Error(
      '生产环境（NODE_ENV=production）下拒绝写入演示数据，如确需写入请加 --force / refusing to seed demo data with NODE_ENV=production (pass --force to override)',
    );
  }
  const started = Date.now();
  const now = new Date();
  const prisma = getPrisma();
  const log = (line: string): void => console.log(line);

  log('写入参考数据 / seeding reference data …');
  const reference = await seedReferenceDataWithSummary(prisma);
  log(
    `  行政区划 ${reference.divisions} 个，赋码原因 ${reference.reasons} 条，工作日历 ${reference.calendarYears} 年（${reference.calendarDays} 个节假日/调休日） / ` +
      `${reference.divisions} divisions, ${reference.reasons} reasons, ${reference.calendarYears} calendar years (${reference.calendarDays} holidays and make-up days)`,
  );

  const accounts = await seedDemoAccounts(prisma, new Date(now.getTime() - ACCOUNTS_AGE_MS));
  log(
    accounts > 0
      ? `演示账号已创建 ${accounts} 个 / ${accounts} demo accounts created`
      : '演示账号已存在 / demo accounts already present',
  );

  log('写入演示案件 / seeding demo cases …');
  // The mass incident is filed through the real filing path once Henan's history is replayed (the other provinces
  // replay meanwhile).
  const cases = await seedDemoCases(prisma, now, log, {
    provinceCode: DEMO_INCIDENT.provinceCode,
    run: () => seedDemoIncident(prisma, log),
  });
  if (cases.cases > 0)
    log(
      `  演示案件 ${cases.cases} 件，审计事件 ${cases.events} 条 / ${cases.cases} demo cases, ${cases.events} audit events`,
    );
  const integration = await seedDemoIntegration(prisma);
  if (integration)
    log(
      `演示省级系统（安徽 34）已接入：接口密钥 ${integration.keyId}，密钥 ${integration.secret}（仅此一次显示），推送记录 ${integration.deliveries} 条；` +
        `接收端：npm run integration -- receiver --port ${DEMO_RECEIVER_PORT} / demo provincial system (Anhui, 34) connected: ` +
        `API key ${integration.keyId}, secret ${integration.secret} (shown once), ${integration.deliveries} delivery attempts; ` +
        `receiver: npm run integration -- receiver --port ${DEMO_RECEIVER_PORT}`,
    );
  log(
    `完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒 / done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
