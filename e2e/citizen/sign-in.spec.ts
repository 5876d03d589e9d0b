// Citizen sign-in with an SMS code: success, a wrong code, the attempt limit, and a first-time citizen.
import { expect, test } from '@playwright/test';
import { queryCount, queryRows } from '../helpers/database';
import { enterCitizenCode, readLatestCode, requestCitizenCode, signInAsCitizen } from '../helpers/sign-in';

function wrongCodeFor(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

test('a citizen signs in with the code from the SMS outbox and sees their own cases', async ({ page }) => {
  await signInAsCitizen(page, '13800000002');
  await expect(page).toHaveURL('/my-cases');
  await expect(page.getByRole('heading', { level: 1, name: '我的申诉' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText('申诉人');

  const rows = await queryRows<{ reference: string; filed_at: Date }>(
    `SELECT c.reference, c.filed_at FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id
     WHERE u.mobile = $1 ORDER BY c.filed_at DESC`,
    ['13800000002'],
  );
  expect(rows.length).toBeGreaterThan(0);
  await expect(page.getByTestId('my-case')).toHaveCount(rows.length);
  const shown = await page.getByTestId('my-case').getByRole('heading').allInnerTexts();
  expect(shown).toEqual(rows.map((row) => row.reference));

  // Filing times are shown in Asia/Shanghai whatever the server's zone.
  const first = rows[0];
  if (!first) throw new Error('no case');
  const expected = new Intl.DateTimeFormat('zh-CN', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(first.filed_at);
  await expect(page.getByTestId('my-case').first()).toContainText(expected);
});

test('a wrong code gives a clear Chinese message with the attempts left', async ({ page }) => {
  const mobile = '13900000021';
  await requestCitizenCode(page, mobile);
  const code = await readLatestCode(page.context(), mobile);
  await enterCitizenCode(page, wrongCodeFor(code));
  await expect(page.getByText('验证码错误，还可尝试 4 次')).toBeVisible();
  await expect(page.getByLabel('短信验证码')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the sixth attempt is refused even with the right code', async ({ page }) => {
  const mobile = '13900000022';
  await requestCitizenCode(page, mobile);
  const code = await readLatestCode(page.context(), mobile);
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await enterCitizenCode(page, wrongCodeFor(code));
    await expect(
      page.getByText(
        attempt < 5 ? `验证码错误，还可尝试 ${5 - attempt} 次` : '验证码错误，尝试次数已用完，请重新获取验证码',
      ),
    ).toBeVisible();
  }
  await enterCitizenCode(page, code);
  await expect(page.getByText('尝试次数过多，请重新获取验证码')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await queryCount('SELECT count(*) FROM app_user WHERE mobile = $1', [mobile])).toBe(0);
});

test('a first sign-in creates the citizen account, with no cases yet', async ({ page }) => {
  const mobile = '13900000023';
  expect(await queryCount('SELECT count(*) FROM app_user WHERE mobile = $1', [mobile])).toBe(0);
  await signInAsCitizen(page, mobile);
  await expect(page).toHaveURL('/my-cases');
  await expect(page.getByTestId('my-case-count')).toHaveText('您还没有申诉');
  await expect(page.getByTestId('signed-in-user')).toContainText('139****0023');
  const [user] = await queryRows<{ role: string; display_name: string }>(
    'SELECT role, display_name FROM app_user WHERE mobile = $1',
    [mobile],
  );
  expect(user).toEqual({ role: 'CITIZEN', display_name: '139****0023' });
});

test('the stored code is a hash, never the code itself', async ({ page }) => {
  const mobile = '13900000024';
  await requestCitizenCode(page, mobile);
  const code = await readLatestCode(page.context(), mobile);
  const [challenge] = await queryRows<{ code_hash: string }>(
    'SELECT code_hash FROM otp_challenge WHERE mobile = $1 ORDER BY created_at DESC LIMIT 1',
    [mobile],
  );
  expect(challenge?.code_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(challenge?.code_hash).not.toContain(code);
});
