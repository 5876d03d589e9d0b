// A reviewer's day in one case (Shanghai): the most urgent pool case is at the top; claim it, start the review, ask the
// appellant for information (the clock pauses), the appellant answers on their own page (the clock runs again), decide
// with reasons; the case screen's history shows every step exactly as the audit table holds it.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { queryRows } from '../helpers/database';
import { signInAsCitizen, signInAsStaff, STORAGE_STATE } from '../helpers/sign-in';
import { auditActions, poolInUrgencyOrder } from './reviewer-data';

const REVIEWER = 'reviewer-sh-1';
const PROVINCE = '31';
/** Citizens the setup project has already signed in (no new one-time code needed). */
const SIGNED_IN: Record<string, string> = {
  '13800000001': STORAGE_STATE.citizen,
  '13800000003': STORAGE_STATE.citizenB,
};

async function citizenPage(browser: Browser, mobile: string, baseURL: string | undefined): Promise<Page> {
  // The signed-in citizen of the setup project, or a fresh sign-in with a code from the demo outbox.
  const storageState = SIGNED_IN[mobile];
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', storageState });
  const page = await context.newPage();
  if (!storageState) {
    await signInAsCitizen(page, mobile);
    await expect(page).toHaveURL('/my-cases');
  }
  return page;
}

test('the most urgent case: claim, ask, the appellant answers, decide; the history shows each step', async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAsStaff(page, REVIEWER);
  await expect(page).toHaveURL('/review');

  // 1. The pool, most urgent first, exactly as SQL orders it.
  await page.getByTestId('tab-pool').click();
  const pool = await poolInUrgencyOrder(PROVINCE);
  expect(pool.length).toBeGreaterThan(0);
  const urgent = pool[0]!;
  await expect(page.getByTestId('queue-row').first()).toHaveAttribute('data-reference', urgent.reference);
  expect(
    await page.getByTestId('queue-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reference'))),
  ).toEqual(pool.map((row) => row.reference));

  // 2. Claim it from the queue; the case screen opens.
  await page.getByRole('button', { name: `认领案件 ${urgent.reference}` }).click();
  await expect(page).toHaveURL(`/review/cases/${urgent.id}`);
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'ASSIGNED');

  // The ID number is masked; an audited reveal shows it on this screen only, never in the URL.
  const masked = (await page.getByTestId('id-number').textContent())!;
  expect(masked).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
  await page.getByRole('button', { name: '显示完整号码' }).click();
  await expect(page.getByTestId('id-number')).toHaveText(
    new RegExp(`^${masked.slice(0, 4)}\\d{10}${masked.slice(-4)}$`),
  );
  expect(page.url()).not.toContain((await page.getByTestId('id-number').textContent())!);
  await page.getByRole('button', { name: '隐藏' }).click();
  await expect(page.getByTestId('id-number')).toHaveText(masked);

  // 3. Start the review.
  await page.getByRole('button', { name: '开始审核' }).click();
  await expect(page.getByTestId('action-success')).toHaveText('已开始审核。');
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'IN_REVIEW');

  // 4. Ask for information with a template: the clock pauses.
  await page.getByLabel('常用模板').selectOption('negativeTest');
  await expect(page.getByLabel('需要补充的内容')).toHaveValue(/核酸检测阴性报告/);
  await page.getByRole('button', { name: '发送并暂停计时' }).click();
  await expect(page.getByTestId('action-success')).toHaveText('已发送补充材料要求，计时已暂停。');
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'AWAITING_CITIZEN');
  await expect(page.getByTestId('case-deadline').getByTestId('deadline-badge')).toHaveAttribute(
    'data-status',
    /PAUSED|OVERDUE/,
  );
  await expect(page.getByTestId('clock-paused')).toBeVisible();
  await expect(page.getByTestId('decide-opens')).toBeVisible();
  await expect(page.getByTestId('form-decide')).toHaveCount(0);

  // …and the queue shows it paused.
  await page.goto('/review');
  const row = page.locator(`[data-testid="queue-row"][data-reference="${urgent.reference}"]`);
  await expect(row.getByTestId('deadline-badge')).toContainText(/计时暂停|已超期/);
  const [paused] = await queryRows<{ paused: boolean }>(
    'SELECT paused_since IS NOT NULL AS paused FROM appeal_case WHERE id = $1',
    [urgent.id],
  );
  expect(paused?.paused).toBe(true);

  // 5. The appellant answers on their own case page.
  const citizen = await citizenPage(browser, urgent.mobile, baseURL);
  await citizen.goto(`/my-cases/${urgent.id}`);
  await citizen.getByLabel('您的答复').fill('我已于赋码次日完成核酸检测，结果为阴性，报告编号 HS-2026-1127-0042。');
  await citizen.getByRole('button', { name: '提交答复' }).click();
  await expect(citizen).toHaveURL(`/my-cases/${urgent.id}?done=replied`);
  await citizen.context().close();

  // 6. The reviewer sees the answer; the clock runs again.
  await page.goto(`/review/cases/${urgent.id}`);
  await expect(page.getByTestId('citizen-reply')).toContainText('HS-2026-1127-0042');
  await expect(page.getByTestId('clock-running')).toBeVisible();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'IN_REVIEW');

  // 7. Decide with reasons.
  await page.getByRole('radio', { name: /^撤销赋码（转为绿码）/ }).check();
  await page.getByLabel('决定依据').selectOption({ index: 1 });
  await page
    .getByLabel('决定理由')
    .fill('申诉人补充的核酸检测报告显示赋码次日结果为阴性，且无其他风险依据，原赋码依据不足，予以撤销。');
  await page.getByRole('button', { name: '作出决定' }).click();
  await expect(page.getByTestId('action-success')).toHaveText('决定已作出。');
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'DECIDED');
  await expect(page.getByTestId('decision')).toContainText('撤销赋码（转为绿码）');
  // A decided case shows when it was decided and whether in time, no running clock and no internal version.
  await expect(page.getByTestId('deadline-settled')).toContainText(/作出决定，(在期限内|超过期限)。/);
  await expect(page.getByTestId('clock-running')).toHaveCount(0);
  await expect(page.getByTestId('case-state')).not.toContainText('版本');

  // 8. The history on the screen is the audit table, step by step.
  const actions = await auditActions(urgent.id);
  expect(actions.slice(-6)).toEqual([
    'CASE_CLAIMED',
    'IDENTITY_REVEALED',
    'REVIEW_STARTED',
    'INFORMATION_REQUESTED',
    'CITIZEN_REPLIED',
    'CASE_DECIDED',
  ]);
  const shown = await page
    .getByTestId('history-entry')
    .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-action')));
  expect(shown).toEqual(actions);
  const history = page.getByTestId('case-history');
  for (const label of [
    '审核员认领',
    '查看完整身份证号码',
    '开始审核',
    '要求补充材料（计时暂停）',
    '申诉人已答复（计时恢复）',
    '作出决定',
  ]) {
    await expect(history.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(history).toContainText('状态：审核中 → 已作出决定');
  const [decision] = await queryRows<{ outcome: string; reasons: string }>(
    'SELECT outcome::text, reasons FROM decision WHERE case_id = $1',
    [urgent.id],
  );
  expect(decision).toMatchObject({ outcome: 'REVOKED', reasons: expect.stringContaining('原赋码依据不足') });
});
