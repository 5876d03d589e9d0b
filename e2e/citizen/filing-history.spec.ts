// Back, Forward and reload at every step of the filing wizard keep every answer, the interim-relief answer and the
// chosen evidence file, on a 390 px phone (SPEC §13, §15; issue 13 point 3). Each step is a history entry whose address
// names only the step; focus moves to each step's heading. The filing sends the relief answer beside the filing, and
// once filed (or on sign-out) nothing of the draft is left in the browser.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { queryCount, queryRows } from '../helpers/database';
import { signInAsCitizen } from '../helpers/sign-in';
import {
  answerAssignedAtStep,
  answerColourStep,
  answerContactStep,
  answerEvidenceStep,
  answerDocumentStep,
  answerIdentityStep,
  answerIssuerStep,
  answerPrivacyStep,
  answerReasonStep,
  answerReliefStep,
  answerStatementStep,
  answerUpToEvidence,
  BASE_URL,
  citizenContext,
  continueWizard,
  expectStep,
  pngFile,
  shanghaiLocal,
  startNewFiling,
  STATEMENT,
  STEP_HEADINGS,
} from './citizen-helpers';

const CITIZEN = '13900000061';
const CONTACT = '13700000061';
const PHONE = { width: 390, height: 844 };
const ASSIGNED_AT = shanghaiLocal(-30);
const RELIEF_DETAIL = '每周二、周五需到医院透析，下一次在 12 月 8 日上午。';
const DRAFT_DATABASE = 'filing-draft';
/** The identity step is answered with a passport: the document chosen survives Back, Forward and reload too. */
const PASSPORT_NUMBER = 'E12345678';

test.describe.configure({ mode: 'serial' });

let session: { context: BrowserContext; page: Page; storageState: string };

test.beforeAll(async ({ browser }) => {
  session = await citizenContext(
    () => browser.newContext({ baseURL: BASE_URL, viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    signInAsCitizen,
    CITIZEN,
  );
});

test.afterAll(async () => {
  await session?.context.close();
});

interface Step {
  heading: string;
  answer: (page: Page) => Promise<void>;
  /** The answer is shown again. */
  kept: (page: Page) => Promise<void>;
}

const STEPS: Step[] = [
  {
    heading: STEP_HEADINGS.type,
    answer: (page) => page.getByLabel('我的健康码被赋为红码或黄码，我认为赋码有误').check(),
    kept: (page) => expect(page.getByLabel('我的健康码被赋为红码或黄码，我认为赋码有误')).toBeChecked(),
  },
  {
    heading: STEP_HEADINGS.colour,
    answer: (page) => page.getByLabel('红码', { exact: true }).check(),
    kept: (page) => expect(page.getByLabel('红码', { exact: true })).toBeChecked(),
  },
  {
    heading: STEP_HEADINGS.assignedAt,
    answer: (page) => page.getByLabel('赋码日期和时间').fill(ASSIGNED_AT),
    kept: (page) => expect(page.getByLabel('赋码日期和时间')).toHaveValue(ASSIGNED_AT),
  },
  {
    heading: STEP_HEADINGS.issuer,
    answer: async (page) => {
      await page.getByLabel('赋码省份').selectOption('34');
      await expect(page.getByLabel('赋码的市或县（区）')).toBeEnabled();
      await page.getByLabel('赋码的市或县（区）').selectOption('340102');
    },
    kept: async (page) => {
      await expect(page.getByLabel('赋码省份')).toHaveValue('34');
      await expect(page.getByLabel('赋码的市或县（区）')).toHaveValue('340102');
    },
  },
  {
    heading: STEP_HEADINGS.reason,
    answer: (page) => page.getByLabel('时空伴随者').check(),
    kept: (page) => expect(page.getByLabel('时空伴随者')).toBeChecked(),
  },
  {
    heading: STEP_HEADINGS.grounds,
    answer: (page) => page.getByLabel('从未到过相关地点').check(),
    kept: (page) => expect(page.getByLabel('从未到过相关地点')).toBeChecked(),
  },
  {
    heading: STEP_HEADINGS.statement,
    answer: (page) => page.getByLabel('请说明情况').fill(STATEMENT),
    kept: (page) => expect(page.getByLabel('请说明情况')).toHaveValue(STATEMENT),
  },
  {
    heading: STEP_HEADINGS.outcome,
    answer: (page) => page.getByLabel('撤销赋码，恢复绿码').check(),
    kept: (page) => expect(page.getByLabel('撤销赋码，恢复绿码')).toBeChecked(),
  },
  {
    heading: STEP_HEADINGS.relief,
    answer: async (page) => {
      await page.getByLabel('需要，为了就医').check();
      await page.getByLabel('请简要说明（可选）').fill(RELIEF_DETAIL);
    },
    kept: async (page) => {
      await expect(page.getByLabel('需要，为了就医')).toBeChecked();
      await expect(page.getByLabel('请简要说明（可选）')).toHaveValue(RELIEF_DETAIL);
    },
  },
  {
    heading: STEP_HEADINGS.evidence,
    answer: async (page) => {
      await page.locator('#evidence-input').setInputFiles([await pngFile()]);
      await expect(page.getByTestId('evidence-item')).toHaveCount(1);
      // The file is stored in the browser before the page may go away.
      await expect(page.getByTestId('filing-wizard')).toHaveAttribute('data-files-saved', 'true');
    },
    kept: async (page) => {
      await expect(page.getByTestId('evidence-item')).toHaveCount(1);
      await expect(page.getByTestId('evidence-item')).toContainText('核酸报告.png');
    },
  },
  {
    heading: STEP_HEADINGS.document,
    answer: (page) => page.getByLabel('护照').check(),
    kept: (page) => expect(page.getByLabel('护照')).toBeChecked(),
  },
  {
    heading: STEP_HEADINGS.identity,
    answer: async (page) => {
      await page.getByLabel('姓名').fill('李娜');
      await page.getByLabel('护照号码').fill(PASSPORT_NUMBER);
    },
    kept: async (page) => {
      await expect(page.getByLabel('姓名')).toHaveValue('李娜');
      await expect(page.getByLabel('护照号码')).toHaveValue(PASSPORT_NUMBER);
    },
  },
  {
    heading: STEP_HEADINGS.contact,
    answer: async (page) => {
      await expect(page.getByLabel('手机号码')).toHaveValue(CITIZEN);
      await page.getByLabel('手机号码').fill(CONTACT);
    },
    kept: (page) => expect(page.getByLabel('手机号码')).toHaveValue(CONTACT),
  },
  {
    heading: STEP_HEADINGS.privacy,
    answer: (page) => page.getByLabel('我已阅读并同意按本告知书处理我的个人信息').check(),
    kept: (page) => expect(page.getByLabel('我已阅读并同意按本告知书处理我的个人信息')).toBeChecked(),
  },
];

/** The address names the step at most: nothing the person entered. */
async function expectAddressWithoutAnswers(page: Page): Promise<void> {
  expect(new URL(page.url()).pathname).toBe('/my-cases/new');
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toMatch(/^(#step=[a-zA-Z]+)?$/);
}

async function draftInBrowser(page: Page): Promise<{ answers: string | null; files: number }> {
  return page.evaluate(async (name) => {
    const answers = window.sessionStorage.getItem(name);
    const databases = await window.indexedDB.databases();
    if (!databases.some((database) => database.name === name)) return { answers, files: 0 };
    const files = await new Promise<number>((resolve, reject) => {
      const open = window.indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('files')) {
          db.close();
          resolve(0);
          return;
        }
        const count = db.transaction('files').objectStore('files').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => reject(count.error);
      };
    });
    return { answers, files };
  }, DRAFT_DATABASE);
}

const casesOfCitizen = () =>
  queryCount('SELECT count(*) FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id WHERE u.mobile = $1', [
    CITIZEN,
  ]);

test('a step further than the answers given is not opened from the address', async () => {
  const { page } = session;
  await page.goto('/my-cases/new#step=privacy');
  await expectStep(page, STEP_HEADINGS.type);
  await expect(page).toHaveURL('/my-cases/new');
  await expect(page.getByLabel('我的健康码被赋为红码或黄码，我认为赋码有误')).not.toBeChecked();
});

test('Back, Forward and reload at every step keep the answers, the relief answer and the chosen file', async () => {
  const { page } = session;
  await startNewFiling(page);
  const heading = page.getByTestId('wizard-heading');
  for (const [index, step] of STEPS.entries()) {
    const next = STEPS[index + 1]?.heading ?? STEP_HEADINGS.check;
    await expectStep(page, step.heading);
    await step.answer(page);
    await continueWizard(page);
    await expectStep(page, next);
    await expect(heading).toBeFocused();
    await expectAddressWithoutAnswers(page);

    // The browser's Back returns to the step, its answer shown and its heading focused.
    await page.goBack();
    await expectStep(page, step.heading);
    await expect(heading).toBeFocused();
    await step.kept(page);
    await expectAddressWithoutAnswers(page);

    // A reload of the step shows it again with the answer.
    await page.reload();
    await expectStep(page, step.heading);
    await step.kept(page);

    // Forward returns to the next step.
    await page.goForward();
    await expectStep(page, next);
    await expect(heading).toBeFocused();
  }

  // Every answer is on the check page, after a reload and after Back and Forward too.
  const checkAll = async () => {
    await expectStep(page, STEP_HEADINGS.check);
    await expect(page.getByTestId('answer-type')).toContainText('健康码申诉');
    await expect(page.getByTestId('answer-colour')).toContainText('红码');
    await expect(page.getByTestId('answer-issuing')).toContainText('安徽省');
    await expect(page.getByTestId('answer-reason')).toContainText('时空伴随者');
    await expect(page.getByTestId('answer-grounds')).toContainText('从未到过相关地点');
    await expect(page.getByTestId('answer-statement')).toContainText(STATEMENT);
    await expect(page.getByTestId('answer-outcome')).toContainText('撤销赋码，恢复绿码');
    await expect(page.getByTestId('answer-relief')).toContainText('需要，为了就医');
    await expect(page.getByTestId('answer-reliefDetail')).toContainText(RELIEF_DETAIL);
    await expect(page.getByTestId('answer-evidence')).toContainText('核酸报告.png');
    await expect(page.getByTestId('answer-name')).toContainText('李娜');
    await expect(page.getByTestId('answer-document')).toContainText('护照');
    await expect(page.getByTestId('answer-idNumber')).toContainText(PASSPORT_NUMBER);
    await expect(page.getByTestId('answer-mobile')).toContainText(CONTACT);
    await expect(page.getByTestId('answer-privacy')).toContainText('已同意');
  };
  await checkAll();
  await page.reload();
  await checkAll();
  await page.goBack();
  await expectStep(page, STEP_HEADINGS.privacy);
  await page.goForward();
  await checkAll();

  // "Change" opens the relief question with its answer; the in-page Back returns to the check page.
  await page.getByRole('button', { name: '修改：临时救济', exact: true }).click();
  await expectStep(page, STEP_HEADINGS.relief);
  await expect(heading).toBeFocused();
  await expect(page.getByLabel('请简要说明（可选）')).toHaveValue(RELIEF_DETAIL);
  await page.getByRole('button', { name: '返回上一步' }).click();
  await checkAll();

  // The filing carries the relief answer as its own fields, beside the filing and the file.
  expect(await casesOfCitizen()).toBe(0);
  let body = '';
  await page.route('**/*', async (route) => {
    const request = route.request();
    const headers = request.headers();
    if (
      request.method() === 'POST' &&
      headers['next-action'] &&
      String(headers['content-type']).startsWith('multipart/')
    )
      body = request.postDataBuffer()?.toString('utf8') ?? '';
    await route.fallback();
  });
  await page.getByTestId('submit-appeal').click();
  await expect(page).toHaveURL(/\/my-cases\/[0-9a-f-]{36}\/confirmation$/);
  await page.unrouteAll();
  // (A server action's form fields are sent with a numbered prefix.)
  expect(body).toMatch(/name="(_\d+_)?reliefReason"\r\n\r\nMEDICAL_CARE\r\n/);
  expect(body).toMatch(new RegExp(`name="(_\\d+_)?reliefDetail"\r\n\r\n${RELIEF_DETAIL}\r\n`));
  // The filing itself holds only what the (strict) filing schema knows.
  expect(body).not.toContain('"reliefNeed"');
  const caseId = /\/my-cases\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
  const [filed] = await queryRows<{
    mobile: string;
    colour: string;
    issuing_unit_code: string;
    id_number_masked: string;
  }>('SELECT mobile, colour, issuing_unit_code, id_number_masked FROM appeal_case WHERE id = $1', [caseId]);
  // Filed with the passport chosen: its number passed the passport check, not the resident-ID one, and is masked.
  expect(filed).toMatchObject({
    mobile: CONTACT,
    colour: 'RED',
    issuing_unit_code: '340102',
    id_number_masked: 'E1*****78',
  });
  expect(body).toContain('"idDocumentType":"PASSPORT"');
  expect(await queryCount('SELECT count(*) FROM evidence WHERE case_id = $1', [caseId])).toBe(1);
  expect(await casesOfCitizen()).toBe(1);

  // Filed: nothing of the draft is left in the browser, and a new appeal starts empty.
  expect(await draftInBrowser(page)).toEqual({ answers: null, files: 0 });
  await page.goto('/my-cases/new');
  await expectStep(page, STEP_HEADINGS.type);
  await expect(page.getByLabel('我的健康码被赋为红码或黄码，我认为赋码有误')).not.toBeChecked();
});

test('a complaint asks for the refusing province and skips its fixed outcome; a changed type asks what it newly needs', async () => {
  const { page } = session;
  await startNewFiling(page);
  await page.getByLabel('我的健康码在另一个省份不被认可').check();
  await continueWizard(page);
  await answerColourStep(page);
  await answerAssignedAtStep(page);
  await answerIssuerStep(page);
  await expectStep(page, STEP_HEADINGS.refusing);
  await page.getByLabel('不认可该健康码的省份').selectOption('41');
  await page.reload();
  await expectStep(page, STEP_HEADINGS.refusing);
  await expect(page.getByLabel('不认可该健康码的省份')).toHaveValue('41');
  await continueWizard(page);
  await answerReasonStep(page);
  await expectStep(page, STEP_HEADINGS.grounds);
  await page.getByLabel('健康码在外省不被认可').check();
  await continueWizard(page);
  await answerStatementStep(page);
  // The outcome of a complaint is fixed (recognise the code): the next question is interim relief.
  await answerReliefStep(page);
  await answerEvidenceStep(page);
  await answerDocumentStep(page);
  await answerIdentityStep(page);
  await answerContactStep(page);
  await answerPrivacyStep(page);
  await expectStep(page, STEP_HEADINGS.check);
  await expect(page.getByTestId('wizard-progress')).toContainText('共 15 步');
  await expect(page.getByTestId('answer-refusing')).toContainText('河南省');
  await expect(page.getByTestId('answer-outcome')).toContainText('认可我的健康码');
  await expect(page.getByTestId('answer-outcome').getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('answer-relief')).toContainText('不需要');

  // Made a code appeal instead: its grounds and outcome are asked again, then the check page returns.
  await page.getByRole('button', { name: '修改：申诉类型' }).click();
  await expectStep(page, STEP_HEADINGS.type);
  await page.getByLabel('我的健康码被赋为红码或黄码，我认为赋码有误').check();
  await page.getByRole('button', { name: '保存并返回核对页' }).click();
  await expectStep(page, STEP_HEADINGS.grounds);
  await page.getByLabel('从未到过相关地点').check();
  await page.getByRole('button', { name: '保存并返回核对页' }).click();
  await expectStep(page, STEP_HEADINGS.outcome);
  await page.getByLabel('由红码降为黄码').check();
  await page.getByRole('button', { name: '保存并返回核对页' }).click();
  await expectStep(page, STEP_HEADINGS.check);
  await expect(page.getByTestId('answer-refusing')).toHaveCount(0);
  await expect(page.getByTestId('answer-outcome')).toContainText('由红码降为黄码');
  await expect(page.getByTestId('wizard-progress')).toContainText('共 15 步');
});

test('signing out forgets the draft kept in the browser, answers and files', async () => {
  const { page } = session;
  await startNewFiling(page);
  await answerUpToEvidence(page);
  await page.locator('#evidence-input').setInputFiles([await pngFile('出院证明.png')]);
  await expect(page.getByTestId('filing-wizard')).toHaveAttribute('data-files-saved', 'true');
  const kept = await draftInBrowser(page);
  expect(kept.answers).toContain(STATEMENT);
  expect(kept.files).toBe(1);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await draftInBrowser(page)).toEqual({ answers: null, files: 0 });
});
