// Test-only: gives a province's health-code system an API key in the end-to-end database (configuring the system
// first when it has none), as the administrator would on the admin page, and prints the key id and secret once.
//   npx tsx --conditions=react-server e2e/helpers/province-api-key.ts <provinceCode>
import { loadEnv } from '@/lib/config/load-env';

async function main(): Promise<void> {
  const [provinceCode] = process.argv.slice(2);
  if (!provinceCode || !/^\d{2}$/.test(provinceCode)) throw new Error('usage: province-api-key.ts <provinceCode>');
  loadEnv();
  process.env.DATABASE_URL =
    process.env.E2E_DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 5499}/app`;

  const { getPrisma } = await import('@/lib/db/client');
  const { configureProvinceSystem } = await import('@/lib/integration/province-systems');
  const { createApiKey } = await import('@/lib/integration/api-keys');
  const prisma = getPrisma();
  try {
    const admin = await prisma.user.findFirstOrThrow({ where: { role: 'ADMIN', active: true } });
    const actor = { id: admin.id, role: admin.role, provinceCode: admin.provinceCode };
    const system = await prisma.provinceSystem.findUnique({ where: { provinceCode } });
    if (!system) await configureProvinceSystem(actor, { provinceCode, name: `e2e ${provinceCode}`, webhookUrl: null });
    const key = await createApiKey(actor, { provinceCode, name: `e2e ${Date.now()}`, rateLimitPerMinute: 600 });
    console.log(JSON.stringify({ keyId: key.keyId, secret: key.secret }));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
