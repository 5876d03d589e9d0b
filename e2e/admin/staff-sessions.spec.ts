// Staff accounts end to end: an administrator creates a reviewer (temporary password, changed at first sign-in) and
// disables them while they are signed in: their very next request is refused. Sign out everywhere ends every session.
import { expect, test } from '@playwright/test';
import { queryCount, queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';
import { createAccountAsAdmin, firstSignIn, gotoReady, NEW_PASSWORD, signInWithPassword } from './admin-helpers';

test('disabling a reviewer while they are signed in refuses their next request at once', async ({ browser }) => {
  const account = await createAccountAsAdmin(browser, 'REVIEWER', 'e2e-disable');
  const reviewer = await browser.newContext();
  const reviewerPage = await reviewer.newPage();
  await firstSignIn(reviewerPage, account);
  await expect(reviewerPage).toHaveURL('/review');

  const admin = await browser.newContext({ storageState: STORAGE_STATE.admin });
  const adminPage = await admin.newPage();
  await gotoReady(adminPage, `/admin/staff/${account.id}`);
  await expect(adminPage.getByTestId('staff-sessions')).toHaveText('1');
  await adminPage.getByRole('button', { name: '停用账户' }).click();
  await expect(adminPage.getByTestId('action-ok')).toContainText('账户已停用，1 个登录会话已结束。');
  await expect(adminPage.getByTestId('staff-status')).toHaveText('已停用');

  // The reviewer's next request: signed out, and the sign-in refuses the disabled account exactly like wrong
  // credentials (a stranger cannot learn that the username exists).
  await reviewerPage.goto('/review');
  await expect(reviewerPage).toHaveURL('/sign-in?callbackUrl=%2Freview');
  await signInWithPassword(reviewerPage, account.username, NEW_PASSWORD);
  await expect(reviewerPage.getByText('用户名或密码错误')).toBeVisible();

  expect(await queryCount('SELECT count(*) FROM session WHERE user_id = $1 AND revoked_at IS NULL', [account.id])).toBe(
    0,
  );
  const [event] = await queryRows<{ chain: string; after: { active: boolean; sessionsEnded: number } }>(
    `SELECT chain, after FROM audit_event WHERE action = 'USER_UPDATED' AND after->>'userId' = $1 AND after ? 'active' ORDER BY occurred_at DESC LIMIT 1`,
    [account.id],
  );
  expect(event).toEqual({ chain: '65', after: { userId: account.id, active: false, sessionsEnded: 1 } });
  await reviewer.close();
  await admin.close();
});

test('sign out everywhere ends the sessions on every device', async ({ browser }) => {
  const account = await createAccountAsAdmin(browser, 'REVIEWER', 'e2e-everywhere');
  const first = await browser.newContext();
  const firstPage = await first.newPage();
  await firstSignIn(firstPage, account);
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await signInWithPassword(secondPage, account.username, NEW_PASSWORD);
  await expect(secondPage).toHaveURL('/review');

  await gotoReady(firstPage, '/account');
  await expect(firstPage.getByRole('heading', { level: 1, name: '账户与安全' })).toBeVisible();
  await firstPage.getByRole('button', { name: '在所有设备上退出' }).click();
  await expect(firstPage).toHaveURL('/sign-in?signedOut=1');

  await secondPage.goto('/review');
  await expect(secondPage).toHaveURL('/sign-in?callbackUrl=%2Freview');
  expect(await queryCount('SELECT count(*) FROM session WHERE user_id = $1 AND revoked_at IS NULL', [account.id])).toBe(
    0,
  );
  expect(
    await queryCount(
      `SELECT count(*) FROM audit_event WHERE actor_id = $1 AND action = 'STAFF_SIGNED_OUT' AND after->>'everywhere' = 'true'`,
      [account.id],
    ),
  ).toBe(1);
  await first.close();
  await second.close();
});
