// Wrong inputs in the filing wizard: a bad ID check digit, a future date, a 6 MB file (refused in the browser) and an
// .exe renamed .png (refused by the server from its content) each get a clear message beside the field, nothing else
// entered is lost, and nothing is filed. A direct POST of the filing action without a session is refused too.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { queryCount } from '../helpers/database';
import { signInAsCitizen } from '../helpers/sign-in';
import {
  answerAssignedAtStep,
  answerColourStep,
  answerContactStep,
  answerEvidenceStep,
  answerDocumentStep,
  answerIdentityStep,
  answerTypeStep,
  answerUpToEvidence,
  BAD_CHECK_DIGIT_ID,
  BASE_URL,
  captureNextAction,
  citizenContext,
  exeRenamedPng,
  expectStep,
  fillWizard,
  pdfFile,
  replayAction,
  shanghaiLocal,
  sixMegabytePng,
  startNewFiling,
  STATEMENT,
  STEP_HEADINGS,
  VALID_ID,
} from './citizen-helpers';

const CITIZEN = '13900000043';

test.describe.configure({ mode: 'serial' });

let session: { context: BrowserContext; page: Page; storageState: string };

test.beforeAll(async ({ browser }) => {
  session = await citizenContext(
    () => browser.newContext({ baseURL: BASE_URL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    signInAsCitizen,
    CITIZEN,
  );
});

test.afterAll(async () => {
  await session?.context.close();
});

const casesOfCitizen = () =>
  queryCount('SELECT count(*) FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id WHERE u.mobile = $1', [
    CITIZEN,
  ]);

test('a date in the future is refused beside the date field', async () => {
  const { page } = session;
  await startNewFiling(page);
  await answerTypeStep(page);
  await answerColourStep(page);
  await answerAssignedAtStep(page, shanghaiLocal(48));
  await expectStep(page, STEP_HEADINGS.assignedAt);
  await expect(page.locator('#filing-codeAssignedAt-error')).toHaveText('赋码时间不能晚于现在。');
  await expect(page.getByLabel('赋码日期和时间')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('error-summary')).toContainText('赋码时间不能晚于现在。');
  // The error is announced and focused; the earlier answers are kept.
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await page.getByRole('button', { name: '返回上一步' }).click();
  await expectStep(page, STEP_HEADINGS.colour);
  await expect(page.getByLabel('红码', { exact: true })).toBeChecked();
  await page.getByTestId('continue').click();
  await expectStep(page, STEP_HEADINGS.assignedAt);
  await page.getByLabel('赋码日期和时间').fill(shanghaiLocal(-3));
  await page.getByTestId('continue').click();
  await expectStep(page, STEP_HEADINGS.issuer);
  expect(await casesOfCitizen()).toBe(0);
});

test('an ID number with a wrong check digit is refused beside the ID field', async () => {
  const { page } = session;
  await startNewFiling(page);
  await answerUpToEvidence(page);
  await answerEvidenceStep(page);
  await answerDocumentStep(page);
  await answerIdentityStep(page, BAD_CHECK_DIGIT_ID);
  await expectStep(page, STEP_HEADINGS.identity);
  await expect(page.locator('#filing-idNumber-error')).toHaveText('身份证号码校验位不正确，请核对后重新输入。');
  await expect(page.getByLabel('居民身份证号码')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('姓名')).toHaveValue('张伟');
  // Going back keeps every earlier answer.
  for (const step of ['document', 'evidence', 'relief', 'outcome', 'statement'] as const) {
    await page.getByRole('button', { name: '返回上一步' }).click();
    await expectStep(page, STEP_HEADINGS[step]);
  }
  await expect(page.getByLabel('请说明情况')).toHaveValue(STATEMENT);
  await page.getByRole('button', { name: '返回上一步' }).click();
  await expectStep(page, STEP_HEADINGS.grounds);
  await expect(page.getByLabel('从未到过相关地点')).toBeChecked();
  expect(await casesOfCitizen()).toBe(0);
});

test('a 6 MB file is refused in the browser, beside the file', async () => {
  const { page } = session;
  await startNewFiling(page);
  await answerUpToEvidence(page);
  await expectStep(page, STEP_HEADINGS.evidence);
  await page.locator('#evidence-input').setInputFiles([pdfFile(), sixMegabytePng()]);
  const big = page.getByTestId('evidence-item').filter({ hasText: '大图片.png' });
  await expect(big.getByTestId('field-error')).toHaveText('每个文件不能超过 5 MB。');
  await expect(
    page.getByTestId('evidence-item').filter({ hasText: '行程记录.pdf' }).getByTestId('field-error'),
  ).toHaveCount(0);
  await page.getByTestId('continue').click();
  await expectStep(page, STEP_HEADINGS.evidence);
  await expect(page.getByTestId('error-summary')).toContainText('大图片.png：每个文件不能超过 5 MB。');
  // Removing the file lets the person go on with everything else kept.
  await page.getByRole('button', { name: '删除文件 大图片.png' }).click();
  await page.getByTestId('continue').click();
  await answerDocumentStep(page);
  await answerIdentityStep(page);
  await answerContactStep(page);
  await expectStep(page, STEP_HEADINGS.privacy);
  expect(await casesOfCitizen()).toBe(0);
});

test('an .exe renamed .png is refused by the server from its content, beside the file, and nothing is filed', async () => {
  const { page } = session;
  await fillWizard(page, { files: [pdfFile(), exeRenamedPng()] });
  await page.getByTestId('submit-appeal').click();
  await expectStep(page, STEP_HEADINGS.evidence);
  const disguised = page.getByTestId('evidence-item').filter({ hasText: 'setup.png' });
  await expect(disguised.getByTestId('field-error')).toHaveText('只接受 PDF、JPEG 或 PNG 文件。');
  await expect(page.getByTestId('error-summary')).toContainText('setup.png：只接受 PDF、JPEG 或 PNG 文件。');
  expect(await casesOfCitizen()).toBe(0);

  // Nothing else is lost: remove the file, go back to the answers, and they are all still there.
  await page.getByRole('button', { name: '删除文件 setup.png' }).click();
  await page.getByTestId('continue').click();
  await expectStep(page, STEP_HEADINGS.check);
  await expect(page.getByTestId('answer-statement')).toContainText(STATEMENT);
  await expect(page.getByTestId('answer-idNumber')).toContainText(VALID_ID);
  await expect(page.getByTestId('answer-evidence')).toContainText('行程记录.pdf');
  await expect(page.getByTestId('answer-evidence')).not.toContainText('setup.png');
});

test('the filing action replayed without a session is refused and files nothing', async () => {
  const { page } = session;
  await fillWizard(page, { files: [pdfFile()] });
  const captured = captureNextAction(page, (headers) =>
    String(headers['content-type']).startsWith('multipart/form-data'),
  );
  await page.getByTestId('submit-appeal').click();
  const request = await captured;
  expect(request.headers['next-action']).toBeTruthy();
  expect(request.body.toString('utf8')).toContain('idempotencyKey');
  // The browser's own request never reached the server; the wizard says so and keeps everything.
  await expect(page.getByTestId('submit-error')).toBeVisible();

  const { response, text } = await replayAction(request);
  expect(response.status()).toBeLessThan(500);
  expect(text).toContain('"ok":false');
  expect(text).not.toContain('"ok":true');
  expect(text).not.toContain('caseId');
  const key = /"idempotencyKey":"([0-9a-f-]{36})"/.exec(request.body.toString('utf8'))?.[1];
  expect(key).toBeTruthy();
  expect(await queryCount('SELECT count(*) FROM appeal_case WHERE idempotency_key = $1', [key])).toBe(0);
  expect(await casesOfCitizen()).toBe(0);
});
