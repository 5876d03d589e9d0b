// The citizen journey end to end on a 390 px phone screen: file a red-code appeal with two evidence files through the
// wizard (changing one answer on the check page), see the confirmation, download the evidence; a reviewer decides it
// (through the engine); another citizen gets 404 for the case, its evidence and its decision and changes nothing; the
// citizen reads the decision and asks for a second-level review. A foreigner without a Chinese ID card files with a
// passport.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { seriousAccessibilityViolations, sidewaysOverflow } from '../helpers/accessibility';
import { queryCount, queryRows } from '../helpers/database';
import { signInAsCitizen } from '../helpers/sign-in';
import {
  answerContactStep,
  answerDocumentStep,
  answerEvidenceStep,
  answerIdentityStep,
  answerPrivacyStep,
  answerUpToEvidence,
  BASE_URL,
  captureNextAction,
  citizenContext,
  continueWizard,
  decideThroughEngine,
  DOCUMENT_LABELS,
  expectStep,
  fillWizard,
  pdfFile,
  pngFile,
  replayAction,
  startNewFiling,
  STATEMENT,
  STEP_HEADINGS,
} from './citizen-helpers';

const OWNER = '13900000041';
const OUTSIDER = '13900000042';
const FOREIGNER = '13900000044';
const PASSPORT_NUMBER = 'G98765432';
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: 'serial' });

let owner: { context: BrowserContext; page: Page; storageState: string };
let outsider: { context: BrowserContext; page: Page; storageState: string };
let caseId = '';
let reference = '';
let evidenceIds: string[] = [];
let decisionReasons = '';

test.beforeAll(async ({ browser }) => {
  owner = await citizenContext(
    () => browser.newContext({ baseURL: BASE_URL, viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    signInAsCitizen,
    OWNER,
  );
  outsider = await citizenContext(
    () => browser.newContext({ baseURL: BASE_URL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    signInAsCitizen,
    OUTSIDER,
  );
});

test.afterAll(async () => {
  await owner?.context.close();
  await outsider?.context.close();
});

async function fitsThePhone(page: Page): Promise<void> {
  const overflow = await sidewaysOverflow(page);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function caseSnapshot(id: string) {
  const [row] = await queryRows<{ state: string; version: number; updated_at: Date }>(
    'SELECT state, version, updated_at FROM appeal_case WHERE id = $1',
    [id],
  );
  return {
    row,
    events: await queryCount('SELECT count(*) FROM audit_event WHERE case_id = $1', [id]),
    evidence: await queryCount('SELECT count(*) FROM evidence WHERE case_id = $1', [id]),
    decisions: await queryCount('SELECT count(*) FROM decision WHERE case_id = $1', [id]),
  };
}

test('a citizen files a red-code appeal with two evidence files through the wizard', async () => {
  const { page } = owner;
  await page.goto('/my-cases');
  await page.getByTestId('new-appeal').click();
  await expect(page).toHaveURL('/my-cases/new');
  await fillWizard(page, { files: [await pngFile(), pdfFile()] });
  await fitsThePhone(page);

  // The mobile number defaulted to the signed-in citizen's own.
  await expect(page.getByTestId('answer-mobile')).toContainText(OWNER);
  await expect(page.getByTestId('answer-evidence')).toContainText('核酸报告.png');
  await expect(page.getByTestId('answer-evidence')).toContainText('行程记录.pdf');

  // "Change" opens the step with the answer kept, and comes back to the check page.
  await page.getByRole('button', { name: '修改：情况说明' }).click();
  await expect(page.getByLabel('请说明情况')).toHaveValue(STATEMENT);
  await page.getByLabel('请说明情况').fill(`${STATEMENT}另附当日核酸阴性报告。`);
  await page.getByRole('button', { name: '保存并返回核对页' }).click();
  await expect(page.getByTestId('wizard-heading')).toHaveText('提交前请核对您的信息');
  await expect(page.getByTestId('answer-statement')).toContainText('另附当日核酸阴性报告。');

  // A double click files one case.
  const before = await queryCount(
    'SELECT count(*) FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id WHERE u.mobile = $1',
    [OWNER],
  );
  expect(before).toBe(0);
  await page.getByTestId('submit-appeal').dblclick();
  await expect(page).toHaveURL(/\/my-cases\/[0-9a-f-]{36}\/confirmation$/);
  caseId = /\/my-cases\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';

  const [filed] = await queryRows<{
    reference: string;
    state: string;
    colour: string;
    due_at: Date;
    mobile: string;
    privacy_notice_version: string;
  }>('SELECT reference, state, colour, due_at, mobile, privacy_notice_version FROM appeal_case WHERE id = $1', [
    caseId,
  ]);
  if (!filed) throw new Error('the case was not filed');
  reference = filed.reference;
  expect(
    await queryCount('SELECT count(*) FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id WHERE u.mobile = $1', [
      OWNER,
    ]),
  ).toBe(1);
  expect(filed).toMatchObject({ colour: 'RED', mobile: OWNER, privacy_notice_version: '2026-01' });
  const files = await queryRows<{ id: string; file_name: string; mime_type: string }>(
    'SELECT id, file_name, mime_type FROM evidence WHERE case_id = $1 ORDER BY file_name',
    [caseId],
  );
  expect(files.map((file) => [file.file_name, file.mime_type]).sort()).toEqual([
    ['核酸报告.png', 'image/png'],
    ['行程记录.pdf', 'application/pdf'],
  ]);
  evidenceIds = files.map((file) => file.id);

  // Confirmation: the reference, the deadline in Asia/Shanghai, how to check, and the SMS.
  await expect(page.getByTestId('confirmation-reference')).toHaveText(reference);
  const due = new Intl.DateTimeFormat('zh-CN', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(filed.due_at);
  await expect(page.getByTestId('confirmation-deadline')).toContainText(due);
  await expect(page.getByText('我们已向 139****0041 发送短信')).toBeVisible();
  await expect(page.getByRole('link', { name: '查询申诉进度' })).toHaveAttribute('href', '/status');
  await expect(page.getByRole('link', { name: '我的申诉' }).last()).toHaveAttribute('href', '/my-cases');
  // Sent right after the answer (lib/core/after-response.ts), so it may land a moment after the page.
  await expect
    .poll(() =>
      queryCount("SELECT count(*) FROM sms_message WHERE \"to\" = $1 AND body LIKE '%' || $2 || '%'", [
        OWNER,
        reference,
      ]),
    )
    .toBe(1);
  await fitsThePhone(page);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('the case page shows the plain-words timeline, the deadline and the evidence as private attachments', async () => {
  const { page } = owner;
  await page.goto('/my-cases');
  await page.getByRole('link', { name: `查看详情 ${reference}` }).click();
  await expect(page).toHaveURL(`/my-cases/${caseId}`);
  await expect(page.getByTestId('case-heading')).toContainText(reference);
  await expect(page.getByTestId('timeline-entry').first()).toContainText('您提交了申诉');
  await expect(page.getByTestId('deadline')).toContainText('应在');
  await expect(page.getByTestId('evidence-download')).toHaveCount(2);
  await fitsThePhone(page);

  for (const id of evidenceIds) {
    const response = await page.request.get(`/evidence/${id}`);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-disposition']).toMatch(/^attachment; filename="evidence\.(png|pdf)"; filename\*=UTF-8''/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toContain('no-store');
    expect(['image/png', 'application/pdf']).toContain(headers['content-type']);
  }
});

test('a reviewer decides the case (through the engine, as its assigned reviewer)', async () => {
  decisionReasons = decideThroughEngine(reference, 'REVOKED').reasons;
  const [row] = await queryRows<{ state: string }>('SELECT state FROM appeal_case WHERE id = $1', [caseId]);
  expect(row?.state).toBe('DECIDED');
});

test('another citizen gets 404 for the case page, its evidence and its decision, and nothing changes', async () => {
  const { page } = outsider;
  const before = await caseSnapshot(caseId);
  for (const path of [
    `/my-cases/${caseId}`,
    `/my-cases/${caseId}/decision`,
    `/my-cases/${caseId}/withdraw`,
    `/my-cases/${caseId}/confirmation`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '找不到该页面' })).toBeVisible();
    await expect(page.getByText(reference)).toHaveCount(0);
  }
  for (const id of evidenceIds) {
    const response = await page.request.get(`/evidence/${id}`);
    expect(response.status()).toBe(404);
    expect(response.headers()['content-disposition']).toBeUndefined();
  }
  // Signed out: the same 404.
  const anonymous = await page.context().browser()!.newContext({ baseURL: BASE_URL });
  expect((await anonymous.request.get(`/evidence/${evidenceIds[0]}`)).status()).toBe(404);
  await anonymous.close();
  expect(await caseSnapshot(caseId)).toEqual(before);
});

test('the citizen reads the decision and asks for a second-level review; an outsider’s replay of that request changes nothing', async () => {
  const { page } = owner;
  await page.goto(`/my-cases/${caseId}`);
  await expect(page.getByTestId('case-status')).toHaveText('已有处理决定');
  await expect(page.getByTestId('decision-summary')).toContainText('撤销赋码，恢复绿码');
  await page.getByTestId('view-decision').click();
  await expect(page).toHaveURL(`/my-cases/${caseId}/decision`);
  await expect(page.getByTestId('decision-FIRST').getByTestId('decision-outcome')).toHaveText('撤销赋码，恢复绿码');
  await expect(page.getByTestId('decision-FIRST').getByTestId('decision-reasons')).toHaveText(decisionReasons);
  await expect(page.getByTestId('decision-FIRST')).toContainText('时空伴随者');
  await expect(page.getByTestId('route-reconsideration')).toContainText('申请行政复议');
  await expect(page.getByText('提起行政诉讼')).toBeVisible();
  await expect(page.getByRole('button', { name: '打印本页' })).toBeVisible();
  // On paper only the decision remains (a stylesheet, since the CSP refuses inline styles; reached by client navigation).
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('body > header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印本页' })).toBeHidden();
  await expect(page.getByTestId('decision-FIRST')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await fitsThePhone(page);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // Too short a reason is refused beside the field.
  await page.getByLabel('申请复核的理由').fill('不同意');
  await page.getByRole('button', { name: '申请复核' }).click();
  await expect(page.locator('#secondReview-reason-error')).toHaveText('请用至少 10 个字说明申请复核的理由。');

  // The request the page sends, replayed by another citizen and by nobody, is refused and changes nothing.
  await page.getByLabel('申请复核的理由').fill('我当天在芜湖上班，考勤记录可以证明，不同意原决定依据的时空伴随判断。');
  const captured = captureNextAction(page, (headers) => !String(headers['content-type']).startsWith('multipart/'));
  await page.getByRole('button', { name: '申请复核' }).click();
  const request = await captured;
  const before = await caseSnapshot(caseId);
  for (const storageState of [outsider.storageState, undefined]) {
    const { text } = await replayAction(request, storageState);
    expect(text).toContain('"ok":false');
    expect(text).not.toContain('"ok":true');
  }
  expect(await caseSnapshot(caseId)).toEqual(before);

  // Now for real.
  await page.goto(`/my-cases/${caseId}/decision`);
  await page.getByLabel('申请复核的理由').fill('我当天在芜湖上班，考勤记录可以证明，不同意原决定依据的时空伴随判断。');
  await page.getByRole('button', { name: '申请复核' }).click();
  await expect(page.getByTestId('second-review-requested')).toBeVisible();
  const [row] = await queryRows<{ state: string; second_review_reason: string }>(
    'SELECT state, second_review_reason FROM appeal_case WHERE id = $1',
    [caseId],
  );
  expect(row?.state).toBe('SECOND_REVIEW_REQUESTED');
  expect(row?.second_review_reason).toContain('考勤记录');
  await page.goto(`/my-cases/${caseId}`);
  await expect(page.getByTestId('case-status')).toHaveText('已收到您的复核申请');
  await expect(page.getByTestId('timeline-entry').last()).toContainText('您申请了复核');
  await expect(page.getByTestId('deadline')).toContainText('复核应在');
});

test('a foreigner without a Chinese ID card files with a passport on a phone', async ({ browser }) => {
  const foreigner = await citizenContext(
    () => browser.newContext({ baseURL: BASE_URL, viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    signInAsCitizen,
    FOREIGNER,
  );
  try {
    const { page } = foreigner;
    await startNewFiling(page);
    await answerUpToEvidence(page);
    await answerEvidenceStep(page);
    // The document question is answered before the number, and nothing is chosen for the person.
    await expectStep(page, STEP_HEADINGS.document);
    await expect(page.getByLabel(DOCUMENT_LABELS.PASSPORT)).not.toBeChecked();
    await expect(page.getByLabel(DOCUMENT_LABELS.RESIDENT_ID)).not.toBeChecked();
    await continueWizard(page);
    await expect(page.getByTestId('error-summary')).toContainText('请选择证件类型：身份证件或护照。');
    await answerDocumentStep(page, 'PASSPORT');
    // A passport number is checked as one (a name typed into the field is not), not as a resident ID.
    await answerIdentityStep(page, 'PETERSON', true);
    await expect(page.locator('#filing-idNumber-error')).toHaveText('护照号码应为 5 至 17 位字母和数字。');
    await fitsThePhone(page);
    await page.getByLabel('护照号码').fill(PASSPORT_NUMBER);
    await continueWizard(page);
    await answerContactStep(page);
    await answerPrivacyStep(page);
    await expectStep(page, STEP_HEADINGS.check);
    await expect(page.getByTestId('answer-document')).toContainText('护照');
    await expect(page.getByTestId('answer-idNumber')).toContainText('护照号码');
    await expect(page.getByTestId('answer-idNumber')).toContainText(PASSPORT_NUMBER);
    await fitsThePhone(page);

    await page.getByTestId('submit-appeal').click();
    await expect(page).toHaveURL(/\/my-cases\/[0-9a-f-]{36}\/confirmation$/);
    const id = /\/my-cases\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
    const [filed] = await queryRows<{ id_number_masked: string; id_number_cipher: string }>(
      'SELECT id_number_masked, id_number_cipher FROM appeal_case WHERE id = $1',
      [id],
    );
    // Masked and encrypted like a resident ID: the number itself is nowhere in the row.
    expect(filed?.id_number_masked).toBe('G9*****32');
    expect(filed?.id_number_cipher).not.toContain(PASSPORT_NUMBER);
  } finally {
    await foreigner.context.close();
  }
});
