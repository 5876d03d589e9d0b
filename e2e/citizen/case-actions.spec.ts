// What a citizen does on a demo case: answer the reviewer's question with a file (the clock resumes), and withdraw an
// appeal before a decision behind a confirmation page.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryCount, queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';
import { demoCitizenCase, pngFile } from './citizen-helpers';

test.use({ storageState: STORAGE_STATE.citizen });

test('the citizen answers the reviewer’s question with a file and the clock resumes', async ({ page }) => {
  const caseId = await demoCitizenCase(['AWAITING_CITIZEN'], 'newest');
  await page.goto(`/my-cases/${caseId}`);
  await expect(page.getByTestId('deadline-paused')).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const form = page.getByTestId('reply-form');
  await form.getByRole('button', { name: '提交答复' }).click();
  await expect(page.locator('#reply-text-error')).toHaveText('请填写答复内容。');

  await form.getByLabel('您的答复').fill('当日核酸检测报告见附件，结果为阴性。');
  await form.locator('#reply-evidence').setInputFiles([await pngFile('当日核酸报告.png')]);
  await form.getByRole('button', { name: '提交答复' }).click();
  await expect(page.getByTestId('done-banner')).toHaveText('您的答复已提交，计时恢复，审核继续进行。');
  await expect(page.getByTestId('case-status')).toHaveText('正在审核');
  await expect(page.getByTestId('deadline-paused')).toHaveCount(0);
  await expect(page.getByTestId('timeline-entry').last()).toContainText('您提交了答复');
  await expect(page.getByTestId('evidence-download').filter({ hasText: '当日核酸报告.png' })).toBeVisible();

  const [row] = await queryRows<{ state: string; paused_since: Date | null }>(
    'SELECT state, paused_since FROM appeal_case WHERE id = $1',
    [caseId],
  );
  expect(row).toEqual({ state: 'IN_REVIEW', paused_since: null });
  expect(await queryCount("SELECT count(*) FROM evidence WHERE case_id = $1 AND kind = 'REPLY'", [caseId])).toBe(1);
  expect(
    await queryCount('SELECT count(*) FROM information_request WHERE case_id = $1 AND replied_at IS NULL', [caseId]),
  ).toBe(0);
});

test('the citizen withdraws an appeal after confirming', async ({ page }) => {
  const caseId = await demoCitizenCase(['SUBMITTED', 'ASSIGNED', 'IN_REVIEW'], 'newest');
  await page.goto(`/my-cases/${caseId}`);
  await page.getByTestId('withdraw-link').click();
  await expect(page).toHaveURL(`/my-cases/${caseId}/withdraw`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('确定要撤回这份申诉吗？');
  // Backing out changes nothing.
  await page.getByRole('link', { name: '不撤回，返回申诉' }).click();
  await expect(page).toHaveURL(`/my-cases/${caseId}`);
  const [before] = await queryRows<{ state: string }>('SELECT state FROM appeal_case WHERE id = $1', [caseId]);
  expect(before?.state).not.toBe('WITHDRAWN');

  await page.getByTestId('withdraw-link').click();
  await page.getByLabel('撤回原因（可选）').fill('赋码已由当地自行更正。');
  await page.getByRole('button', { name: '确认撤回申诉' }).click();
  await expect(page).toHaveURL(`/my-cases/${caseId}?done=withdrawn`);
  await expect(page.getByTestId('done-banner')).toHaveText('您已撤回这份申诉。');
  await expect(page.getByTestId('case-status')).toHaveText('您已撤回申诉');
  await expect(page.getByTestId('withdraw-link')).toHaveCount(0);
  const [after] = await queryRows<{ state: string; withdrawal_reason: string }>(
    'SELECT state, withdrawal_reason FROM appeal_case WHERE id = $1',
    [caseId],
  );
  expect(after).toEqual({ state: 'WITHDRAWN', withdrawal_reason: '赋码已由当地自行更正。' });
});
