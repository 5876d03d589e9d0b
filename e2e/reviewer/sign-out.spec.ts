// Sign-out revokes the server-side session (the old cookie no longer works) and is audited, with the page's
// JavaScript and without it: a click before the page has hydrated posts the form itself.
import { expect, test, type Browser, type Cookie, type Page } from '@playwright/test';
import { queryCount, queryRows } from '../helpers/database';
import { signInAsStaff } from '../helpers/sign-in';

/** After sign-out: the notice, no way back in with the same browser or with the cookies captured before. */
async function expectSignedOut(
  page: Page,
  browser: Browser,
  { username, chain }: { username: string; chain: string },
  cookiesBefore: Cookie[],
) {
  await expect(page).toHaveURL('/sign-in?signedOut=1');
  await expect(page.getByText('您已退出登录。')).toBeVisible();

  await page.goto('/review');
  await expect(page).toHaveURL('/sign-in?callbackUrl=%2Freview');

  const [latest] = await queryRows<{ revoked: boolean }>(
    `SELECT s.revoked_at IS NOT NULL AS revoked FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE u.username = $1 ORDER BY s.created_at DESC LIMIT 1`,
    [username],
  );
  expect(latest?.revoked).toBe(true);
  expect(
    await queryCount(
      `SELECT count(*) FROM audit_event e JOIN app_user u ON u.id = e.actor_id
       WHERE u.username = $1 AND e.action = 'STAFF_SIGNED_OUT' AND e.chain = $2`,
      [username, chain],
    ),
  ).toBeGreaterThan(0);

  const replay = await browser.newContext();
  await replay.addCookies(cookiesBefore);
  const replayPage = await replay.newPage();
  await replayPage.goto('/review');
  await expect(replayPage).toHaveURL('/sign-in?callbackUrl=%2Freview');
  await replay.close();
}

test('a reviewer signs out; the session row is revoked and the old cookie is useless', async ({ page, browser }) => {
  await signInAsStaff(page, 'reviewer-ah-2');
  await expect(page).toHaveURL('/review');
  const cookies = await page.context().cookies();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expectSignedOut(page, browser, { username: 'reviewer-ah-2', chain: '34' }, cookies);
});

test('sign-out works before the page’s JavaScript has run', async ({ page, browser }) => {
  await signInAsStaff(page, 'reviewer-sh-2');
  await expect(page).toHaveURL('/review');
  const cookies = await page.context().cookies();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await noScript.addCookies(cookies);
  const plainPage = await noScript.newPage();
  await plainPage.goto('/review');
  await plainPage.getByRole('button', { name: '退出登录' }).click();
  await expectSignedOut(plainPage, browser, { username: 'reviewer-sh-2', chain: '31' }, cookies);
  await noScript.close();
});
