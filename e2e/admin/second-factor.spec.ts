// The TOTP second factor end to end: a new supervisor cannot reach supervisor pages before enrolling; enrolment with
// the QR code's secret; a wrong code is refused at sign-in; a recovery code works once.
import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { queryCount, queryRows } from '../helpers/database';
import { enterSecondFactor, freshTotpCode } from '../helpers/sign-in';
import { createAccountAsAdmin, firstSignIn, NEW_PASSWORD, signInWithPassword } from './admin-helpers';

async function signOut(page: Page): Promise<void> {
  // The sign-out button posts through next-auth's client once the page is hydrated.
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL('/sign-in?signedOut=1');
}

/** A code different from every code the server would accept now. */
async function wrongCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set(await Promise.all([-30, 0, 30].map((offset) => generate({ secret, epoch: now + offset }))));
  return ['111111', '222222', '333333', '444444'].find((code) => !valid.has(code))!;
}

test('a supervisor without a second factor cannot reach supervisor pages; enrolment, a wrong code and recovery codes', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const account = await createAccountAsAdmin(browser, 'SUPERVISOR', 'e2e-totp');
  const context = await browser.newContext();
  const page = await context.newPage();
  await firstSignIn(page, account);

  // Password changed; the second factor is still missing: every supervisor page sends them to enrolment.
  await expect(page).toHaveURL(/\/account\/two-factor/);
  for (const path of ['/supervise', '/supervise/audit']) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    await page.goto(path);
    await expect(page).toHaveURL(`/account/two-factor?callbackUrl=${encodeURIComponent(path)}`);
  }
  expect(
    await queryCount(`SELECT count(*) FROM audit_event WHERE actor_id = $1 AND action = 'STAFF_SIGNED_IN'`, [
      account.id,
    ]),
  ).toBe(0);

  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: '开始启用' }).click();
  await expect(page.getByRole('img', { name: '用于添加到验证器应用的二维码' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  const enrolForm = page.getByRole('form', { name: '确认动态验证码' });
  await enrolForm.getByLabel('6 位动态验证码').fill(await wrongCode(secret));
  await enrolForm.getByRole('button', { name: '启用' }).click();
  await expect(enrolForm.getByText('验证码不正确或已使用过')).toBeVisible();
  await enrolForm.getByLabel('6 位动态验证码').fill(await generate({ secret }));
  await enrolForm.getByRole('button', { name: '启用' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveCount(10);
  const codes = await page.getByTestId('recovery-code').allInnerTexts();
  await page.getByRole('button', { name: '我已保存，继续' }).click();
  await expect(page).toHaveURL('/supervise/audit');
  const [stored] = await queryRows<{ cipher: string; hashes: string[] }>(
    `SELECT u.totp_secret_cipher AS cipher, array_agg(r.code_hash) AS hashes FROM app_user u JOIN recovery_code r ON r.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
    [account.id],
  );
  expect(stored?.cipher).not.toContain(secret);
  expect(JSON.stringify(stored?.hashes)).not.toContain(codes[0]!.replace(/-/g, ''));

  // Next sign-in: password, then a wrong code is refused and nothing is reachable until the right one.
  await signOut(page);
  await signInWithPassword(page, account.username, NEW_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/sign-in/two-factor');
  await enterSecondFactor(page, await wrongCode(secret));
  await expect(page.getByText('验证码不正确或已使用过，请输入验证器应用中当前的验证码。')).toBeVisible();
  await page.goto('/supervise');
  await expect(page).toHaveURL('/sign-in/two-factor?callbackUrl=%2Fsupervise');
  await enterSecondFactor(page, await freshTotpCode(account.username, secret));
  await expect(page).toHaveURL('/supervise');

  // A recovery code instead of the app: once.
  await signOut(page);
  await signInWithPassword(page, account.username, NEW_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/sign-in/two-factor');
  await enterSecondFactor(page, codes[0]!);
  await expect(page).toHaveURL('/supervise');
  await signOut(page);
  await signInWithPassword(page, account.username, NEW_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/sign-in/two-factor');
  await enterSecondFactor(page, codes[0]!);
  await expect(page.getByText('验证码不正确或已使用过')).toBeVisible();
  expect(
    await queryCount(`SELECT count(*) FROM recovery_code WHERE user_id = $1 AND used_at IS NOT NULL`, [account.id]),
  ).toBe(1);
  await context.close();
});
