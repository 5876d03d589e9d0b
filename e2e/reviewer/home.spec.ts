// The reviewer home shows the province's real numbers; other roles' pages are 404.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryCount } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

test.use({ storageState: STORAGE_STATE.reviewer });

test('the reviewer home counts open, pool and own cases of Anhui exactly as the database does', async ({ page }) => {
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1, name: '审核工作台' })).toBeVisible();
  await expect(page.getByTestId('province')).toHaveText('所属省份：安徽省（34）');
  await expect(page.getByTestId('signed-in-user')).toContainText('审核员');

  const open = await queryCount(
    `SELECT count(*) FROM appeal_case WHERE province_code = '34' AND state IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN')`,
  );
  const pool = await queryCount(`SELECT count(*) FROM appeal_case WHERE province_code = '34' AND state = 'SUBMITTED' AND assignee_id IS NULL`);
  const mine = await queryCount(
    `SELECT count(*) FROM appeal_case c JOIN app_user u ON u.id = c.assignee_id
     WHERE u.username = 'reviewer-ah-1' AND c.province_code = '34' AND c.state IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN')`,
  );
  expect(open).toBeGreaterThan(0);
  await expect(page.getByTestId('count-open')).toHaveText(String(open));
  await expect(page.getByTestId('count-pool')).toHaveText(String(pool));
  await expect(page.getByTestId('count-mine')).toHaveText(String(mine));
  await expect(page.getByTestId('urgent-case').first()).toContainText('SS-34-');
});

for (const path of ['/admin', '/supervise', '/my-cases']) {
  test(`a reviewer gets 404 for ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '找不到该页面' })).toBeVisible();
  });
}

test('/review has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/review');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('/review works at 390 px wide without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/review');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
