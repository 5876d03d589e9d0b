// The supervisor homes show real numbers for their scope: one province, or the whole country.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryCount, queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

test.describe('provincial supervisor', () => {
  test.use({ storageState: STORAGE_STATE.supervisor });

  test('counts cases per state and unassigned cases in Anhui exactly as the database does', async ({ page }) => {
    await page.goto('/supervise');
    await expect(page.getByTestId('scope')).toHaveText('督导范围：安徽省（34）');
    const rows = await queryRows<{ state: string; count: string }>(
      `SELECT state, count(*) FROM appeal_case WHERE province_code = '34' GROUP BY state`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) await expect(page.getByTestId(`state-${row.state}`)).toHaveText(row.count);
    const total = rows.reduce((sum, row) => sum + Number(row.count), 0);
    await expect(page.getByTestId('count-total')).toHaveText(String(total));
    const unassigned = await queryCount(
      `SELECT count(*) FROM appeal_case WHERE province_code = '34' AND state = 'SUBMITTED' AND assignee_id IS NULL`,
    );
    await expect(page.getByTestId('count-unassigned')).toHaveText(String(unassigned));
  });

  test('a provincial supervisor gets 404 for /admin and /review', async ({ page }) => {
    for (const path of ['/admin', '/review']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    }
  });

  test('/supervise has no serious or critical accessibility violations', async ({ page }) => {
    await page.goto('/supervise');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

test.describe('national supervisor', () => {
  test.use({ storageState: STORAGE_STATE.nationalSupervisor });

  test('sees every province: the total and the open cases per province match the database', async ({ page }) => {
    await page.goto('/supervise');
    await expect(page.getByTestId('scope')).toHaveText('督导范围：全国');
    // Other specs file and decide cases at the same time: read the database and the page until they agree.
    await expect(async () => {
      await page.reload();
      const total = await queryCount('SELECT count(*) FROM appeal_case');
      expect(total).toBeGreaterThan(0);
      await expect(page.getByTestId('count-total')).toHaveText(String(total), { timeout: 1_000 });
      const provinces = await queryRows<{ province_code: string; count: string }>(
        `SELECT province_code, count(*) FROM appeal_case
         WHERE state IN ('SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN', 'SECOND_REVIEW_REQUESTED', 'IN_SECOND_REVIEW')
         GROUP BY province_code`,
      );
      expect(provinces.length).toBeGreaterThan(1);
      for (const row of provinces)
        await expect(page.getByTestId(`province-open-${row.province_code}`)).toHaveText(row.count, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  });
});
