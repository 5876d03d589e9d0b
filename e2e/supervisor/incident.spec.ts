// A mass incident handled as a group (SPEC §16): the demo's Zhengzhou incident is on Henan's board; its supervisor
// selects cases, leaves one out and decides; each selected case shows its own decision and correction order, the
// left-out one is untouched, and the database holds a decision row and an audit event naming the incident per case.
// Another province's supervisor gets 404.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

async function demoIncident(): Promise<{ id: string; case_count: number }> {
  const [incident] = await queryRows<{ id: string; case_count: number }>(
    `SELECT id, case_count FROM mass_incident WHERE province_code = '41' AND issuing_unit_code = '410100' AND status = 'OPEN'`,
  );
  if (!incident) throw new Error('the demo data has no Zhengzhou incident');
  return incident;
}

test.describe('Henan supervisor', () => {
  test.use({ storageState: STORAGE_STATE.supervisorY });

  test('handles the Zhengzhou incident as a group, leaving one case out', async ({ page }) => {
    test.setTimeout(120_000);
    const incident = await demoIncident();
    await page.goto('/supervise');
    const section = page.getByTestId('incidents');
    await expect(section.getByRole('heading', { name: '未结群体性赋码事件' })).toBeVisible();
    await expect(section.getByTestId('incident-cases-410100')).toHaveText(String(incident.case_count));
    await section.getByRole('link', { name: '查看事件：郑州市' }).click();
    await expect(page).toHaveURL(new RegExp(`/supervise/incidents/41/${incident.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('群体性赋码事件：郑州市');
    await expect(page.getByTestId('incident-summary')).toContainText('未说明理由或与疫情无关');

    // Select none, then five cases, then leave the third one out.
    await page.getByRole('button', { name: '全不选' }).click();
    await expect(page.getByTestId('selected-count')).toContainText('已选择 0 /');
    const boxes = page.getByRole('checkbox', { name: /^纳入案件 / });
    const references: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const box = boxes.nth(i);
      await box.check();
      references.push(((await box.getAttribute('aria-label')) ?? '').replace('纳入案件 ', ''));
    }
    await boxes.nth(2).uncheck();
    const leftOut = references[2]!;
    const decided = references.filter((reference) => reference !== leftOut);
    await expect(page.getByTestId('selected-count')).toContainText('已选择 4 /');

    // The finding: refused without reasons first, then decided.
    await page.getByRole('radio', { name: '撤销赋码（转为绿码）' }).check();
    await page.getByLabel('所依据的原因目录条目').selectOption('NON_EPIDEMIC');
    await page.getByRole('button', { name: '对所选 4 件作出决定' }).click();
    await expect(page.getByText('决定理由至少 20 个字。').first()).toBeVisible();
    await page
      .getByLabel('决定理由')
      .fill('经核查，该批红码系以与疫情防控无关的理由赋码（储户维权），依法撤销，恢复绿码。');
    await page.getByRole('button', { name: '对所选 4 件作出决定' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已对 4 件案件分别作出决定。' })).toBeVisible({
      timeout: 60_000,
    });

    // Each decided case shows its own decision and correction order; the one left out is untouched.
    await page.reload();
    for (const reference of decided) {
      await expect(page.getByTestId(`decision-${reference}`)).toHaveText(/（统一认定）$/);
      await expect(page.getByTestId(`correction-${reference}`)).not.toHaveText('—');
      await expect(page.getByRole('checkbox', { name: `纳入案件 ${reference}` })).toHaveCount(0);
    }
    await expect(page.getByTestId(`decision-${leftOut}`)).toHaveText('—');
    await expect(page.getByRole('checkbox', { name: `纳入案件 ${leftOut}` })).toHaveCount(1);

    const rows = await queryRows<{ reference: string; decisions: number; events: number; orders: number; sms: number }>(
      `SELECT c.reference,
         (SELECT count(*)::int FROM decision d WHERE d.province_code = c.province_code AND d.case_id = c.id AND d.incident_id::text = $2) AS decisions,
         (SELECT count(*)::int FROM audit_event a WHERE a.chain = '41' AND a.case_id = c.id AND a.action = 'CASE_DECIDED_AS_GROUP'
            AND a.after->>'incidentId' = $2) AS events,
         (SELECT count(*)::int FROM outbox_event o WHERE o.province_code = '41' AND o.case_id = c.id AND o.kind = 'CORRECTION_ORDER') AS orders,
         (SELECT count(*)::int FROM notification n WHERE n.province_code = '41' AND n.case_id = c.id AND n.template = 'CASE_DECIDED') AS sms
       FROM appeal_case c WHERE c.province_code = '41' AND c.reference = ANY($1::text[]) ORDER BY c.reference`,
      [references, incident.id],
    );
    for (const row of rows) {
      const expected = row.reference === leftOut ? 0 : 1;
      expect(row, row.reference).toEqual({
        reference: row.reference,
        decisions: expected,
        events: expected,
        orders: expected,
        sms: expected,
      });
    }
  });

  test('the incident page reads in English and fits a phone, with the group finding, relief and closing', async ({
    browser,
    baseURL,
  }) => {
    const incident = await demoIncident();
    const context = await browser.newContext({
      storageState: STORAGE_STATE.supervisorY,
      viewport: { width: 390, height: 844 },
    });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
    const page = await context.newPage();
    await page.goto(`/supervise/incidents/41/${incident.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Mass incident: Zhengzhou/);
    await expect(page.getByTestId('incident-summary')).toContainText('Henan');
    await expect(page.getByRole('heading', { name: 'Group finding' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Group interim relief' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Close the incident' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test('the incident page has no serious or critical accessibility violations', async ({ page }) => {
    const incident = await demoIncident();
    await page.goto(`/supervise/incidents/41/${incident.id}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

test.describe('another province and the nation', () => {
  test("Anhui's supervisor gets 404 for Henan's incident", async ({ browser }) => {
    const incident = await demoIncident();
    const context = await browser.newContext({ storageState: STORAGE_STATE.supervisor });
    const page = await context.newPage();
    const response = await page.goto(`/supervise/incidents/41/${incident.id}`);
    expect(response?.status()).toBe(404);
    await context.close();
  });

  test('the national supervisor sees the incident on the board, with its province', async ({ browser }) => {
    const context = await browser.newContext({ storageState: STORAGE_STATE.nationalSupervisor });
    const page = await context.newPage();
    await page.goto('/supervise/incidents');
    const table = page.getByTestId('incidents-table');
    await expect(table.getByRole('link', { name: '查看事件：郑州市' })).toBeVisible();
    await expect(table).toContainText('河南省');
    await context.close();
  });
});
