// A reviewer of Guangdong (44) and cases of Henan (41): 404 by URL, and every reviewer action replayed by direct POST
// against a Henan case (a real request captured from the reviewer's own case, its id swapped) is refused as "not
// found", with the reviewer's cookies and signed out alike; the Henan cases and their history do not change.
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { signInAsStaff } from '../helpers/sign-in';
import { casesWhere, snapshot, type CaseRow } from './reviewer-data';

interface Captured {
  headers: Record<string, string>;
  body: string;
}

const REPLAYED_HEADERS = ['next-action', 'next-router-state-tree', 'content-type', 'accept', 'origin'];

/** Intercepts the next server action the page sends, keeps it, and stops it from reaching the server. */
function actionRecorder(page: Page) {
  const captured = new Map<string, Captured>();
  let waiting: string | null = null;
  const ready = page.route('**/review/cases/**', async (route) => {
    const sent = route.request();
    if (waiting && sent.method() === 'POST' && sent.headers()['next-action']) {
      captured.set(waiting, { headers: sent.headers(), body: sent.postData() ?? '' });
      waiting = null;
      await route.abort();
      return;
    }
    await route.continue();
  });
  return {
    captured,
    async capture(name: string, act: () => Promise<void>) {
      await ready;
      waiting = name;
      await act();
      await expect.poll(() => captured.has(name)).toBe(true);
    },
  };
}

function retarget(
  captured: Captured,
  own: CaseRow,
  target: CaseRow,
): { headers: Record<string, string>; data: string } {
  const headers = Object.fromEntries(
    REPLAYED_HEADERS.filter((name) => captured.headers[name]).map((name) => [name, captured.headers[name]!]),
  );
  expect(captured.body).toContain(own.id);
  const data = captured.body
    .replaceAll(own.id, target.id)
    .replace(/"expectedVersion":\d+/g, `"expectedVersion":${target.version}`);
  return { headers, data };
}

test('Henan cases are "not found" for a Guangdong reviewer, by URL and by direct POST to each action; signed out too', async ({
  page,
  baseURL,
}) => {
  await signInAsStaff(page, 'reviewer-gd-1');
  await expect(page).toHaveURL('/review');
  const recorder = actionRecorder(page);

  // Real requests from the reviewer's own case, each captured before it reaches the server.
  const own = (await casesWhere(`c.province_code = '44' AND c.state = 'SUBMITTED' AND c.assignee_id IS NULL`)).at(-1)!;
  await page.goto(`/review/cases/${own.id}`);
  await recorder.capture('claim', () => page.getByRole('button', { name: '认领本案' }).click());
  await page.reload();
  await page.getByRole('button', { name: '认领本案' }).click();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'ASSIGNED');
  await recorder.capture('startReview', () => page.getByRole('button', { name: '开始审核' }).click());
  await recorder.capture('revealIdentity', () => page.getByRole('button', { name: '显示完整号码' }).click());
  await page.getByText('移送外省或退回待领取池').click();
  await recorder.capture('release', () => page.getByRole('button', { name: '退回待领取池' }).click());
  await page.getByLabel('移送至').selectOption('11');
  await page.getByLabel('移送理由').fill('赋码单位实际属于北京市，案件分送错误。');
  await recorder.capture('transfer', () => page.getByRole('button', { name: '移送', exact: true }).click());
  await page.reload();
  await page.getByRole('button', { name: '开始审核' }).click();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'IN_REVIEW');
  await page.getByLabel('需要补充的内容').fill('请上传赋码当日的核酸检测阴性报告。');
  await recorder.capture('requestInformation', () => page.getByRole('button', { name: '发送并暂停计时' }).click());
  await page.getByRole('radio', { name: /^维持原赋码/ }).check();
  await page.getByLabel('决定依据').selectOption({ index: 1 });
  await page.getByLabel('决定理由').fill('经核查赋码符合当时的国家标准，申诉理由不能成立，维持原赋码。');
  await recorder.capture('decide', () => page.getByRole('button', { name: '作出决定' }).click());
  await page.unrouteAll({ behavior: 'wait' });

  // Henan cases in the states where each action would otherwise be allowed (the least urgent ones, which other specs
  // working in Henan are least likely to touch meanwhile).
  const pooled = (await casesWhere(`c.province_code = '41' AND c.state = 'SUBMITTED' AND c.assignee_id IS NULL`)).at(
    -1,
  );
  const assigned = (await casesWhere(`c.province_code = '41' AND c.state = 'ASSIGNED'`)).at(-1);
  const inReview = (await casesWhere(`c.province_code = '41' AND c.state = 'IN_REVIEW'`)).at(-1);
  const targets: Record<string, CaseRow> = {
    claim: pooled!,
    startReview: assigned!,
    revealIdentity: inReview!,
    release: inReview!,
    transfer: inReview!,
    requestInformation: inReview!,
    decide: inReview!,
  };
  const ids = [pooled!.id, assigned!.id, inReview!.id];
  const before = await snapshot(ids);

  // By URL.
  for (const target of [pooled!, inReview!]) {
    const response = await page.goto(`/review/cases/${target.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '找不到该页面' })).toBeVisible();
  }

  // By direct POST, with the reviewer's cookies, then signed out.
  const signedOut = await playwrightRequest.newContext({ baseURL });
  expect([...recorder.captured.keys()].sort()).toEqual(Object.keys(targets).sort());
  for (const [name, captured] of recorder.captured) {
    const target = targets[name]!;
    const replay = retarget(captured, own, target);
    for (const [who, client, expected] of [
      ['reviewer of 44', page.request, 'errors.caseNotFound'],
      ['signed out', signedOut, 'errors.notFound'],
    ] as const) {
      const response = await client.post(`/review/cases/${target.id}`, replay);
      const text = await response.text();
      expect(text, `${name} as ${who}`).toContain(expected);
      expect(text, `${name} as ${who}`).not.toContain('"ok":true');
      expect(text, `${name} as ${who}`).not.toMatch(/"idNumber":"\d/);
    }
  }
  await signedOut.dispose();
  expect(await snapshot(ids)).toEqual(before);
});
