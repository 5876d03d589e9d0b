// Signing in through the real forms: staff with the demo password (supervisors and the administrator then with a TOTP
// code computed from the demo secret), citizens with the code read from the demo SMS outbox.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { queryRows } from './database';

export const DEMO_PASSWORD = 'Demo-2026!';
/** The demo TOTP secret of every demo supervisor and administrator (prisma/seed/demo-accounts.ts). */
export const DEMO_TOTP_SECRET = 'HEALTHCODEDEMOSECRETAPPEALS23456';

export const STORAGE_STATE = {
  citizen: '.data/e2e-auth/citizen.json',
  citizenB: '.data/e2e-auth/citizen-b.json',
  reviewer: '.data/e2e-auth/reviewer.json',
  reviewerY: '.data/e2e-auth/reviewer-y.json',
  supervisor: '.data/e2e-auth/supervisor.json',
  supervisorY: '.data/e2e-auth/supervisor-y.json',
  nationalSupervisor: '.data/e2e-auth/national-supervisor.json',
  admin: '.data/e2e-auth/admin.json',
} as const;

/** Demo accounts with a second factor: supervisors and the administrator. */
export function hasDemoSecondFactor(username: string): boolean {
  return username.startsWith('supervisor-') || username === 'admin';
}

/**
 * A TOTP code for `secret` that the server has not accepted for this user yet: codes are single-use, so when this
 * user's last accepted time step is the current one, the next step's code (within the server's tolerance) is used,
 * or we wait for the step after.
 */
export async function freshTotpCode(username: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const [row] = await queryRows<{ step: number | null }>(
    'SELECT totp_last_time_step AS step FROM app_user WHERE username = $1',
    [username],
  );
  const last = row?.step ?? null;
  const current = Math.floor(Date.now() / 30_000);
  const step = last === null ? current : Math.max(current, last + 1);
  if (step > current + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 500));
  return generate({ secret, epoch: step * 30 });
}

export async function enterSecondFactor(page: Page, code: string): Promise<void> {
  // Hydrated first, so the form submits through its handler.
  await page.waitForLoadState('networkidle');
  const form = page.getByRole('form', { name: '动态验证码' });
  await form.getByLabel('动态验证码或恢复码').fill(code);
  await form.getByRole('button', { name: '验证' }).click();
}

/**
 * Signs in with the staff form. For demo supervisors and the administrator the second factor follows: a fresh code from
 * the demo secret (`secondFactor: false` stops at the second-factor page).
 */
export async function signInAsStaff(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
  options: { secondFactor?: boolean } = {},
): Promise<void> {
  await page.goto('/sign-in');
  await page.waitForLoadState('networkidle');
  const staff = page.getByRole('form', { name: '工作人员登录' });
  await staff.getByLabel('用户名').fill(username);
  await staff.getByLabel('密码').fill(password);
  await staff.getByRole('button', { name: '登录' }).click();
  if (password !== DEMO_PASSWORD || !hasDemoSecondFactor(username) || options.secondFactor === false) return;
  await page.waitForURL((url) => url.pathname === '/sign-in/two-factor');
  await enterSecondFactor(page, await freshTotpCode(username));
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * The newest code sent to `mobile`, read from the demo outbox page like a tester with a phone would. `pattern`'s first
 * group is the code (a status-check message also names the reference, so its code is read after 验证码).
 */
export async function readLatestCode(context: BrowserContext, mobile: string, pattern = /(\d{6})/): Promise<string> {
  const outbox = await context.newPage();
  try {
    await outbox.goto('/dev/sms');
    const body = await outbox
      .locator(`[data-testid="sms-message"][data-to="${mobile}"]`)
      .first()
      .getByTestId('sms-body')
      .innerText();
    const code = pattern.exec(body)?.[1];
    if (!code) throw new Error(`no code in the message to ${mobile}: ${body}`);
    return code;
  } finally {
    await outbox.close();
  }
}

export async function requestCitizenCode(page: Page, mobile: string): Promise<void> {
  await page.goto('/sign-in');
  const citizen = page.getByRole('form', { name: '申诉人登录' });
  await citizen.getByLabel('手机号码').fill(mobile);
  await citizen.getByRole('button', { name: '获取验证码' }).click();
  await expect(citizen.getByRole('status')).toContainText(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
}

export async function enterCitizenCode(page: Page, code: string): Promise<void> {
  const citizen = page.getByRole('form', { name: '申诉人登录' });
  await citizen.getByLabel('短信验证码').fill(code);
  await citizen.getByRole('button', { name: '登录', exact: true }).click();
}

export async function signInAsCitizen(page: Page, mobile: string): Promise<void> {
  await requestCitizenCode(page, mobile);
  await enterCitizenCode(page, await readLatestCode(page.context(), mobile));
}
