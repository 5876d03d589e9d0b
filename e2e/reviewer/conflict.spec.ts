// Two browser sessions of the same reviewer (Hubei) decide the same case: the first decision stands; the second
// session is told the case changed meanwhile and shown the case as it now is. Nothing is overwritten.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { queryRows } from '../helpers/database';
import { signInAsStaff } from '../helpers/sign-in';
import { casesWhere } from './reviewer-data';

const REVIEWER = 'reviewer-hb-1';

async function session(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signInAsStaff(page, REVIEWER);
  await expect(page).toHaveURL('/review');
  return page;
}

async function fillDecision(page: Page, outcome: RegExp, reasons: string) {
  await page.getByRole('radio', { name: outcome }).check();
  await page.getByLabel('决定依据').selectOption({ index: 1 });
  await page.getByLabel('决定理由').fill(reasons);
}

test('the second of two concurrent decisions is refused with a conflict message and the fresh case', async ({
  browser,
  baseURL,
}) => {
  const first = await session(browser, baseURL);
  const second = await session(browser, baseURL);

  // A case of this reviewer in review; when the demo has none, take the least urgent pool case and start it.
  let [target] = await casesWhere(
    `c.state = 'IN_REVIEW' AND c.assignee_id = (SELECT id FROM app_user WHERE username = $1)`,
    [REVIEWER],
  );
  if (!target) {
    const pool = await casesWhere(`c.province_code = '42' AND c.state = 'SUBMITTED' AND c.assignee_id IS NULL`);
    target = pool.at(-1)!;
    await first.goto(`/review/cases/${target.id}`);
    await first.getByRole('button', { name: '认领本案' }).click();
    await expect(first.getByTestId('case-state')).toHaveAttribute('data-state', 'ASSIGNED');
    await first.getByRole('button', { name: '开始审核' }).click();
    await expect(first.getByTestId('case-state')).toHaveAttribute('data-state', 'IN_REVIEW');
  }

  await first.goto(`/review/cases/${target.id}`);
  await second.goto(`/review/cases/${target.id}`);
  const version = await first.getByTestId('case-state').textContent();
  await expect(second.getByTestId('case-state')).toHaveText(version!);

  await fillDecision(first, /^维持原赋码/, '经核查，赋码时申诉人确在中风险区域停留，赋码符合当时的标准，申诉不成立。');
  await fillDecision(second, /^撤销赋码（转为绿码）/, '申诉人提供的材料显示其不在风险区域，原赋码依据不足，予以撤销。');

  await first.getByRole('button', { name: '作出决定' }).click();
  await expect(first.getByTestId('action-success')).toHaveText('决定已作出。');
  await expect(first.getByTestId('case-state')).toHaveAttribute('data-state', 'DECIDED');

  await second.getByRole('button', { name: '作出决定' }).click();
  const conflict = second.getByTestId('conflict-notice');
  await expect(conflict).toContainText('案件已被他人更新');
  await expect(conflict).toContainText('您的操作没有执行');
  // The fresh case: decided, with the first session's decision, and no decision form left to resubmit.
  await expect(second.getByTestId('case-state')).toHaveAttribute('data-state', 'DECIDED');
  await expect(second.getByTestId('decision')).toContainText('维持原赋码');
  await expect(second.getByTestId('form-decide')).toHaveCount(0);

  const decisions = await queryRows<{ outcome: string }>('SELECT outcome::text FROM decision WHERE case_id = $1', [
    target.id,
  ]);
  expect(decisions).toEqual([{ outcome: 'UPHELD' }]);
  await first.context().close();
  await second.context().close();
});
