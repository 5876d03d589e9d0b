// Helpers for the citizen specs: real evidence files, driving the filing wizard through its Chinese labels, deciding a
// case through the engine (as its reviewer), reading a status code from the demo SMS outbox, and replaying a captured
// server-action request from another (or no) session.
import { execFileSync } from 'node:child_process';
import {
  expect,
  request as apiRequest,
  type APIResponse,
  type BrowserContext,
  type Page,
  type Route,
} from '@playwright/test';
import sharp from 'sharp';
import { queryRows } from '../helpers/database';

export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
export const VALID_ID = '340104199003071235';
export const BAD_CHECK_DIGIT_ID = '340104199003071231';

/** A demo case of citizen A (13800000001) in one of `states`: the first filed, or the newest. */
export async function demoCitizenCase(states: string[], which: 'first' | 'newest' = 'first'): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    `SELECT c.id FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id
     WHERE u.mobile = '13800000001' AND c.state::text = ANY($1)
     ORDER BY c.filed_at ${which === 'first' ? 'ASC' : 'DESC'} LIMIT 1`,
    [states],
  );
  if (!row) throw new Error(`citizen 13800000001 has no demo case in ${states.join('/')}`);
  return row.id;
}

export async function pngFile(name = '核酸报告.png') {
  const buffer = await sharp({ create: { width: 24, height: 16, channels: 3, background: { r: 0, g: 112, b: 60 } } })
    .png()
    .toBuffer();
  return { name, mimeType: 'image/png', buffer };
}

export function pdfFile(name = '行程记录.pdf') {
  const text =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(text) };
}

/** A Windows executable's first bytes under a picture's name. */
export function exeRenamedPng(name = 'setup.png') {
  const buffer = Buffer.alloc(2048);
  buffer.write('MZ', 0, 'ascii');
  buffer.write('This program cannot be run in DOS mode.', 78, 'ascii');
  return { name, mimeType: 'image/png', buffer };
}

export function sixMegabytePng(name = '大图片.png') {
  const buffer = Buffer.alloc(6 * 1024 * 1024);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(buffer);
  return { name, mimeType: 'image/png', buffer };
}

/** A date-time for the wizard's field (`yyyy-MM-ddTHH:mm`, Asia/Shanghai), `hours` from now. */
export function shanghaiLocal(hoursFromNow: number): string {
  const at = new Date(Date.now() + hoursFromNow * 3600 * 1000 + 8 * 3600 * 1000);
  return at.toISOString().slice(0, 16);
}

export interface FilingAnswers {
  codeAssignedAt?: string;
  idNumber?: string;
  /** Files with this passport number instead of a resident ID. */
  passportNumber?: string;
  statement?: string;
  files?: { name: string; mimeType: string; buffer: Buffer }[];
  /** The interim-relief reason's label and a detail; no relief when absent. */
  relief?: { reason: string; detail: string };
}

export const STATEMENT = '我当天一直在芜湖上班，从未去过合肥的任何风险区域，公司考勤记录和行程记录可以证明。';

export async function continueWizard(page: Page): Promise<void> {
  await page.getByTestId('continue').click();
}

export async function expectStep(page: Page, heading: string): Promise<void> {
  await expect(page.getByTestId('wizard-heading')).toHaveText(heading);
}

/** The heading (the question) of each wizard step, in Chinese. */
export const STEP_HEADINGS = {
  type: '您要申诉什么？',
  colour: '健康码是什么颜色？',
  assignedAt: '健康码是什么时候被赋码的？',
  issuer: '健康码是在哪里被赋码的？',
  refusing: '哪个省份不认可您的健康码？',
  reason: '告知您的赋码原因是什么？',
  grounds: '您为什么认为有误？',
  statement: '请说明发生了什么',
  outcome: '您希望如何处理？',
  relief: '在作出处理决定前，您是否需要临时救济？',
  evidence: '上传证明材料（可选）',
  document: '您用哪种证件证明身份？',
  identity: '您的姓名和身份证件号码',
  contact: '我们通过哪个手机号码联系您？',
  privacy: '个人信息处理告知书',
  check: '提交前请核对您的信息',
} as const;

export async function answerTypeStep(page: Page): Promise<void> {
  await expectStep(page, STEP_HEADINGS.type);
  await page.getByLabel('我的健康码被赋为红码或黄码，我认为赋码有误').check();
  await continueWizard(page);
}

export async function answerColourStep(page: Page): Promise<void> {
  await expectStep(page, STEP_HEADINGS.colour);
  await page.getByLabel('红码', { exact: true }).check();
  await continueWizard(page);
}

export async function answerAssignedAtStep(page: Page, codeAssignedAt = shanghaiLocal(-6)): Promise<void> {
  await expectStep(page, STEP_HEADINGS.assignedAt);
  await page.getByLabel('赋码日期和时间').fill(codeAssignedAt);
  await continueWizard(page);
}

export async function answerIssuerStep(page: Page): Promise<void> {
  await expectStep(page, STEP_HEADINGS.issuer);
  await page.getByLabel('赋码省份').selectOption('34');
  const unit = page.getByLabel('赋码的市或县（区）');
  await expect(unit).toBeEnabled();
  await unit.selectOption('340100');
  await continueWizard(page);
}

export async function answerReasonStep(page: Page): Promise<void> {
  await expectStep(page, STEP_HEADINGS.reason);
  await page.getByLabel('时空伴随者').check();
  await continueWizard(page);
}

export async function answerGroundsStep(page: Page): Promise<void> {
  await expectStep(page, STEP_HEADINGS.grounds);
  await page.getByLabel('从未到过相关地点').check();
  await continueWizard(page);
}

export async function answerStatementStep(page: Page, statement = STATEMENT): Promise<void> {
  await expectStep(page, STEP_HEADINGS.statement);
  await page.getByLabel('请说明情况').fill(statement);
  await continueWizard(page);
}

export async function answerOutcomeStep(page: Page): Promise<void> {
  await expectStep(page, STEP_HEADINGS.outcome);
  await page.getByLabel('撤销赋码，恢复绿码').check();
  await continueWizard(page);
}

export async function answerReliefStep(page: Page, relief?: { reason: string; detail: string }): Promise<void> {
  await expectStep(page, STEP_HEADINGS.relief);
  if (relief) {
    await page.getByLabel(relief.reason).check();
    await page.getByLabel('请简要说明（可选）').fill(relief.detail);
  } else await page.getByLabel('不需要').check();
  await continueWizard(page);
}

export async function answerEvidenceStep(page: Page, files: FilingAnswers['files'] = []): Promise<void> {
  await expectStep(page, STEP_HEADINGS.evidence);
  if (files.length > 0) await page.locator('#evidence-input').setInputFiles(files);
  await continueWizard(page);
}

export const DOCUMENT_LABELS = { RESIDENT_ID: '居民身份证、居住证或永久居留身份证', PASSPORT: '护照' } as const;

export async function answerDocumentStep(page: Page, document: keyof typeof DOCUMENT_LABELS = 'RESIDENT_ID') {
  await expectStep(page, STEP_HEADINGS.document);
  await page.getByLabel(DOCUMENT_LABELS[document]).check();
  await continueWizard(page);
}

/** Name and number; the number's label follows the document chosen on the step before. */
export async function answerIdentityStep(page: Page, idNumber = VALID_ID, passport = false): Promise<void> {
  await expectStep(page, STEP_HEADINGS.identity);
  await page.getByLabel('姓名').fill('张伟');
  await page.getByLabel(passport ? '护照号码' : '居民身份证号码').fill(idNumber);
  await continueWizard(page);
}

export async function answerContactStep(page: Page): Promise<void> {
  await expectStep(page, STEP_HEADINGS.contact);
  await continueWizard(page);
}

export async function answerPrivacyStep(page: Page): Promise<void> {
  await expectStep(page, STEP_HEADINGS.privacy);
  await page.getByLabel('我已阅读并同意按本告知书处理我的个人信息').check();
  await continueWizard(page);
}

/** Answers every step up to (not including) the evidence step. */
export async function answerUpToEvidence(page: Page, answers: FilingAnswers = {}): Promise<void> {
  await answerTypeStep(page);
  await answerColourStep(page);
  await answerAssignedAtStep(page, answers.codeAssignedAt);
  await answerIssuerStep(page);
  await answerReasonStep(page);
  await answerGroundsStep(page);
  await answerStatementStep(page, answers.statement);
  await answerOutcomeStep(page);
  await answerReliefStep(page, answers.relief);
}

/** Opens the wizard afresh: a draft this tab still keeps from an earlier attempt is given up first ("stop"). */
export async function startNewFiling(page: Page): Promise<void> {
  await page.goto('/my-cases/new');
  await page.getByRole('link', { name: '不申诉了，返回我的申诉' }).click();
  await expect(page).toHaveURL('/my-cases');
  await page.goto('/my-cases/new');
  await expectStep(page, STEP_HEADINGS.type);
}

/** Answers every step with valid values (overridable) and stops on "check your answers". */
export async function fillWizard(page: Page, answers: FilingAnswers = {}): Promise<void> {
  await startNewFiling(page);
  await answerUpToEvidence(page, answers);
  await answerEvidenceStep(page, answers.files);
  await answerDocumentStep(page, answers.passportNumber ? 'PASSPORT' : 'RESIDENT_ID');
  await answerIdentityStep(page, answers.passportNumber ?? answers.idNumber, answers.passportNumber !== undefined);
  await answerContactStep(page);
  await answerPrivacyStep(page);
  await expectStep(page, STEP_HEADINGS.check);
}

/** Decides the case through the engine as its assigned reviewer (e2e/helpers/decide-case.ts). */
export function decideThroughEngine(
  reference: string,
  outcome: 'UPHELD' | 'DOWNGRADED' | 'REVOKED' = 'REVOKED',
): { reasons: string } {
  return runHelper<{ reasons: string }>('e2e/helpers/decide-case.ts', [reference, outcome], 'reference');
}

/**
 * Runs a test-only helper script (npx tsx, server conditions) and returns its JSON answer: the last line that is an
 * object starting with `firstKey` (the app's own log lines, also JSON, may be flushed after it).
 */
export function runHelper<T>(script: string, args: string[], firstKey: string): T {
  const output = execFileSync('npx', ['tsx', '--conditions=react-server', script, ...args], { encoding: 'utf8' });
  const line = output
    .trim()
    .split('\n')
    .findLast((entry) => entry.startsWith(`{"${firstKey}"`));
  if (!line) throw new Error(`${script} printed no answer:\n${output}`);
  return JSON.parse(line) as T;
}

export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Stops the next server-action POST of `page` that `matches` before it reaches the server, and hands back what the
 * browser would have sent (its Next-Action header and body).
 */
export function captureNextAction(
  page: Page,
  matches: (headers: Record<string, string>) => boolean,
): Promise<CapturedAction> {
  return new Promise((resolve) => {
    let captured = false;
    const handler = async (route: Route) => {
      const request = route.request();
      const headers = request.headers();
      if (captured || request.method() !== 'POST' || !headers['next-action'] || !matches(headers)) {
        await route.fallback();
        return;
      }
      captured = true;
      const body = request.postDataBuffer() ?? Buffer.alloc(0);
      await route.abort();
      await page.unroute('**/*', handler);
      resolve({ url: request.url(), headers, body });
    };
    void page.route('**/*', handler);
  });
}

/** Sends a captured action request again from a fresh context: signed out, or with another person's saved session. */
export async function replayAction(
  captured: CapturedAction,
  storageState?: string,
): Promise<{ response: APIResponse; text: string }> {
  const context = await apiRequest.newContext({ baseURL: BASE_URL, storageState });
  try {
    const headers: Record<string, string> = {
      'next-action': captured.headers['next-action'] ?? '',
      'content-type': captured.headers['content-type'] ?? 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: BASE_URL,
    };
    if (captured.headers['next-router-state-tree'])
      headers['next-router-state-tree'] = captured.headers['next-router-state-tree'];
    const response = await context.post(captured.url, { headers, data: captured.body });
    return { response, text: await response.text() };
  } finally {
    await context.dispose();
  }
}

/** Signs a citizen in through the real form in a new browser context and saves the session for replays. */
export async function citizenContext(
  newContext: () => Promise<BrowserContext>,
  signIn: (page: Page, mobile: string) => Promise<void>,
  mobile: string,
): Promise<{ context: BrowserContext; page: Page; storageState: string }> {
  const context = await newContext();
  const page = await context.newPage();
  await signIn(page, mobile);
  await expect(page).toHaveURL('/my-cases');
  const storageState = `.data/e2e-auth/citizen-${mobile}.json`;
  await context.storageState({ path: storageState });
  return { context, page, storageState };
}
