// The citizen's reads and the citizen's answer with files, against a real PostgreSQL: only their own case is found,
// the timeline is in plain kinds, the deadline shows its pause, a reply stores its (stripped) files, and the decision
// page shows first and second-level decisions.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { jpegWithGps, minimalPdf } from '@/test/support/images';
import { withTemporaryEvidenceStore } from '@/test/support/evidence-store';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { requestSecondReview } from '@/lib/cases/use-cases/request-second-review';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import {
  getCitizenCase,
  getCitizenDecisions,
  getFilingChoices,
  listCitizenCases,
  listIssuingUnits,
} from './citizen-queries';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { anhuiCaseCast, fileAndDecide } from '@/test/support/case-walks';
import { decideSecondReview } from '@/lib/cases/use-cases/decide-second-review';
import { startSecondReview } from '@/lib/cases/use-cases/start-second-review';
import { CaseNotFoundError, ValidationError } from '@/lib/core/errors';
import { replyToRequest } from '@/lib/cases/use-cases/reply-to-request';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';

const db = () => getPrisma();
const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';
const EXE = Uint8Array.from([
  0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00,
]);

const evidenceStore = withTemporaryEvidenceStore('evidence-');
let citizen: TestUser;
let reviewer: TestUser;

beforeEach(async () => {
  ({ citizen, reviewer } = await anhuiCaseCast());
});

async function awaitingReply() {
  const { case: filed } = await submitAppeal(citizen, validFiling());
  const { case: started } = await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version });
  const { case: asked } = await requestInformation(reviewer, {
    caseId: started.id,
    expectedVersion: started.version,
    message: '请补充当日的核酸检测报告。',
  });
  return asked;
}

async function storedFiles(): Promise<number> {
  const provinces = await readdir(evidenceStore()).catch(() => []);
  let count = 0;
  for (const province of provinces) count += (await readdir(path.join(evidenceStore(), province))).length;
  return count;
}

describe('filing choices', () => {
  it('offers the 31 provinces and the catalogue reasons except "no reason stated" (its own answer)', async () => {
    const choices = await getFilingChoices();
    expect(choices.provinces).toHaveLength(31);
    expect(choices.provinces.find((province) => province.code === '34')?.name).toBe('安徽省');
    expect(choices.reasons.map((reason) => reason.code)).not.toContain('NO_REASON_STATED');
    expect(choices.reasons.map((reason) => reason.code)).toContain('SPATIOTEMPORAL_COMPANION');
    expect(choices.privacyNoticeVersion).toBe('2026-01');
  });

  it('lists a province’s cities with their counties, and nothing for a malformed code', async () => {
    const anhui = await listIssuingUnits('34');
    const hefei = anhui.find((city) => city.code === '340100');
    expect(hefei?.name).toBe('合肥市');
    expect(hefei?.counties.length).toBeGreaterThan(3);
    expect(hefei?.counties.every((county) => county.code.startsWith('3401'))).toBe(true);
    const beijing = await listIssuingUnits('11');
    expect(beijing[0]?.name).toBe('北京市');
    expect(await listIssuingUnits('3')).toEqual([]);
  });
});

describe('the citizen’s case', () => {
  it('is found for its citizen only; a malformed id is simply not found', async () => {
    const { case: filed } = await submitAppeal(citizen, validFiling());
    const stranger = await createUser('CITIZEN');
    expect((await getCitizenCase(citizen, filed.id))?.reference).toBe(filed.reference);
    expect(await getCitizenCase(stranger, filed.id)).toBeNull();
    expect(await getCitizenCase(citizen, 'not-a-uuid')).toBeNull();
    expect(await listCitizenCases(stranger)).toEqual([]);
    expect((await listCitizenCases(citizen)).map((row) => row.id)).toEqual([filed.id]);
  });

  it('shows the timeline in plain kinds, the deadline paused while awaiting the citizen, and the open question', async () => {
    const asked = await awaitingReply();
    const view = await getCitizenCase(citizen, asked.id);
    expect(view?.timeline.map((entry) => entry.kind)).toEqual([
      'FILED',
      'ASSIGNED',
      'REVIEW_STARTED',
      'INFORMATION_REQUESTED',
    ]);
    expect(view?.deadline).toMatchObject({ paused: true, status: 'PAUSED', stage: 'FIRST_DECISION' });
    expect(view?.deadline?.explanation.zh).toContain('24 小时');
    expect(view?.openRequestId).not.toBeNull();
    expect(view?.canWithdraw).toBe(true);
    expect(view?.idNumberMasked).toMatch(/^3401\*{10}\d{3}[\dX]$/);
    expect(JSON.stringify(view)).not.toContain(reviewer.id);
  });
});

describe('replying with files', () => {
  it('stores the files as REPLY evidence without image metadata and resumes the clock', async () => {
    const asked = await awaitingReply();
    const { case: replied } = await replyToRequest(
      citizen,
      { caseId: asked.id, expectedVersion: asked.version, replyText: '报告见附件。' },
      [
        { name: 'report.pdf', bytes: minimalPdf() },
        { name: 'photo.jpg', bytes: await jpegWithGps() },
      ],
    );
    expect(replied.state).toBe('IN_REVIEW');
    const files = await db().evidence.findMany({ where: { caseId: asked.id }, orderBy: { fileName: 'asc' } });
    expect(files.map((file) => [file.fileName, file.kind])).toEqual([
      ['photo.jpg', 'REPLY'],
      ['report.pdf', 'REPLY'],
    ]);
    const view = await getCitizenCase(citizen, asked.id);
    expect(view?.deadline?.paused).toBe(false);
    expect(view?.timeline.at(-1)?.kind).toBe('CITIZEN_REPLIED');
    expect(view?.requests[0]?.replyText).toBe('报告见附件。');
    const event = await db().auditEvent.findFirstOrThrow({ where: { caseId: asked.id, action: 'CITIZEN_REPLIED' } });
    expect(event.after).toMatchObject({ evidenceFiles: 2 });
  });

  it('refuses a disguised file beside its position, changes nothing and keeps no file', async () => {
    const asked = await awaitingReply();
    const before = await storedFiles();
    const attempt = replyToRequest(
      citizen,
      { caseId: asked.id, expectedVersion: asked.version, replyText: '见附件。' },
      [
        { name: 'report.pdf', bytes: minimalPdf() },
        { name: 'virus.png', bytes: EXE },
      ],
    );
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { 'evidence.1': 'evidence.errors.typeNotAllowed' } });
    expect((await db().case.findFirstOrThrow({ where: { id: asked.id } })).state).toBe('AWAITING_CITIZEN');
    expect(await db().evidence.count({ where: { caseId: asked.id } })).toBe(0);
    expect(await storedFiles()).toBe(before);
  });

  it('turns away another citizen before any file is stored', async () => {
    const asked = await awaitingReply();
    const stranger = await createUser('CITIZEN');
    const before = await storedFiles();
    await expect(
      replyToRequest(stranger, { caseId: asked.id, replyText: '不是我的案件。' }, [
        { name: 'report.pdf', bytes: minimalPdf() },
      ]),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await storedFiles()).toBe(before);
    expect((await db().case.findFirstOrThrow({ where: { id: asked.id } })).version).toBe(asked.version);
  });

  it('removes the stored files when the reply itself is refused (no open question)', async () => {
    const { case: filed } = await submitAppeal(citizen, validFiling());
    const before = await storedFiles();
    await expect(
      replyToRequest(citizen, { caseId: filed.id, replyText: '补充。' }, [{ name: 'report.pdf', bytes: minimalPdf() }]),
    ).rejects.toThrow();
    expect(await storedFiles()).toBe(before);
  });
});

describe('the decision page', () => {
  it('has no page before a decision, then the decision with its rule and the second-review window', async () => {
    const { case: filed } = await submitAppeal(citizen, validFiling());
    expect(await getCitizenDecisions(citizen, filed.id)).toBeNull();
    const { case: started } = await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version });
    const { case: done } = await decideCase(reviewer, {
      caseId: started.id,
      expectedVersion: started.version,
      outcome: 'REVOKED',
      ruleCode: 'SPATIOTEMPORAL_COMPANION',
      reasons: REASONS,
    });
    const stranger = await createUser('CITIZEN');
    expect(await getCitizenDecisions(stranger, done.id)).toBeNull();

    const view = await getCitizenDecisions(citizen, done.id);
    expect(view?.decisions).toHaveLength(1);
    expect(view?.decisions[0]).toMatchObject({
      level: 'FIRST',
      outcome: 'REVOKED',
      reasons: REASONS,
      rule: { code: 'SPATIOTEMPORAL_COMPANION', nameZh: '时空伴随者' },
    });
    expect(view?.canRequestSecondReview).toBe(true);
    expect((await getCitizenCase(citizen, done.id))?.canWithdraw).toBe(false);

    // After the 15 days the button is gone.
    const late = new Date(done.secondReviewDeadlineAt!.getTime() + 1000);
    expect((await getCitizenDecisions(citizen, done.id, late))?.canRequestSecondReview).toBe(false);
  });

  it('shows both decisions after a second-level review, the second one last', async () => {
    const done = await fileAndDecide(citizen, reviewer, { outcome: 'UPHELD', ruleCode: 'CLOSE_CONTACT' });
    const { case: requested } = await requestSecondReview(citizen, {
      caseId: done.id,
      reason: '我当天不在合肥，请求复核。',
    });
    const underReview = await getCitizenDecisions(citizen, done.id);
    expect(underReview?.secondReviewRequestedAt).toBeInstanceOf(Date);
    expect(underReview?.secondReviewDueAt).toEqual(requested.dueAt);
    expect(underReview?.canRequestSecondReview).toBe(false);

    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    const { case: taken } = await startSecondReview(supervisor, {
      caseId: done.id,
      expectedVersion: requested.version,
    });
    await decideSecondReview(supervisor, {
      caseId: done.id,
      expectedVersion: taken.version,
      outcome: 'REVOKED',
      ruleCode: 'CLOSE_CONTACT',
      reasons: REASONS,
    });
    const final = await getCitizenDecisions(citizen, done.id);
    expect(final?.decisions.map((decision) => [decision.level, decision.outcome])).toEqual([
      ['FIRST', 'UPHELD'],
      ['SECOND', 'REVOKED'],
    ]);
    const timeline = (await getCitizenCase(citizen, done.id))?.timeline.map((entry) => entry.kind);
    expect(timeline?.slice(-3)).toEqual(['SECOND_REVIEW_REQUESTED', 'SECOND_REVIEW_STARTED', 'SECOND_REVIEW_DECIDED']);
  });

  it('a withdrawn case has no deadline and cannot be withdrawn again', async () => {
    const { case: filed } = await submitAppeal(citizen, validFiling());
    await withdrawCase(citizen, { caseId: filed.id });
    const view = await getCitizenCase(citizen, filed.id);
    expect(view?.deadline).toBeNull();
    expect(view?.canWithdraw).toBe(false);
    expect(view?.timeline.at(-1)?.kind).toBe('WITHDRAWN');
  });
});
