// Run by `npm run dev` / `npm start` after migrations: reference data always (idempotent); with --demo, demo
// staff, citizens and cases into a database that has no users yet, then the demo sign-ins are printed.
import { loadEnv } from '@/lib/config/load-env';
import { getPrisma } from '@/lib/db/client';
import { formatDemoSignIns } from '@/prisma/seed/demo-accounts';
import { seedReferenceData } from '@/prisma/seed/reference-data';
import { seed } from '@/prisma/seed/seed';

async function main(): Promise<void> {
  loadEnv();
  const prisma = getPrisma();
  if (!process.argv.includes('--demo')) {
    await seedReferenceData(prisma);
  } else {
    if ((await prisma.user.count()) === 0) await seed({ force: false });
    else console.log('演示数据已存在 / demo data already present');
    console.log(formatDemoSignIns());
  }
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
