// Test-only: files an appeal for the citizen signed in with <mobile> and withdraws it, through the engine, against the
// end-to-end database with the server's secrets (.env.local): a closed case of a fresh citizen, whose data the
// data-rights journey may erase without touching the demo cases other specs use. Prints {"id","reference"}.
//   npx tsx --conditions=react-server e2e/helpers/closed-case.ts <mobile> <applicant name>
import { loadEnv } from '@/lib/config/load-env';

async function main(): Promise<void> {
  const [mobile, applicantName = '陈静'] = process.argv.slice(2);
  if (!mobile) throw new Error('usage: closed-case.ts <mobile> [applicant name]');
  loadEnv();
  process.env.DATABASE_URL =
    process.env.E2E_DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 5499}/app`;
  const { getPrisma } = await import('@/lib/db/client');
  const { submitAppeal } = await import('@/lib/cases/use-cases/submit-appeal');
  const { withdrawCase } = await import('@/lib/cases/use-cases/withdraw-case');
  const { validFiling } = await import('@/test/support/fixtures');
  const prisma = getPrisma();
  try {
    const user = await prisma.user.findUniqueOrThrow({ where: { mobile } });
    const citizen = { id: user.id, role: user.role, provinceCode: null };
    const { case: filed } = await submitAppeal(
      citizen,
      validFiling({
        applicantName,
        mobile,
        statement: `我是${applicantName}，当天一直在芜湖上班，从未去过合肥的任何风险区域。`,
      }),
    );
    const withdrawn = await withdrawCase(citizen, {
      caseId: filed.id,
      expectedVersion: filed.version,
      reason: '赋码已由当地自行更正。',
    });
    console.log(JSON.stringify({ id: withdrawn.case.id, reference: withdrawn.case.reference }));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
