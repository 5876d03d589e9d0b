// The citizen's data rights against a real PostgreSQL (SPEC §17): requests are scoped (another citizen's case or
// another province's request is "not found" and nothing is written), refused when they cannot apply, answered by a
// supervisor with the change and its audit events in one transaction; an early erasure leaves nothing linking the
// case to the person; the copy of one's data is complete and audited; transient rows go after their periods.
import { beforeEach, describe, expect, it } from 'vitest';
import { minimalPdf } from '@/test/support/images';
import { withTemporaryEvidenceStore } from '@/test/support/evidence-store';
import { verifyAuditChains } from '@/lib/audit/verify';
import { fieldErrorsOf } from '@/lib/core/parse-input';
import { fileDataRequestSchema } from '@/lib/privacy/schemas';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { prisma } from '@/lib/db/client';
import { erasePersonalDataOfClosedCases } from '@/lib/retention/erase-personal-data';
import { resetCaseData } from '@/test/support/db';
import { createUser, residentId, validFiling, type TestUser } from '@/test/support/fixtures';
import { answerDataRequest } from './answer-data-request';
import { ERASED_ACCOUNT_NAME } from './erase-case';
import { exportPersonalData } from './export-personal-data';
import { fileDataRequest } from './file-data-request';
import { listDataRequestsForStaff, listMyDataRequests } from './queries';
import { OTP_KEEP_MINUTES, SMS_LOG_KEEP_DAYS } from './retention-periods';

const ID_NUMBER = residentId('340104', '19851212', '456');
const CASE_MOBILE = '13655554444';
const PDF = minimalPdf();
let citizen: TestUser;
let other: TestUser;
let supervisor: TestUser;
let outsiderSupervisor: TestUser;

withTemporaryEvidenceStore('data-rights-evidence-');

beforeEach(async () => {
  await resetCaseData();
  citizen = await createUser('CITIZEN');
  other = await createUser('CITIZEN');
  supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
  outsiderSupervisor = await createUser('SUPERVISOR', { provinceCode: '42' });
});

async function withdrawnCase(by: TestUser = citizen) {
  const { case: filed } = await submitAppeal(
    by,
    validFiling({ applicantName: '王小明', idNumber: ID_NUMBER, mobile: CASE_MOBILE }),
    [{ name: '考勤记录-王小明.pdf', bytes: PDF }],
  );
  return (await withdrawCase(by, { caseId: filed.id, expectedVersion: filed.version, reason: '我是王小明，已解决。' }))
    .case;
}

async function rowCounts() {
  const [requests, audit] = await Promise.all([prisma.dataRightsRequest.count(), prisma.auditEvent.count()]);
  return { requests, audit };
}

describe('data requests (real PostgreSQL)', () => {
  it('refuses what cannot apply and hides other people’s cases and other provinces’ requests', async () => {
    const closed = await withdrawnCase();
    const open = (await submitAppeal(citizen, validFiling())).case;
    const before = await rowCounts();
    await expect(fileDataRequest(other, { kind: 'ERASE_CASE', caseId: closed.id })).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    await expect(fileDataRequest(supervisor, { kind: 'ERASE_CASE', caseId: closed.id })).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    await expect(fileDataRequest(citizen, { kind: 'ERASE_CASE', caseId: open.id })).rejects.toMatchObject({
      fieldErrors: { _form: 'privacy.errors.caseNotClosed' },
    });
    // The action wrapper parses with the schema before the use case runs: a bad number or a smuggled field stops there.
    expect(
      fieldErrorsOf(
        fileDataRequestSchema.safeParse({ kind: 'CORRECT_CONTACT', caseId: open.id, newMobile: '12345' }).error!,
      ),
    ).toMatchObject({ newMobile: 'privacy.errors.mobileInvalid' });
    expect(
      fieldErrorsOf(
        fileDataRequestSchema.safeParse({ kind: 'ERASE_CASE', caseId: closed.id, status: 'COMPLETED' }).error!,
      ),
    ).toMatchObject({ _form: 'privacy.errors.unknownField' });
    expect(await rowCounts()).toEqual(before);

    const filed = await fileDataRequest(citizen, { kind: 'ERASE_CASE', caseId: closed.id, note: '请尽快删除' });
    expect(filed.dueAt.getTime() - Date.now()).toBeGreaterThan(14 * 86_400_000);
    await expect(fileDataRequest(citizen, { kind: 'ERASE_CASE', caseId: closed.id })).rejects.toMatchObject({
      fieldErrors: { _form: 'privacy.errors.requestPending' },
    });
    // The supervisors of the province were told, and see it in their queue; the other province sees nothing.
    expect(
      await prisma.notification.count({ where: { template: 'DATA_REQUEST_FILED', recipientUserId: supervisor.id } }),
    ).toBe(1);
    expect((await listDataRequestsForStaff(supervisor)).pending.map((row) => row.id)).toEqual([filed.id]);
    expect((await listDataRequestsForStaff(outsiderSupervisor)).pending).toEqual([]);
    const middle = await rowCounts();
    await expect(
      answerDataRequest(outsiderSupervisor, {
        requestId: filed.id,
        outcome: 'COMPLETED',
        answer: '已删除您的个人信息。',
      }),
    ).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await expect(
      answerDataRequest(citizen, { requestId: filed.id, outcome: 'COMPLETED', answer: '已删除您的个人信息。' }),
    ).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(await rowCounts()).toEqual(middle);
    expect((await prisma.dataRightsRequest.findFirstOrThrow({ where: { id: filed.id } })).status).toBe('PENDING');
  });

  it('erases a closed case early on request, leaving nothing that links it to the person', async () => {
    const closed = await withdrawnCase();
    const account = await prisma.user.findUniqueOrThrow({ where: { id: citizen.id } });
    // The province's record of this person's code, matched at filing, and one more under the same pseudonym.
    const assignment = await prisma.codeAssignment.create({
      data: {
        provinceCode: '34',
        recordId: 'R-1',
        personPseudonym: 'p-abc',
        colour: 'RED',
        reasonCode: 'SPATIOTEMPORAL_COMPANION',
        assignedAt: new Date(),
        issuingUnitCode: '340100',
        payloadHash: 'a'.repeat(64),
      },
    });
    await prisma.codeAssignment.create({
      data: { ...assignment, id: undefined, recordId: 'R-2', payloadHash: 'b'.repeat(64) },
    });
    await prisma.case.updateMany({ where: { id: closed.id }, data: { codeAssignmentId: assignment.id } });
    await prisma.otpChallenge.create({
      data: { purpose: 'SIGN_IN', mobile: account.mobile!, codeHash: 'x', expiresAt: new Date() },
    });
    await prisma.smsMessage.create({ data: { to: CASE_MOBILE, body: '申诉已受理', purpose: 'notification' } });

    const request = await fileDataRequest(citizen, { kind: 'ERASE_CASE', caseId: closed.id, note: '我是王小明' });
    const answered = await answerDataRequest(supervisor, {
      requestId: request.id,
      outcome: 'COMPLETED',
      answer: '已按您的请求删除该申诉的个人信息。',
    });
    expect(answered.status).toBe('COMPLETED');

    const row = await prisma.case.findFirstOrThrow({ where: { id: closed.id } });
    expect(row).toMatchObject({ applicantName: null, mobile: null, statement: '', codeAssignmentId: null });
    expect(row.personalDataErasedAt).not.toBeNull();
    expect(await prisma.codeAssignment.count({ where: { personPseudonym: 'p-abc' } })).toBe(0);
    expect(await prisma.otpChallenge.count({ where: { mobile: account.mobile! } })).toBe(0);
    // Only the answer's SMS remains for that number (no reference in it; the SMS log goes after SMS_LOG_KEEP_DAYS).
    expect((await prisma.smsMessage.findMany({ where: { to: CASE_MOBILE } })).map((sms) => sms.body)).toEqual([
      expect.not.stringContaining(closed.reference),
    ]);
    // No other case holds personal data: the account's number and the name made from it go, its sessions end.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: citizen.id } })).toMatchObject({
      mobile: null,
      displayName: ERASED_ACCOUNT_NAME,
    });
    const leftovers = JSON.stringify(
      await prisma.case.findMany({
        where: { id: closed.id },
        include: { evidence: true, informationRequests: true, notifications: true, dataRequests: true },
      }),
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    );
    for (const personal of [
      '王小明',
      CASE_MOBILE,
      account.mobile!,
      '考勤记录',
      'p-abc',
      ID_NUMBER,
      ID_NUMBER.slice(-4),
    ])
      expect(leftovers).not.toContain(personal);
    // The answer's SMS is not tied to the case.
    expect(await prisma.notification.count({ where: { template: 'DATA_REQUEST_ANSWERED', caseId: closed.id } })).toBe(
      0,
    );

    const events = await prisma.auditEvent.findMany({
      where: {
        caseId: closed.id,
        action: { in: ['DATA_REQUEST_FILED', 'PERSONAL_DATA_ERASED', 'DATA_REQUEST_ANSWERED'] },
      },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((event) => [event.action, event.actorRole, event.chain])).toEqual([
      ['DATA_REQUEST_FILED', 'CITIZEN', '34'],
      ['PERSONAL_DATA_ERASED', 'SUPERVISOR', '34'],
      ['DATA_REQUEST_ANSWERED', 'SUPERVISOR', '34'],
    ]);
    expect(JSON.stringify(events.map((event) => [event.before, event.after, event.reason]))).not.toContain('王小明');
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);

    // Answered once: a second answer is refused; retention later skips the erased case.
    await expect(
      answerDataRequest(supervisor, { requestId: request.id, outcome: 'REFUSED', answer: '重复答复。' }),
    ).rejects.toMatchObject({ fieldErrors: { _form: 'privacy.errors.alreadyAnswered' } });
    const later = await erasePersonalDataOfClosedCases({ now: new Date(Date.now() + 400 * 86_400_000) });
    expect(later.casesErased).toBe(0);
  });

  it('keeps the account number while another case still holds personal data', async () => {
    const closed = await withdrawnCase();
    await submitAppeal(citizen, validFiling());
    const request = await fileDataRequest(citizen, { kind: 'ERASE_CASE', caseId: closed.id });
    await answerDataRequest(supervisor, { requestId: request.id, outcome: 'COMPLETED', answer: '已删除个人信息。' });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: citizen.id } })).mobile).not.toBeNull();
  });

  it('corrects a contact number on completion and changes nothing on refusal', async () => {
    const open = (await submitAppeal(citizen, validFiling({ mobile: CASE_MOBILE }))).case;
    const first = await fileDataRequest(citizen, {
      kind: 'CORRECT_CONTACT',
      caseId: open.id,
      newMobile: '13800001111',
    });
    await answerDataRequest(supervisor, { requestId: first.id, outcome: 'REFUSED', answer: '无法核实新号码的归属。' });
    expect((await prisma.case.findFirstOrThrow({ where: { id: open.id } })).mobile).toBe(CASE_MOBILE);

    const second = await fileDataRequest(citizen, {
      kind: 'CORRECT_CONTACT',
      caseId: open.id,
      newMobile: '13800002222',
    });
    await answerDataRequest(supervisor, { requestId: second.id, outcome: 'COMPLETED', answer: '已更正联系电话。' });
    const after = await prisma.case.findFirstOrThrow({ where: { id: open.id } });
    expect(after.mobile).toBe('13800002222');
    expect(after.version).toBe(open.version + 1);
    const mine = await listMyDataRequests(citizen);
    expect(mine.map((row) => [row.status, row.newMobileMasked, row.answer])).toEqual([
      ['COMPLETED', '138****2222', '已更正联系电话。'],
      ['REFUSED', '138****1111', '无法核实新号码的归属。'],
    ]);
    expect(await listMyDataRequests(other)).toEqual([]);
    // The citizen is told in the app and by SMS at the new number.
    expect(
      await prisma.notification.count({ where: { template: 'DATA_REQUEST_ANSWERED', recipientUserId: citizen.id } }),
    ).toBe(2);
    expect(await prisma.smsMessage.count({ where: { to: '13800002222' } })).toBe(1);
  });

  it('gives a complete, audited copy of the citizen’s own data only', async () => {
    const closed = await withdrawnCase();
    await withdrawnCase(other);
    await fileDataRequest(citizen, { kind: 'ERASE_CASE', caseId: closed.id });
    const copy = await exportPersonalData(citizen);
    expect(copy.cases).toHaveLength(1);
    expect(copy.cases[0]).toMatchObject({
      reference: closed.reference,
      applicantName: '王小明',
      mobile: CASE_MOBILE,
      idNumberMasked: `${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`,
      withdrawalReason: '我是王小明，已解决。',
      evidence: [expect.objectContaining({ fileName: '考勤记录-王小明.pdf' })],
    });
    expect(JSON.stringify(copy)).not.toContain(ID_NUMBER);
    expect(copy.dataRequests).toEqual([expect.objectContaining({ kind: 'ERASE_CASE', status: 'PENDING' })]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'PERSONAL_DATA_EXPORTED' } });
    expect(event).toMatchObject({ chain: 'national', actorId: citizen.id, after: { cases: 1, dataRequests: 1 } });
  });
});

describe('transient rows (real PostgreSQL)', () => {
  it('deletes one-time codes minutes after expiry and SMS records after days', async () => {
    const now = new Date();
    const minutes = (n: number) => new Date(now.getTime() - n * 60_000);
    await prisma.otpChallenge.createMany({
      data: [
        { purpose: 'SIGN_IN', mobile: '13900000001', codeHash: 'x', expiresAt: minutes(OTP_KEEP_MINUTES + 1) },
        { purpose: 'SIGN_IN', mobile: '13900000002', codeHash: 'x', expiresAt: minutes(OTP_KEEP_MINUTES - 5) },
      ],
    });
    await prisma.smsMessage.createMany({
      data: [
        { to: '13900000001', body: 'old', purpose: 'x', createdAt: minutes((SMS_LOG_KEEP_DAYS * 24 + 1) * 60) },
        { to: '13900000002', body: 'new', purpose: 'x', createdAt: minutes((SMS_LOG_KEEP_DAYS * 24 - 1) * 60) },
      ],
    });
    const result = await erasePersonalDataOfClosedCases({ now });
    expect(result.transientRowsDeleted).toBe(2);
    expect((await prisma.otpChallenge.findMany()).map((row) => row.mobile)).toEqual(['13900000002']);
    expect((await prisma.smsMessage.findMany()).map((row) => row.body)).toEqual(['new']);
  });
});
