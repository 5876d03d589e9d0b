// Sign-out revokes the server-side session (the old cookie no longer works) and is audited.
import { expect, test } from '@playwright/test';
import { queryCount, queryRows } from '../helpers/database';
import { signInAsStaff } from '../helpers/sign-in';

test('a reviewer signs out; the session row is revoked and the old cookie is useless', async ({ page, browser }) => {
  await signInAsStaff(page, 'reviewer-ah-2');
  await expect(page).toHaveURL('/review');
  const cookies = await page.context().cookies();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL('/sign-in?signedOut=1');
  await expect(page.getByText('您已退出登录。')).toBeVisible();

  await page.goto('/review');
  await expect(page).toHaveURL('/sign-in?callbackUrl=%2Freview');

  const [latest] = await queryRows<{ revoked: boolean }>(
    `SELECT s.revoked_at IS NOT NULL AS revoked FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE u.username = 'reviewer-ah-2' ORDER BY s.created_at DESC LIMIT 1`,
  );
  expect(latest?.revoked).toBe(true);
  expect(
    await queryCount(
      `SELECT count(*) FROM audit_event e JOIN app_user u ON u.id = e.actor_id
       WHERE u.username = 'reviewer-ah-2' AND e.action = 'STAFF_SIGNED_OUT' AND e.chain = '34'`,
    ),
  ).toBeGreaterThan(0);

  // Replaying the cookie captured before sign-out does not sign anyone in.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto('/review');
  await expect(replayPage).toHaveURL('/sign-in?callbackUrl=%2Freview');
  await replay.close();
});
