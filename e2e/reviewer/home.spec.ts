// The reviewer home shows the province's real numbers above the queue; other roles' pages are 404.
import { expect, test } from '@playwright/test';
import { queryCount } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

test.use({ storageState: STORAGE_STATE.reviewer });

test('the reviewer home counts open, pool and own cases of Anhui exactly as the database does', async ({ page }) => {
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1, name: '审核工作台' })).toBeVisible();
  await expect(page.getByTestId('province')).toHaveText('所属省份：安徽省（34）');
  await expect(page.getByTestId('signed-in-user')).toContainText('审核员');

  const counts = async () => ({
    open: await queryCount(
      `SELECT count(*) FROM appeal_case WHERE province_code = '34' AND state IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN')`,
    ),
    pool: await queryCount(
      `SELECT count(*) FROM appeal_case WHERE province_code = '34' AND state = 'SUBMITTED' AND assignee_id IS NULL`,
    ),
    mine: await queryCount(
      `SELECT count(*) FROM appeal_case c JOIN app_user u ON u.id = c.assignee_id
       WHERE u.username = 'reviewer-ah-1' AND c.province_code = '34' AND c.state IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN')`,
    ),
  });
  expect((await counts()).open).toBeGreaterThan(0);
  // Other specs may change Anhui's cases meanwhile: compare a page and the database read at the same moment.
  await expect
    .poll(async () => {
      const expected = await counts();
      await page.reload();
      const shown = {
        open: Number(await page.getByTestId('count-open').textContent()),
        pool: Number(await page.getByTestId('count-pool').textContent()),
        mine: Number(await page.getByTestId('count-mine').textContent()),
      };
      return (
        JSON.stringify(shown) === JSON.stringify(expected) &&
        JSON.stringify(await counts()) === JSON.stringify(expected)
      );
    })
    .toBe(true);
  await expect(page.getByTestId('queue-row').first()).toContainText('SS-34-');
});

for (const path of ['/admin', '/supervise', '/my-cases']) {
  test(`a reviewer gets 404 for ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '找不到该页面' })).toBeVisible();
  });
}
