// Group interim relief and closing a mass incident (SPEC §15, §16). Henan's supervisor grants relief to two cases of
// the demo's Zhengzhou incident in one action: each gets its own relief row, temporary correction order and audit event
// naming the incident, and the cases table shows the relief in force. Then the supervisor closes another incident with
// a reason: the page shows it closed, the board no longer lists it, and the close is in the province's audit chain.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { queryRows } from '../helpers/database';
import { STORAGE_STATE } from '../helpers/sign-in';

test.describe('Henan supervisor', () => {
  test.use({ storageState: STORAGE_STATE.supervisorY });

  test('grants interim relief to two cases of the Zhengzhou incident in one action', async ({ page }) => {
    test.setTimeout(120_000);
    const [incident] = await queryRows<{ id: string }>(
      `SELECT id FROM mass_incident WHERE province_code = '41' AND issuing_unit_code = '410100' AND status = 'OPEN'`,
    );
    await page.goto(`/supervise/incidents/41/${incident!.id}`);
    await page.getByText('统一临时救济', { exact: true }).last().click();
    const form = page.getByTestId('group-relief');
    await form.getByRole('button', { name: '全部取消' }).click();
    await expect(page.getByTestId('relief-selected-count')).toContainText('已选择 0 /');
    const boxes = form.getByRole('checkbox', { name: /^临时救济：案件 / });
    // The last two cases of the list: the group finding in incident.spec.ts, which may run meanwhile, takes the first.
    const count = await boxes.count();
    const references: string[] = [];
    for (const index of [count - 1, count - 2]) {
      await boxes.nth(index).check();
      references.push(((await boxes.nth(index).getAttribute('aria-label')) ?? '').replace('临时救济：案件 ', ''));
    }
    await form.getByRole('radio', { name: '绿码' }).check();
    // Refused without a reason first, then granted.
    await form.getByRole('button', { name: '对所选 2 件给予临时救济' }).click();
    await expect(form.getByText('请填写临时救济理由（至少 10 个字）。').first()).toBeVisible();
    await form.getByLabel('临时救济理由').fill('同一机关以非疫情理由批量赋红码，先行临时转为绿码以保障就医与通行。');
    await form.getByRole('button', { name: '对所选 2 件给予临时救济' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已对 2 件案件分别给予临时救济。' })).toBeVisible({
      timeout: 60_000,
    });

    await page.reload();
    for (const reference of references) await expect(page.getByTestId(`relief-${reference}`)).toHaveText('临时救济中');
    const rows = await queryRows<{ reference: string; reliefs: number; orders: number; events: number }>(
      `SELECT c.reference,
         (SELECT count(*)::int FROM interim_relief r WHERE r.province_code = c.province_code AND r.case_id = c.id
            AND r.status = 'GRANTED' AND r.to_colour = 'GREEN') AS reliefs,
         (SELECT count(*)::int FROM outbox_event o WHERE o.province_code = '41' AND o.case_id = c.id
            AND o.kind = 'INTERIM_RELIEF_ORDER') AS orders,
         (SELECT count(*)::int FROM audit_event a WHERE a.chain = '41' AND a.case_id = c.id
            AND a.action = 'INTERIM_RELIEF_GRANTED' AND a.after->>'incidentId' = $2) AS events
       FROM appeal_case c WHERE c.province_code = '41' AND c.reference = ANY($1::text[]) ORDER BY c.reference`,
      [references, incident!.id],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ reliefs: 1, orders: 1, events: 1 });
  });

  test('closes a handled incident with a reason', async ({ page }) => {
    const id = randomUUID();
    await queryRows(
      `INSERT INTO mass_incident (id, province_code, issuing_unit_code, reason_key, escalation, status, case_count,
         first_filed_at, last_filed_at, detected_at, threshold, window_hours)
       VALUES ($1, '41', '410300', 'NO_VALID_REASON', 'PROVINCIAL', 'OPEN', 0, now(), now(), now(), 20, 24)`,
      [id],
    );
    await page.goto(`/supervise/incidents/41/${id}`);
    await expect(page.getByTestId('incident-status')).toHaveText('状态：处理中');
    const form = page.getByTestId('close-incident');
    await form.getByRole('button', { name: '关闭事件' }).click();
    await expect(form.getByText('请填写关闭理由（至少 10 个字）。')).toBeVisible();
    await form.getByLabel('关闭理由').fill('经核查该批申诉已全部处理完毕，事件关闭。');
    await form.getByRole('button', { name: '关闭事件' }).click();
    await expect(page.getByTestId('incident-status')).toContainText('已于', { timeout: 30_000 });
    await expect(page.getByTestId('incident-status')).toContainText('经核查该批申诉已全部处理完毕，事件关闭。');
    await expect(page.getByTestId('close-incident')).toHaveCount(0);

    await page.goto('/supervise/incidents');
    await expect(page.getByTestId('incidents-table').getByRole('link', { name: '查看事件：洛阳市' })).toHaveCount(0);
    const [event] = await queryRows<{ reason: string }>(
      `SELECT reason FROM audit_event WHERE chain = '41' AND action = 'INCIDENT_CLOSED' AND after->>'incidentId' = $1`,
      [id],
    );
    expect(event?.reason).toBe('经核查该批申诉已全部处理完毕，事件关闭。');
  });
});
