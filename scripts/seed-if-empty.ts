// Seeds demo data when the database has no users yet, then prints the demo sign-ins.
import { loadEnv } from '@/lib/config/load-env';
import { getPrisma } from '@/lib/db/client';
import { seed } from '@/prisma/seed/seed';
import { formatDemoSignIns } from '@/prisma/seed/demo-accounts';

async function main(): Promise<void> {
  loadEnv();
  const prisma = getPrisma();
  if ((await prisma.user.count()) === 0) await seed({ force: false });
  else console.log('演示数据已存在 / demo data already present');
  console.log(formatDemoSignIns());
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
