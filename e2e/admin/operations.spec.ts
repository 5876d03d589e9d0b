// The operations page (SPEC §18): administrators see the readiness checks and every scheduled job's last run, as
// recorded in job_run; /api/health answers; /api/metrics needs the token or an administrator.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

test.use({ storageState: STORAGE_STATE.admin });

test('shows the readiness checks and the last run of each job', async ({ page }) => {
  await queryRows(
    `INSERT INTO job_run (name, last_slot, last_started_at, last_finished_at, last_status, last_duration_ms, last_error, last_instance, runs, failures)
       VALUES ('e2e-probe', now(), now(), now(), 'FAILED', 42, 'provider unreachable', 'host-a:1', 3, 1)
     ON CONFLICT (name) DO UPDATE SET last_status = 'FAILED', last_error = 'provider unreachable', runs = 3, failures = 1`,
  );
  await page.goto('/admin/operations');
  await expect(page.getByRole('heading', { level: 1, name: '运行状态' })).toBeVisible();
  await expect(page.getByTestId('check-database')).toContainText('正常');
  await expect(page.getByTestId('check-migrations')).toContainText('正常');
  const row = page.getByTestId('job-e2e-probe');
  await expect(row).toContainText('失败');
  await expect(row).toContainText('provider unreachable');
  await expect(row).toContainText('3 次（失败 1 次）');
  await expect(row).toContainText('42 毫秒');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('the metrics are served to an administrator in the Prometheus format', async ({ page }) => {
  const response = await page.request.get('/api/metrics');
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('# TYPE hc_sms_pending gauge');
  const health = await page.request.get('/api/health');
  expect(await health.json()).toEqual({ status: 'ok' });
});
