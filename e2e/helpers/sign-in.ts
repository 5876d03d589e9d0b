// Signing in through the real forms: staff with the demo password, citizens with the code read from the demo SMS outbox.
import { expect, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo-2026!';

export const STORAGE_STATE = {
  citizen: '.data/e2e-auth/citizen.json',
  citizenB: '.data/e2e-auth/citizen-b.json',
  reviewer: '.data/e2e-auth/reviewer.json',
  supervisor: '.data/e2e-auth/supervisor.json',
  nationalSupervisor: '.data/e2e-auth/national-supervisor.json',
  admin: '.data/e2e-auth/admin.json',
} as const;

export async function signInAsStaff(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  const staff = page.getByRole('form', { name: '工作人员登录' });
  await staff.getByLabel('用户名').fill(username);
  await staff.getByLabel('密码').fill(password);
  await staff.getByRole('button', { name: '登录' }).click();
}

/** The newest code sent to `mobile`, read from the demo outbox page like a tester with a phone would. */
export async function readLatestCode(context: BrowserContext, mobile: string): Promise<string> {
  const outbox = await context.newPage();
  try {
    await outbox.goto('/dev/sms');
    const body = await outbox.locator(`[data-testid="sms-message"][data-to="${mobile}"]`).first().getByTestId('sms-body').innerText();
    const code = /(\d{6})/.exec(body)?.[1];
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
