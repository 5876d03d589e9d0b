// The administrator home counts staff accounts; administrators have no case pages.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryCount } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

test.use({ storageState: STORAGE_STATE.admin });

test('counts active staff by role and province exactly as the database does', async ({ page }) => {
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: '系统管理' })).toBeVisible();
  for (const role of ['REVIEWER', 'SUPERVISOR', 'ADMIN']) {
    const count = await queryCount('SELECT count(*) FROM app_user WHERE role = $1 AND active', [role]);
    await expect(page.getByTestId(`total-${role}`)).toHaveText(String(count));
  }
  const anhuiReviewers = await queryCount(
    `SELECT count(*) FROM app_user WHERE role = 'REVIEWER' AND active AND province_code = '34'`,
  );
  expect(anhuiReviewers).toBeGreaterThan(0);
  await expect(page.getByTestId('staff-34-REVIEWER')).toHaveText(String(anhuiReviewers));
});

for (const path of ['/review', '/supervise', '/my-cases']) {
  test(`an administrator gets 404 for ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  });
}

test('/admin has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/admin');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
