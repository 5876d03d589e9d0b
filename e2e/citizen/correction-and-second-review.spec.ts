// Issue 13 journeys: the citizen sees a correction confirmed by the province (through /api/v1), and a 复核 the citizen
// asks for either keeps the first decision (no new correction order) or improves it (a new order to the better
// colour) — checked on the pages and in the correction orders themselves. The decision letter and its PDF carry the
// dated routes.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signatureHeaders } from '@/lib/integration/signature';
import { queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';
import { BASE_URL, decideThroughEngine, runHelper, shanghaiLocal, STATEMENT, VALID_ID } from './citizen-helpers';

test.use({ storageState: STORAGE_STATE.citizen });
// Each journey files, decides through the engine (a tsx process), confirms or reviews, and renders the letter's PDF.
test.describe.configure({ timeout: 240_000 });

/** Files a red-code appeal against 合肥市 as citizen A through the JSON filing route; it is assigned automatically. */
async function fileRedAppeal(page: Page): Promise<{ caseId: string; reference: string }> {
  const response = await page.request.post('/api/appeals', {
    headers: { Origin: BASE_URL },
    data: {
      type: 'CODE_APPEAL',
      applicantName: '王芳',
      idNumber: VALID_ID,
      mobile: '13800000001',
      colour: 'RED',
      codeAssignedAt: new Date(`${shanghaiLocal(-6)}:00+08:00`).toISOString(),
      issuingProvinceCode: '34',
      issuingUnitCode: '340100',
      refusingProvinceCode: null,
      statedReasonCode: 'SPATIOTEMPORAL_COMPANION',
      grounds: 'NEVER_AT_PLACE',
      statement: STATEMENT,
      requestedOutcome: 'REVOKE',
      privacyNoticeAccepted: true,
      privacyNoticeVersion: '2026-01',
      idempotencyKey: randomUUID(),
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { caseId: string; reference: string };
}

async function correctionOrders(caseId: string) {
  return queryRows<{ id: string; to_colour: string }>(
    `SELECT id, payload->>'toColour' AS to_colour FROM outbox_event
      WHERE case_id = $1 AND kind = 'CORRECTION_ORDER' ORDER BY created_at`,
    [caseId],
  );
}

function provinceKey(provinceCode: string): { keyId: string; secret: string } {
  return runHelper('e2e/helpers/province-api-key.ts', [provinceCode], 'keyId');
}

test('the province confirms the correction through the API and the citizen sees it on the case page', async ({
  page,
}) => {
  const { caseId, reference } = await fileRedAppeal(page);
  decideThroughEngine(reference, 'REVOKED');
  const [order] = await correctionOrders(caseId);
  expect(order?.to_colour).toBe('GREEN');

  await page.goto(`/my-cases/${caseId}`);
  await expect(page.getByText('赋码省份已于')).toHaveCount(0);

  const key = provinceKey('34');
  const path = `/api/v1/corrections/${order!.id}/confirmation`;
  const body = JSON.stringify({ appliedAt: new Date(Date.now() - 60_000).toISOString(), colour: 'GREEN' });
  const confirmed = await page.request.post(path, {
    headers: {
      'Content-Type': 'application/json',
      ...signatureHeaders(key.keyId, key.secret, { method: 'POST', path, body }),
    },
    data: body,
  });
  expect(confirmed.status()).toBe(200);

  await page.reload();
  await expect(page.getByText(/已于 .+ 通知赋码省份更正您的健康码/)).toBeVisible();
  await expect(page.getByText(/赋码省份已于 .+ 确认完成更正/)).toBeVisible();
  const [row] = await queryRows<{ sent: Date | null; confirmed: Date | null }>(
    'SELECT correction_sent_at AS sent, correction_confirmed_at AS confirmed FROM appeal_case WHERE id = $1',
    [caseId],
  );
  expect(row?.sent).not.toBeNull();
  expect(row?.confirmed).not.toBeNull();
});

async function supervisorDecides(browser: Browser, reference: string, outcome: string, ruleCode: string) {
  const context = await browser.newContext({ storageState: STORAGE_STATE.supervisor });
  const page = await context.newPage();
  try {
    await page.goto(`/supervise/second-review/${reference}`);
    await page.getByRole('button', { name: '开始复核' }).click();
    await expect(page.getByText('作出复核决定').first()).toBeVisible();
    await page.locator(`input[name="outcome"][value="${outcome}"]`).check();
    await page.locator('#decide-rule').selectOption(ruleCode);
    await page
      .locator('#decide-reasons')
      .fill('经复核，申诉人提交的行程与考勤记录可信，原决定认定的事实需要据此重新评估。');
    await page.getByRole('button', { name: '作出复核决定' }).click();
    await expect(page.getByTestId('review-decided')).toBeVisible();
  } finally {
    await context.close();
  }
}

async function askForSecondReview(page: Page, caseId: string) {
  await page.goto(`/my-cases/${caseId}/decision`);
  await expect(page.getByTestId('route-second-review')).toContainText('24 时前，申请复核');
  await expect(page.getByTestId('route-reconsideration')).toContainText('向安徽省人民政府申请行政复议');
  await expect(page.getByTestId('route-litigation')).toContainText('提起行政诉讼');
  await page.getByLabel('申请复核的理由').fill('我当天不在合肥，请撤销赋码，恢复绿码。');
  await page.getByRole('button', { name: '申请复核' }).click();
  await expect(page.getByTestId('second-review-requested')).toBeVisible();
}

for (const journey of [
  { name: 'keeps the first decision (yellow): no new correction order', outcome: 'DOWNGRADED', colours: ['YELLOW'] },
  { name: 'improves it to green: a new correction order to green', outcome: 'REVOKED', colours: ['YELLOW', 'GREEN'] },
] as const) {
  test(`a 复核 after a downgrade ${journey.name}`, async ({ page, browser }) => {
    const { caseId, reference } = await fileRedAppeal(page);
    decideThroughEngine(reference, 'DOWNGRADED');
    expect((await correctionOrders(caseId)).map((order) => order.to_colour)).toEqual(['YELLOW']);

    await askForSecondReview(page, caseId);
    await supervisorDecides(browser, reference, journey.outcome, 'SECONDARY_CLOSE_CONTACT');

    expect((await correctionOrders(caseId)).map((order) => order.to_colour)).toEqual(journey.colours);
    await page.goto(`/my-cases/${caseId}/decision`);
    const second = page.getByTestId('decision-SECOND');
    await expect(second.getByTestId('decision-outcome')).toHaveText(
      journey.outcome === 'REVOKED' ? '撤销赋码，恢复绿码' : '由红码降为黄码',
    );
    await expect(second).toContainText(journey.outcome === 'REVOKED' ? '绿码' : '黄码');
    await expect(page.getByTestId('decision-FIRST')).toContainText('该决定已被下面的复核决定取代。');
    // After the review the routes run from the review's decision; there is no further 复核.
    await expect(page.getByTestId('route-second-review')).toHaveCount(0);
    await expect(page.getByTestId('route-reconsideration')).toBeVisible();

    const pdf = await page.request.get(`/my-cases/${caseId}/decision/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
}

test('another citizen gets 404 for the letter PDF', async ({ page, browser }) => {
  const { caseId, reference } = await fileRedAppeal(page);
  decideThroughEngine(reference, 'REVOKED');
  const context = await browser.newContext({ storageState: STORAGE_STATE.citizenB });
  try {
    const response = await context.request.get(`/my-cases/${caseId}/decision/pdf`);
    expect(response.status()).toBe(404);
  } finally {
    await context.close();
  }
});
