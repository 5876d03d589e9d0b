// Administrators publish settings, each a new version and an audit event: a province's deadlines (refused when longer
// than the national maxima), a reviewer's capacity, a corrected working-day calendar and a new catalogue version.
// Everything is done for province 65 (no demo cases) or republishes the same content, so other specs see no change.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations, sidewaysOverflow } from '../helpers/accessibility';
import { queryCount, queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';
import { createAccountAsAdmin, gotoReady } from './admin-helpers';

test.use({ storageState: STORAGE_STATE.admin });

test('publishes a provincial deadline policy, refusing one longer than the national maxima', async ({ page }) => {
  const before = await queryCount(`SELECT count(*) FROM deadline_policy WHERE province_code = '65'`);
  await gotoReady(page, '/admin/policies/65');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新疆维吾尔自治区办理期限');
  await page.getByLabel('红码首次决定').fill('30');
  await page.getByRole('button', { name: '发布新版本' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('不得长于全国上限。');
  expect(await queryCount(`SELECT count(*) FROM deadline_policy WHERE province_code = '65'`)).toBe(before);

  await page.getByLabel('红码首次决定').fill('12');
  await page.getByRole('button', { name: '发布新版本' }).click();
  await expect(page.getByTestId('action-ok')).toContainText(`已发布第 ${before + 1} 版。`);
  await expect(page.getByTestId(`policy-version-${before + 1}`)).toContainText('12 小时');
  const [event] = await queryRows<{ chain: string; red: number }>(
    `SELECT chain, (after->>'redHours')::int AS red FROM audit_event WHERE action = 'POLICY_PUBLISHED' AND after->>'provinceCode' = '65' ORDER BY occurred_at DESC LIMIT 1`,
  );
  expect(event).toEqual({ chain: '65', red: 12 });
});

test('sets a reviewer’s capacity in the pool of their province', async ({ browser, page }) => {
  const account = await createAccountAsAdmin(browser, 'REVIEWER', 'e2e-capacity');
  await gotoReady(page, '/admin/pools/65');
  const row = page.getByTestId(`reviewer-${account.username}`);
  await row.getByRole('spinbutton').fill('20');
  await row.getByRole('button', { name: '保存' }).click();
  await expect(row.getByRole('status')).toHaveText('已保存。');
  expect(await queryCount('SELECT count(*) FROM app_user WHERE id = $1 AND capacity = 20', [account.id])).toBe(1);
});

test('publishes a corrected working-day calendar and a new catalogue version; old versions stay', async ({ page }) => {
  const calendars = await queryCount('SELECT count(*) FROM calendar_version WHERE year = 2026');
  await gotoReady(page, '/admin/calendar/2026');
  const rows = await page.getByTestId('calendar-row').count();
  expect(rows).toBeGreaterThan(10);
  await page.getByLabel('更正说明').fill('端到端测试：按原安排重新发布');
  await page.getByRole('button', { name: '发布更正版本' }).click();
  await expect(page.getByTestId('action-ok')).toContainText(`已发布第 ${calendars + 1} 版。`);
  expect(await queryCount('SELECT count(*) FROM calendar_version WHERE year = 2026')).toBe(calendars + 1);
  const [days] = await queryRows<{ old: string; fresh: string }>(
    `SELECT (SELECT count(*) FROM calendar_day d JOIN calendar_version v ON v.id = d.calendar_version_id WHERE v.year = 2026 AND v.version = 1)::text AS old,
            (SELECT count(*) FROM calendar_day d JOIN calendar_version v ON v.id = d.calendar_version_id WHERE v.year = 2026 AND v.version = $1)::text AS fresh`,
    [calendars + 1],
  );
  expect(days?.fresh).toBe(days?.old);

  const catalogues = await queryCount('SELECT count(*) FROM reason_catalogue_version');
  await gotoReady(page, '/admin/catalogue/new');
  await expect(page.getByTestId('reason-row')).toHaveCount(10);
  await page.getByLabel('修订说明').fill('端到端测试：原样重新发布');
  await page.getByRole('button', { name: '发布新版本' }).click();
  await expect(page.getByTestId('action-ok')).toContainText(`已发布第 ${catalogues + 1} 版。`);
  expect(
    await queryCount(`SELECT count(*) FROM audit_event WHERE action = 'CATALOGUE_PUBLISHED' AND chain = 'national'`),
  ).toBeGreaterThan(0);
});

for (const path of [
  '/admin/staff',
  '/admin/staff/new',
  '/admin/pools',
  '/admin/pools/34',
  '/admin/policies',
  '/admin/policies/34',
  '/admin/calendar',
  '/admin/calendar/2026',
  '/admin/catalogue',
  '/admin/catalogue/new',
  '/account',
]) {
  test(`${path} has no serious accessibility violations, on a phone too`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Nothing wider than the phone's screen except scrollable tables.
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
