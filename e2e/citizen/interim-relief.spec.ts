// Interim relief end to end (SPEC §15): the citizen asks from their case page on a phone-size screen, the reviewer
// holding the case grants a temporary green code with a reason, and the citizen sees the grant, its expiry and the
// text message; the database holds the relief, its order in the outbox and the audit events.
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryCount, queryRows } from '../helpers/database';
import { signInAsStaff, STORAGE_STATE } from '../helpers/sign-in';

const PHONE = { width: 390, height: 844 };

/**
 * A case of citizen A (13800000001) under review by a reviewer, not overreach on its face (so nobody grants it
 * automatically), with no relief asked for yet: the oldest such case (the withdrawal spec takes the newest open one),
 * outside Shanghai (the reviewer workflow spec works there).
 */
async function caseUnderReview(): Promise<{ id: string; reference: string; username: string }> {
  const [row] = await queryRows<{ id: string; reference: string; username: string }>(
    `SELECT c.id, c.reference, r.username FROM appeal_case c
       JOIN app_user u ON u.id = c.citizen_id
       JOIN app_user r ON r.id = c.assignee_id
      WHERE u.mobile = '13800000001' AND c.state::text IN ('ASSIGNED', 'IN_REVIEW') AND NOT c.prima_facie_overreach
        AND c.province_code <> '31' AND r.active
        AND NOT EXISTS (SELECT 1 FROM interim_relief i WHERE i.case_id = c.id)
      ORDER BY c.filed_at ASC LIMIT 1`,
  );
  if (!row) throw new Error('citizen 13800000001 has no demo case under review without interim relief');
  return row;
}

test('the citizen asks on a phone, the reviewer grants, the citizen sees it', async ({ browser, baseURL }) => {
  const target = await caseUnderReview();
  const citizen = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    storageState: STORAGE_STATE.citizen,
    viewport: PHONE,
  });
  const page = await citizen.newPage();
  await page.goto(`/my-cases/${target.id}`);
  const section = page.getByTestId('relief-section');
  await expect(section.getByRole('heading', { name: '临时救济', level: 2 })).toBeVisible();
  const form = section.getByTestId('relief-request-form');

  // Without a reason the request is refused beside the question, in Chinese.
  await form.getByRole('button', { name: '申请临时救济' }).click();
  await expect(page.locator('#relief-reason-error')).toHaveText('请选择申请临时救济的原因：就医、工作或出行。');
  expect(await queryCount('SELECT count(*) FROM interim_relief WHERE case_id = $1', [target.id])).toBe(0);

  await form.getByLabel('就医').check();
  await form.getByLabel('简要说明（选填）').fill('已预约明天上午的医院复诊');
  await form.getByRole('button', { name: '申请临时救济' }).click();
  await expect(section.getByTestId('relief-status')).toHaveText('临时救济：待处理');
  await expect(section.getByTestId('relief-request-form')).toHaveCount(0);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  // Nothing on the phone screen needs sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const [requested] = await queryRows<{ status: string; reason: string; detail: string }>(
    'SELECT status, reason, detail FROM interim_relief WHERE case_id = $1',
    [target.id],
  );
  expect(requested).toEqual({ status: 'REQUESTED', reason: 'MEDICAL_CARE', detail: '已预约明天上午的医院复诊' });

  // The reviewer holding the case answers on the case screen.
  const staff = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const reviewer = await staff.newPage();
  await signInAsStaff(reviewer, target.username);
  await reviewer.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await reviewer.goto(`/review/cases/${target.id}`);
  const decision = reviewer.getByTestId('relief-decision-form');
  await expect(reviewer.getByTestId('relief-section')).toContainText('已预约明天上午的医院复诊');
  await decision.getByLabel('准予：临时更正健康码').check();
  await decision.getByLabel('绿码').check();
  await decision.getByLabel('理由').fill('申诉人需及时就医，先行临时更正为绿码。');
  await decision.getByRole('button', { name: '提交' }).click();
  await expect(reviewer.getByTestId('relief-status')).toHaveText('临时救济：已准予，正在生效');
  await expect(reviewer.getByTestId('relief-decision-form')).toHaveCount(0);

  const [granted] = await queryRows<{ status: string; to_colour: string; hours: number; order_kind: string }>(
    `SELECT i.status, i.to_colour::text, extract(epoch FROM i.expires_at - i.decided_at)::int / 3600 AS hours,
            o.kind::text AS order_kind
       FROM interim_relief i JOIN outbox_event o ON o.id = i.order_id
      WHERE i.case_id = $1`,
    [target.id],
  );
  expect(granted).toEqual({ status: 'GRANTED', to_colour: 'GREEN', hours: 72, order_kind: 'INTERIM_RELIEF_ORDER' });
  const actions = await queryRows<{ action: string }>(
    `SELECT action FROM audit_event WHERE case_id = $1 AND action LIKE 'INTERIM_RELIEF_%' ORDER BY seq`,
    [target.id],
  );
  expect(actions.map((row) => row.action)).toEqual(['INTERIM_RELIEF_REQUESTED', 'INTERIM_RELIEF_GRANTED']);

  // The citizen sees the grant, its reason and its expiry on the phone, and got a text message.
  await page.reload();
  await expect(section.getByTestId('relief-status')).toHaveText('临时救济：已准予，正在生效');
  await expect(section.getByTestId('relief-granted')).toContainText('健康码临时改为绿码');
  await expect(section).toContainText('申诉人需及时就医，先行临时更正为绿码。');
  await expect(section.getByTestId('relief-expires')).toContainText('最迟至');
  expect(
    await queryCount(
      "SELECT count(*) FROM notification WHERE case_id = $1 AND template = 'INTERIM_RELIEF_GRANTED' AND channel = 'SMS'",
      [target.id],
    ),
  ).toBe(1);
  await citizen.close();
  await staff.close();
});
