// Test-only: decides a case through the engine as the reviewer it is assigned to (startReview, then decideCase),
// against the end-to-end database with the server's secrets (.env.local), the way the reviewer's screen would.
//   npx tsx --conditions=react-server e2e/helpers/decide-case.ts <reference> [UPHELD|DOWNGRADED|REVOKED]
import { loadEnv } from '@/lib/config/load-env';

const REASONS = '经核查，申诉人提供的考勤记录和行程记录显示其当日不在风险区域，原赋码依据不足，依法予以撤销。';
const OUTCOMES = ['UPHELD', 'DOWNGRADED', 'REVOKED'] as const;

async function main(): Promise<void> {
  const [reference, outcomeArgument = 'REVOKED'] = process.argv.slice(2);
  const outcome = OUTCOMES.find((value) => value === outcomeArgument);
  if (!reference || !outcome) throw new Error('usage: decide-case.ts <reference> [UPHELD|DOWNGRADED|REVOKED]');
  loadEnv();
  process.env.DATABASE_URL =
    process.env.E2E_DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 5499}/app`;

  const { getPrisma } = await import('@/lib/db/client');
  const { startReview } = await import('@/lib/cases/use-cases/start-review');
  const { decideCase } = await import('@/lib/cases/use-cases/decide-case');
  const prisma = getPrisma();
  try {
    const found = await prisma.case.findFirst({ where: { reference }, include: { assignee: true } });
    if (!found) throw new Error(`no case ${reference}`);
    if (!found.assignee) throw new Error(`case ${reference} is not assigned to a reviewer (state ${found.state})`);
    const reviewer = { id: found.assignee.id, role: found.assignee.role, provinceCode: found.assignee.provinceCode };
    let version = found.version;
    if (found.state === 'ASSIGNED')
      version = (await startReview(reviewer, { caseId: found.id, expectedVersion: version })).case.version;
    // Keeping a colour needs a rule that allows it (SPEC §3): close contact allows red; revoking may cite the stated one.
    const ruleCode = outcome === 'REVOKED' ? (found.statedReasonCode ?? 'CLOSE_CONTACT') : 'CLOSE_CONTACT';
    const decided = await decideCase(reviewer, {
      caseId: found.id,
      expectedVersion: version,
      outcome,
      ruleCode,
      reasons: REASONS,
    });
    console.log(JSON.stringify({ reference, state: decided.case.state, outcome, ruleCode, reasons: REASONS }));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
