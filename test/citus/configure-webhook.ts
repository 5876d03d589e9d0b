// Test-only (test/citus/journey.pw.ts): configures a province's system with a webhook URL through the engine, as the
// demo administrator, against the journey's Citus database (CITUS_RUNTIME_URL) with the server's secrets (.env.local).
//   npx tsx --conditions=react-server test/citus/configure-webhook.ts <province code> <url>
import { loadEnv } from '@/lib/config/load-env';

async function main(): Promise<void> {
  const [provinceCode, webhookUrl] = process.argv.slice(2);
  if (!provinceCode || !webhookUrl) throw new Error('usage: configure-webhook.ts <province code> <url>');
  loadEnv();
  if (!process.env.CITUS_RUNTIME_URL) throw new Error('CITUS_RUNTIME_URL is not set (playwright.citus.config.ts)');
  process.env.DATABASE_URL = process.env.CITUS_RUNTIME_URL;
  const { getPrisma } = await import('@/lib/db/client');
  const { configureProvinceSystem } = await import('@/lib/integration/province-systems');
  const prisma = getPrisma();
  try {
    const admin = await prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    await configureProvinceSystem(
      { id: admin.id, role: admin.role, provinceCode: admin.provinceCode },
      { provinceCode, name: `省级健康码系统 ${provinceCode}`, webhookUrl },
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
