// The queue at /review: server-ordered rows (checked against SQL), filters and order in the URL (shareable, back button
// works), keyboard use, 390 px and accessibility. Read-only: Anhui's demo data is left as it is.
import { expect, test, type Page } from '@playwright/test';
import { seriousAccessibilityViolations, sidewaysOverflow } from '../helpers/accessibility';
import { STORAGE_STATE } from '../helpers/sign-in';
import { mineInUrgencyOrder, poolInUrgencyOrder } from './reviewer-data';

test.use({ storageState: STORAGE_STATE.reviewer });

const references = (page: Page) =>
  page.getByTestId('queue-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reference')));

test('"my cases" and the pool list Anhui’s cases in urgency order, as SQL orders them', async ({ page }) => {
  await page.goto('/review');
  await expect(page.getByTestId('tab-mine')).toHaveAttribute('aria-current', 'page');
  const mine = await mineInUrgencyOrder('reviewer-ah-1');
  expect(mine.length).toBeGreaterThan(0);
  expect(await references(page)).toEqual(mine.map((row) => row.reference));

  await page.getByTestId('tab-pool').click();
  await expect(page).toHaveURL(/\/review\?tab=pool$/);
  const pool = await poolInUrgencyOrder('34');
  await expect(page.getByTestId('queue-row')).toHaveCount(pool.length);
  expect(await references(page)).toEqual(pool.map((row) => row.reference));
  await expect(page.getByRole('button', { name: `认领案件 ${pool[0]!.reference}` })).toBeVisible();
});

test('filters and order live in the URL: shareable, and the back button returns to the previous queue', async ({
  page,
  browser,
}) => {
  await page.goto('/review?tab=pool');
  const everything = await references(page);

  await page.getByText('更多筛选条件').click();
  await page.getByLabel('健康码颜色').selectOption('RED');
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page).toHaveURL('/review?tab=pool&colour=RED');
  const red = (await poolInUrgencyOrder('34')).filter((row) => row.colour === 'RED');
  expect(await references(page)).toEqual(red.map((row) => row.reference));

  await page.getByTestId('sort-timeLeft').click();
  await expect(page).toHaveURL('/review?tab=pool&colour=RED&sort=timeLeft&dir=asc');
  await expect(page.getByRole('columnheader', { name: /剩余时间/ })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByTestId('sort-timeLeft').click();
  await expect(page).toHaveURL('/review?tab=pool&colour=RED&sort=timeLeft&dir=desc');
  await expect(page.getByRole('columnheader', { name: /剩余时间/ })).toHaveAttribute('aria-sort', 'descending');

  // The same URL in another browser shows the same queue.
  const shared = await browser.newPage({ storageState: STORAGE_STATE.reviewer });
  await shared.goto(page.url());
  expect(await references(shared)).toEqual(await references(page));
  await expect(shared.getByText('更多筛选条件（已启用 1 项）')).toBeVisible();
  await expect(shared.getByLabel('健康码颜色')).toHaveValue('RED');
  await shared.close();

  await page.goBack();
  await expect(page).toHaveURL('/review?tab=pool&colour=RED&sort=timeLeft&dir=asc');
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL('/review?tab=pool');
  expect(await references(page)).toEqual(everything);
});

test('a reviewer finds a case by reference from the keyboard', async ({ page }) => {
  const [first] = await poolInUrgencyOrder('34');
  await page.goto('/review?tab=pool');
  await page.getByLabel('案件编号').focus();
  await page.keyboard.type(first!.reference.toLowerCase());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/review?tab=pool&ref=${first!.reference}`);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await page.getByTestId('queue-reference').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/review/cases/${first!.id}`);
  await expect(page.getByTestId('case-reference')).toHaveText(first!.reference);
});

test('a filter that matches nothing says so', async ({ page }) => {
  await page.goto('/review?tab=pool&ref=SS-99-20000101-000001');
  await expect(page.getByTestId('queue-empty')).toHaveText('没有符合条件的案件。');
});

for (const path of ['/review', '/review?tab=pool&sort=timeLeft&dir=desc']) {
  test(`${path} has no serious accessibility violations and fits 390 px`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the case screen has no serious accessibility violations and fits 390 px', async ({ page }) => {
  const [mine] = await mineInUrgencyOrder('reviewer-ah-1');
  await page.goto(`/review/cases/${mine!.id}`);
  await expect(page.getByTestId('case-reference')).toHaveText(mine!.reference);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const overflow = await sidewaysOverflow(page);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the queue and the case screen are complete in English', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  await page.goto('/review?tab=pool');
  await expect(page.getByRole('heading', { level: 2, name: 'Case queue' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Time left/ })).toBeVisible();
  const [mine] = await mineInUrgencyOrder('reviewer-ah-1');
  await page.goto(`/review/cases/${mine!.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Work on this case' })).toBeVisible();
  await expect(page.getByTestId('deadline-explanation')).toContainText(/Why: (filed|asked|requested) /);
  await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
