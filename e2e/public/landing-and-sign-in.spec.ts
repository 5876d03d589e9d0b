// Signed-out visitors: the landing and sign-in pages, the redirect from staff pages, and accessibility.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations, sidewaysOverflow } from '../helpers/accessibility';

test('the landing page explains the service in Chinese and links to both sign-ins', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '健康码申诉与救济' })).toBeVisible();
  await page.getByRole('link', { name: '申诉人登录' }).click();
  await expect(page).toHaveURL(/\/sign-in#citizen$/);
  await expect(page.getByRole('form', { name: '申诉人登录' })).toBeVisible();
  await expect(page.getByRole('form', { name: '工作人员登录' })).toBeVisible();
  await expect(page.getByRole('link', { name: /演示短信发件箱/ })).toHaveAttribute('href', '/dev/sms');
});

test('a signed-out visit to /review goes to the sign-in page', async ({ page }) => {
  await page.goto('/review');
  await expect(page).toHaveURL('/sign-in?callbackUrl=%2Freview');
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
});

test('the skip link moves keyboard users to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('a wrong staff password gives a clear message beside the field', async ({ page }) => {
  await page.goto('/sign-in');
  const staff = page.getByRole('form', { name: '工作人员登录' });
  await staff.getByLabel('用户名').fill('reviewer-gd-2');
  await staff.getByLabel('密码').fill('not-the-password');
  await staff.getByRole('button', { name: '登录' }).click();
  await expect(staff.getByText('用户名或密码错误')).toBeVisible();
  await expect(staff.getByLabel('密码')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an unknown address gives a 404 page that reveals nothing', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '找不到该页面' })).toBeVisible();
});

for (const path of ['/', '/sign-in']) {
  test(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
}

test('the sign-in page works at 390 px wide without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/sign-in');
  const overflow = await sidewaysOverflow(page);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: '获取验证码' })).toBeVisible();
});

test('a browser that prefers English gets English pages until the visitor chooses a language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Health code appeals and redress' })).toBeVisible();
  // The visitor's own choice wins over the browser's.
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: page.url() }]);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '健康码申诉与救济' })).toBeVisible();
  await context.close();
});
