// Retention against a real PostgreSQL: after the job, closed cases past the period have no personal data left (case
// fields, replies, evidence files and names), their statistics are exactly as before, the audit chains still verify
// (also through `npm run audit:verify`), and running it again changes nothing.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@/lib/audit/verify';
import { prisma } from '@/lib/db/client';
import { requestSecondReview } from '@/lib/cases/use-cases/request-second-review';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { decideSecondReview } from '@/lib/cases/use-cases/decide-second-review';
import { startSecondReview } from '@/lib/cases/use-cases/start-second-review';
import { replyToRequest } from '@/lib/cases/use-cases/reply-to-request';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { freshCitizenAndReviewer, createUser, residentId, validFiling, type TestUser } from '@/test/support/fixtures';
import { withTemporaryEvidenceStore } from '@/test/support/evidence-store';
import { DEFAULT_RETENTION_DAYS, erasePersonalDataOfClosedCases, retentionDaysFromEnv } from './erase-personal-data';

const run = promisify(execFile);
const DAY = 86_400_000;
const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const ID_NUMBER = residentId('340104', '19851212', '456');
const evidenceStore = withTemporaryEvidenceStore('retention-evidence-');
let citizen: TestUser;
let reviewer: TestUser;
let supervisor: TestUser;

beforeEach(async () => {
  ({ citizen, reviewer } = await freshCitizenAndReviewer());
  supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
});

/** A case taken through review, a question with an answered reply and evidence, a decision and a second-level review. */
async function finalCase() {
  const filing = { ...validFiling({ applicantName: '王小明', idNumber: ID_NUMBER }), reliefReason: 'MEDICAL_CARE' };
  const { case: filed } = await submitAppeal(citizen, { ...filing, reliefDetail: '王小明需去医院复诊' }, [
    { name: '考勤记录-王小明.pdf', bytes: PDF },
  ]);
  const started = (await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version })).case;
  const asked = (
    await requestInformation(reviewer, {
      caseId: started.id,
      expectedVersion: started.version,
      message: '请补充当日的核酸检测报告。',
    })
  ).case;
  const replied = (
    await replyToRequest(
      citizen,
      { caseId: asked.id, expectedVersion: asked.version, replyText: '我叫王小明，报告见附件，手机 13912345678。' },
      [{ name: '核酸报告.pdf', bytes: PDF }],
    )
  ).case;
  const decided = (
    await decideCase(reviewer, {
      caseId: replied.id,
      expectedVersion: replied.version,
      outcome: 'UPHELD',
      ruleCode: 'CLOSE_CONTACT',
      reasons: REASONS,
    })
  ).case;
  const requested = (
    await requestSecondReview(citizen, {
      caseId: decided.id,
      expectedVersion: decided.version,
      reason: '我当天在芜湖上班，请求复核。',
    })
  ).case;
  const reviewing = (await startSecondReview(supervisor, { caseId: requested.id, expectedVersion: requested.version }))
    .case;
  return (
    await decideSecondReview(supervisor, {
      caseId: reviewing.id,
      expectedVersion: reviewing.version,
      outcome: 'REVOKED',
      ruleCode: 'CLOSE_CONTACT',
      reasons: REASONS,
    })
  ).case;
}

async function withdrawnCase() {
  const { case: filed } = await submitAppeal(citizen, validFiling({ mobile: '13698765432' }));
  return (
    await withdrawCase(citizen, {
      caseId: filed.id,
      expectedVersion: filed.version,
      reason: '问题已由社区解决，我是李四。',
    })
  ).case;
}

const PERSONAL = [
  'applicantName',
  'idNumberCipher',
  'idNumberHash',
  'idNumberMasked',
  'mobile',
  'statement',
  'withdrawalReason',
  'secondReviewReason',
] as const;
const CHANGED_BY_ERASURE = new Set<string>([...PERSONAL, 'personalDataErasedAt', 'version', 'updatedAt']);

/** Everything statistics read: every case column but the personal ones, decisions, deadlines, evidence counts and sizes. */
async function statistics() {
  const cases = await prisma.case.findMany({ orderBy: { reference: 'asc' } });
  const decisions = await prisma.decision.findMany({
    orderBy: [{ caseId: 'asc' }, { level: 'asc' }],
    select: { caseId: true, level: true, outcome: true, ruleCode: true, decidedAt: true, deadlineAt: true },
  });
  const evidence = await prisma.evidence.findMany({
    orderBy: { id: 'asc' },
    select: { caseId: true, kind: true, mimeType: true, sizeBytes: true, createdAt: true },
  });
  const requests = await prisma.informationRequest.findMany({
    orderBy: { id: 'asc' },
    select: { caseId: true, requestedAt: true, replyDueAt: true, repliedAt: true },
  });
  return {
    cases: cases.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([key]) => !CHANGED_BY_ERASURE.has(key))
          .map(([key, value]) => [key, typeof value === 'bigint' ? value.toString() : value]),
      ),
    ),
    decisions,
    evidence,
    requests,
  };
}

async function auditRows() {
  return prisma.$queryRaw<
    { chain: string; seq: bigint; hash: string }[]
  >`SELECT chain, seq, hash FROM audit_event ORDER BY chain, seq`;
}

describe('retention (real PostgreSQL)', () => {
  it('reads RETENTION_DAYS, 180 by default, and refuses nonsense', () => {
    expect(retentionDaysFromEnv(undefined)).toBe(DEFAULT_RETENTION_DAYS);
    expect(retentionDaysFromEnv('30')).toBe(30);
    expect(() => retentionDaysFromEnv('0')).toThrow(/RETENTION_DAYS/);
    expect(() => retentionDaysFromEnv('ten')).toThrow(/RETENTION_DAYS/);
  });

  it('erases the personal data of cases closed longer ago than the period, keeping statistics and the audit chain', async () => {
    const final = await finalCase();
    const withdrawn = await withdrawnCase();
    const open = (await submitAppeal(citizen, validFiling({ applicantName: '赵六' }))).case;
    expect(readdirSync(path.join(evidenceStore(), '34'))).toHaveLength(2);
    const statsBefore = await statistics();
    const auditBefore = await auditRows();
    const closedAt = (await prisma.case.findFirstOrThrow({ where: { id: final.id } })).closedAt!;

    // Not yet: 100 days later nothing is due.
    expect(
      await erasePersonalDataOfClosedCases({ now: new Date(closedAt.getTime() + 100 * DAY), retentionDays: 180 }),
    ).toMatchObject({ casesErased: 0 });

    const now = new Date(closedAt.getTime() + 181 * DAY);
    const result = await erasePersonalDataOfClosedCases({ now, retentionDays: 180 });
    expect(result).toMatchObject({ casesErased: 2, evidenceFilesDeleted: 2 });

    for (const id of [final.id, withdrawn.id]) {
      const row = await prisma.case.findFirstOrThrow({ where: { id } });
      expect(row).toMatchObject({
        applicantName: null,
        idNumberCipher: null,
        idNumberHash: null,
        idNumberMasked: null,
        mobile: null,
        statement: '',
        withdrawalReason: null,
        secondReviewReason: null,
        personalDataErasedAt: now,
      });
    }
    expect(readdirSync(path.join(evidenceStore(), '34'))).toHaveLength(0);
    const evidence = await prisma.evidence.findMany({ where: { caseId: final.id } });
    expect(evidence).toHaveLength(2);
    for (const row of evidence) expect(row).toMatchObject({ fileName: '', storageKey: '', erasedAt: now });
    expect(
      await prisma.informationRequest.findMany({
        where: { caseId: final.id },
        select: { replyText: true, message: true },
      }),
    ).toEqual([{ replyText: null, message: '' }]);
    expect(
      await prisma.notification.count({
        where: { caseId: { in: [final.id, withdrawn.id] }, recipientMobile: { not: null } },
      }),
    ).toBe(0);
    // Nothing personal is left anywhere in those cases' rows.
    const leftovers = JSON.stringify(
      await prisma.case.findMany({
        where: { id: { in: [final.id, withdrawn.id] } },
        include: { evidence: true, informationRequests: true, interimReliefs: true },
      }),
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    );
    for (const personal of [
      '王小明',
      '13912345678',
      '13698765432',
      '李四',
      '考勤记录',
      '核酸报告',
      '芜湖上班',
      '医院复诊',
      ID_NUMBER,
      `${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`,
    ])
      expect(leftovers).not.toContain(personal);

    // The open case keeps everything.
    expect(await prisma.case.findFirstOrThrow({ where: { id: open.id } })).toMatchObject({
      applicantName: '赵六',
      personalDataErasedAt: null,
    });

    // Statistics are untouched; the audit history only grew, by one event per erased case, and still verifies.
    expect(await statistics()).toEqual(statsBefore);
    const auditAfter = await auditRows();
    expect(
      auditAfter.filter((row) =>
        auditBefore.some((old) => old.chain === row.chain && old.seq === row.seq && old.hash === row.hash),
      ),
    ).toHaveLength(auditBefore.length);
    expect(auditAfter.length - auditBefore.length).toBe(2);
    const erasures = await prisma.auditEvent.findMany({
      where: {
        caseId: { in: [final.id, withdrawn.id] },
        actorRole: 'SYSTEM',
        after: { path: ['personalDataErased'], equals: true },
      },
    });
    expect(erasures.map((event) => event.chain)).toEqual(['34', '34']);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);

    // Again: nothing to do, nothing written.
    expect(
      await erasePersonalDataOfClosedCases({ now: new Date(now.getTime() + DAY), retentionDays: 180 }),
    ).toMatchObject({ casesErased: 0, evidenceFilesDeleted: 0 });
    expect(await auditRows()).toHaveLength(auditAfter.length);
  });

  it('`npm run retention` erases what is due and `npm run audit:verify` still says intact', async () => {
    const withdrawn = await withdrawnCase();
    // Closed 200 days ago (the database's own clock), so the real command with the default period erases it.
    await prisma.$executeRaw`UPDATE appeal_case SET closed_at = now() - interval '200 days' WHERE id = ${withdrawn.id}::uuid`;
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL, RETENTION_DAYS: '' };
    const tsx = path.resolve('node_modules/.bin/tsx');
    const retention = await run(tsx, ['--conditions=react-server', 'scripts/retention.ts'], { env, timeout: 60_000 });
    expect(retention.stdout).toMatch(/cases erased 1\b/);
    expect(await prisma.case.findFirstOrThrow({ where: { id: withdrawn.id } })).toMatchObject({
      mobile: null,
      withdrawalReason: null,
    });
    const verify = await run(tsx, ['--conditions=react-server', 'scripts/audit-verify.ts'], { env, timeout: 60_000 });
    expect(verify.stdout).toContain('审计链完整 / intact');
    expect(existsSync(evidenceStore())).toBe(true);
  }, 120_000);
});
