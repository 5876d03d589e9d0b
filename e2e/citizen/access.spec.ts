// A signed-in citizen: no staff pages (404), accessible home, and the language switch.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryCount } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

test.use({ storageState: STORAGE_STATE.citizen });

for (const path of ['/review', '/supervise', '/admin']) {
  test(`a citizen gets 404 for ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '找不到该页面' })).toBeVisible();
  });
}

test('the citizen home counts exactly the citizen’s own cases', async ({ page }) => {
  await page.goto('/my-cases');
  const count = await queryCount(
    'SELECT count(*) FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id WHERE u.mobile = $1',
    ['13800000001'],
  );
  expect(count).toBeGreaterThan(0);
  await expect(page.getByTestId('my-case-count')).toHaveText(`共 ${count} 件申诉`);
});

test('/my-cases has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/my-cases');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('switching the language to English shows the page in English', async ({ page }) => {
  await page.goto('/my-cases');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My appeals' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的申诉' })).toBeVisible();
});
