// Helpers of the administration specs: create a staff account through the admin pages (its temporary password is read
// from the one-time panel), and complete a first sign-in by choosing a new password. New accounts live in province 65
// (Xinjiang), where the demo data has no cases or staff, so nothing other specs look at changes.
import { expect, type Browser, type Page } from '@playwright/test';
import { queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

export const NEW_PASSWORD = 'Harbour-Lantern-93!';

/** Opens a page and waits until it is hydrated, so its forms submit through their handlers. */
export async function gotoReady(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

export interface CreatedAccount {
  id: string;
  username: string;
  temporaryPassword: string;
}

export async function createAccountAsAdmin(
  browser: Browser,
  role: 'REVIEWER' | 'SUPERVISOR',
  prefix: string,
): Promise<CreatedAccount> {
  const context = await browser.newContext({ storageState: STORAGE_STATE.admin });
  const page = await context.newPage();
  const username = `${prefix}-${Date.now().toString(36)}`;
  await gotoReady(page, '/admin/staff/new');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill(`测试${role === 'REVIEWER' ? '审核员' : '督导'}`);
  await page.getByLabel('角色').selectOption(role);
  await page.getByLabel('所属省份').selectOption('65');
  if (role === 'REVIEWER') {
    const unit = page.getByLabel('所属市县单位');
    await expect(unit.locator('option[value="650100"]')).toHaveCount(1);
    await unit.selectOption('650100');
  }
  await page.getByRole('button', { name: '创建账户' }).click();
  const temporaryPassword = (await page.getByTestId('temporary-password').innerText()).trim();
  await context.close();
  const [row] = await queryRows<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [username]);
  if (!row) throw new Error(`account ${username} was not created`);
  return { id: row.id, username, temporaryPassword };
}

export async function signInWithPassword(page: Page, username: string, password: string): Promise<void> {
  await gotoReady(page, '/sign-in');
  const staff = page.getByRole('form', { name: '工作人员登录' });
  await staff.getByLabel('用户名').fill(username);
  await staff.getByLabel('密码').fill(password);
  await staff.getByRole('button', { name: '登录' }).click();
}

/** First sign-in with a temporary password: the password page comes first; returns once the new password is saved. */
export async function firstSignIn(page: Page, account: CreatedAccount): Promise<void> {
  await signInWithPassword(page, account.username, account.temporaryPassword);
  await page.waitForURL((url) => url.pathname === '/account/password');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('当前密码').fill(account.temporaryPassword);
  await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL((url) => url.pathname !== '/account/password');
}
