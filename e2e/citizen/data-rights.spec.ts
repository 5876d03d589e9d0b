// The citizen's rights over their data (SPEC §17), end to end on a phone-sized screen: a fresh citizen with a closed
// appeal reads the copy of their data, downloads it as JSON, asks (after a refused bad number) for the appeal's data
// to be erased early; another province's supervisor does not see the request; the case province's supervisor answers
// it, and the case and account keep nothing personal. The privacy notice names the body responsible per province, in
// both languages.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryRows } from '../helpers/database';
import { signInAsCitizen, STORAGE_STATE } from '../helpers/sign-in';
import { BASE_URL, captureNextAction, replayAction, runHelper, type CapturedAction } from './citizen-helpers';

const PHONE = { width: 390, height: 844 };
const MOBILE = `1370017${String(Date.now()).slice(-4)}`;

function closedCaseFor(mobile: string): { id: string; reference: string } {
  return runHelper('e2e/helpers/closed-case.ts', [mobile, '陈静'], 'id');
}

async function requestsOf(caseId: string): Promise<{ status: string }[]> {
  return queryRows<{ status: string }>('SELECT status::text AS status FROM data_rights_request WHERE case_id = $1', [
    caseId,
  ]);
}

async function refusedFromOutside(captured: CapturedAction, storageState: string): Promise<void> {
  for (const state of [storageState, undefined]) {
    const { text } = await replayAction(captured, state);
    expect(text).toContain('"ok":false');
    expect(text).not.toContain('"ok":true');
  }
}

async function fitsThePhone(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a citizen downloads their data and has a closed appeal erased early by the province’s supervisor', async ({
  browser,
}) => {
  const citizenContext = await browser.newContext({ viewport: PHONE });
  const page = await citizenContext.newPage();
  await signInAsCitizen(page, MOBILE);
  await page.waitForURL('**/my-cases');
  const closed = closedCaseFor(MOBILE);

  await page.goto('/account');
  await page.getByTestId('my-data-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的个人信息');
  const copy = page.getByTestId('copy-case');
  await expect(copy).toHaveCount(1);
  await expect(copy).toContainText(closed.reference);
  await expect(copy).toContainText('陈静');
  await expect(copy).toContainText('3401**********1235');
  await fitsThePhone(page);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-json').click();
  const download = await downloading;
  const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    account: { mobile: string };
    cases: { reference: string; applicantName: string; statement: string }[];
  };
  expect(json.account.mobile).toBe(MOBILE);
  expect(json.cases).toEqual([expect.objectContaining({ reference: closed.reference, applicantName: '陈静' })]);
  expect(JSON.stringify(json)).not.toContain('340104199003071235');

  await page.getByTestId('new-data-request').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('提出更正或删除请求');
  await fitsThePhone(page);
  // A bad number is refused in Chinese, beside its field.
  await page.getByLabel('新的联系电话').fill('12345');
  await page.getByRole('button', { name: '提交请求' }).click();
  await expect(page.locator('#request-mobile-error')).toHaveText('请输入 11 位中国大陆手机号码，例如 13812345678。');
  await page.getByLabel('提前删除已办结申诉的个人信息').check();
  await page.getByLabel('补充说明（选填）').fill('申诉已撤回，请删除我的信息。');
  // The request the page sends, replayed by another citizen and by nobody, is refused and writes nothing.
  const capturedRequest = captureNextAction(page, () => true);
  await page.getByRole('button', { name: '提交请求' }).click();
  await refusedFromOutside(await capturedRequest, STORAGE_STATE.citizenB);
  expect(await requestsOf(closed.id)).toEqual([]);
  await page.getByRole('button', { name: '提交请求' }).click();
  await expect(page.getByTestId('done-banner')).toHaveText('请求已提交，我们会在期限内答复。');
  await expect(page.getByTestId('my-data-request')).toContainText('提前删除个人信息');
  await expect(page.getByTestId('request-status')).toHaveText('办理中');

  // Another province's supervisor does not see it.
  const henan = await browser.newContext({ storageState: STORAGE_STATE.supervisorY, viewport: PHONE });
  const henanPage = await henan.newPage();
  await henanPage.goto('/supervise/data-requests');
  await expect(henanPage.getByRole('heading', { level: 1 })).toHaveText('个人信息权利请求');
  await expect(henanPage.getByText(closed.reference)).toHaveCount(0);
  await henan.close();

  const anhui = await browser.newContext({ storageState: STORAGE_STATE.supervisor, viewport: PHONE });
  const staff = await anhui.newPage();
  await staff.goto('/supervise/data-requests');
  const item = staff.getByTestId('pending-data-request').filter({ hasText: closed.reference });
  await expect(item).toContainText('申诉已撤回，请删除我的信息。');
  await fitsThePhone(staff);
  expect(await seriousAccessibilityViolations(staff)).toEqual([]);
  await item.getByRole('button', { name: '提交答复' }).click();
  await expect(item.getByText('答复至少 5 个字，请说明办理情况或不予支持的理由。')).toBeVisible();
  await item.getByLabel('给公民的答复').fill('已按您的请求删除该申诉的个人信息。');
  // Replayed by the other province's supervisor and by nobody: refused, the request still waits, the case unchanged.
  const capturedAnswer = captureNextAction(staff, () => true);
  await item.getByRole('button', { name: '提交答复' }).click();
  await refusedFromOutside(await capturedAnswer, STORAGE_STATE.supervisorY);
  expect((await requestsOf(closed.id)).map((row) => row.status)).toEqual(['PENDING']);
  expect(
    await queryRows('SELECT id FROM appeal_case WHERE id = $1 AND personal_data_erased_at IS NULL', [closed.id]),
  ).toHaveLength(1);
  await item.getByRole('button', { name: '提交答复' }).click();
  await expect(staff.getByTestId('answered-data-request').filter({ hasText: closed.reference }).first()).toContainText(
    '已办结',
  );
  await anhui.close();

  const [erased] = await queryRows<{ name: string | null; mobile: string | null; statement: string; erased: Date }>(
    'SELECT applicant_name AS name, mobile, statement, personal_data_erased_at AS erased FROM appeal_case WHERE id = $1',
    [closed.id],
  );
  expect(erased).toMatchObject({ name: null, mobile: null, statement: '' });
  expect(erased?.erased).toBeTruthy();
  // It was the citizen's only case: the account's number is gone too, and the session with it.
  expect(await queryRows('SELECT id FROM app_user WHERE mobile = $1', [MOBILE])).toEqual([]);
  const [event] = await queryRows<{ actor_role: string }>(
    "SELECT actor_role FROM audit_event WHERE case_id = $1 AND action = 'PERSONAL_DATA_ERASED'",
    [closed.id],
  );
  expect(event?.actor_role).toBe('SUPERVISOR');
  await citizenContext.close();
});

for (const language of [
  { locale: 'zh-CN', title: '个人信息处理告知书', body: '安徽省卫生健康委员会', rights: '您的权利', show: '查看' },
  { locale: 'en', title: 'Privacy notice', body: 'Health Commission of Anhui', rights: 'Your rights', show: 'Show' },
]) {
  test(`the privacy notice names the responsible body per province (${language.locale})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: language.locale, url: BASE_URL }]);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: language.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(language.title);
    await expect(page.getByTestId('notice-version')).toContainText('2026-12');
    await page.locator('#notice-province').selectOption('34');
    await page.getByRole('button', { name: language.show }).click();
    await expect(page.getByTestId('notice-controller')).toContainText(language.body);
    await expect(page.getByTestId('notice-controller')).toContainText('12345');
    await expect(page.getByRole('heading', { name: language.rights })).toBeVisible();
    await fitsThePhone(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The earlier version stays readable by its number.
    await page.goto('/privacy?version=2026-01');
    await expect(page.getByTestId('notice-version')).toContainText('2026-01');
    await context.close();
  });
}
