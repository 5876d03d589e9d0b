// Every citizen page in both languages, on a 390 px phone screen: no serious or critical axe violation (WCAG 2.1 AA),
// no sideways scrolling; every wizard step (and its error state) is checked, and the first step works by keyboard.
import { expect, test, type Page } from '@playwright/test';
import { seriousAccessibilityViolations, sidewaysOverflow } from '../helpers/accessibility';
import { STORAGE_STATE } from '../helpers/sign-in';
import { BASE_URL, demoCitizenCase, shanghaiLocal, STATEMENT, VALID_ID } from './citizen-helpers';

test.use({ storageState: STORAGE_STATE.citizen, viewport: { width: 390, height: 844 } });

const LANGUAGES = [
  { locale: 'zh-CN', myCases: '我的申诉' },
  { locale: 'en', myCases: 'My appeals' },
] as const;

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page), what).toEqual([]);
  const overflow = await sidewaysOverflow(page);
  expect(overflow, `${what} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
}

for (const language of LANGUAGES) {
  test.describe(`in ${language.locale}`, () => {
    test.beforeEach(async ({ context }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: language.locale, url: BASE_URL }]);
    });

    test('my appeals, a case page, its decision, the withdrawal page, a confirmation and the status check', async ({
      page,
    }) => {
      await page.goto('/my-cases');
      await expect(page.getByRole('heading', { level: 1, name: language.myCases })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language.locale);
      await expectAccessible(page, '/my-cases');

      const decided = await demoCitizenCase(['FINAL', 'DECIDED', 'CLOSED']);
      for (const path of [
        `/my-cases/${decided}`,
        `/my-cases/${decided}/decision`,
        `/my-cases/${decided}/confirmation`,
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectAccessible(page, path);
      }
      const open = await demoCitizenCase(['SUBMITTED', 'ASSIGNED', 'IN_REVIEW']);
      for (const path of [`/my-cases/${open}`, `/my-cases/${open}/withdraw`]) {
        await page.goto(path);
        await expectAccessible(page, path);
      }
      const awaiting = await demoCitizenCase(['AWAITING_CITIZEN']);
      await page.goto(`/my-cases/${awaiting}`);
      await expectAccessible(page, 'a case awaiting the citizen, with the reply form');

      await page.goto('/status');
      await expectAccessible(page, '/status');
      // A reference of its own per language: unknown references are rate limited per reference (status-check.spec.ts
      // uses 999998 and 999999).
      await page.locator('#status-reference').fill(`SS-34-20200101-99999${language.locale === 'en' ? 7 : 6}`);
      await page.getByTestId('status-reference-form').getByRole('button').click();
      await expect(page.getByTestId('status-notice')).toBeVisible();
      await expectAccessible(page, '/status, code step');
    });

    test('every step of the filing wizard, with and without errors', async ({ page }) => {
      // About twenty axe scans, one per step and error state: three times the default time.
      test.slow();
      await page.goto('/my-cases/new');
      await expect(page.getByTestId('wizard-heading')).toBeVisible();
      await expectAccessible(page, 'wizard: type');
      await page.getByTestId('continue').click();
      await expect(page.getByTestId('error-summary')).toBeFocused();
      await expectAccessible(page, 'wizard: type with errors');
      await page.locator('#filing-type').check();
      await page.getByTestId('continue').click();

      await expect(page.getByTestId('wizard-heading')).toBeFocused();
      await expectAccessible(page, 'wizard: colour');
      await page.locator('#filing-colour').check();
      await page.getByTestId('continue').click();

      await expect(page.getByTestId('wizard-heading')).toBeFocused();
      await page.getByTestId('continue').click();
      await expectAccessible(page, 'wizard: when with errors');
      await page.locator('#filing-codeAssignedAt').fill(shanghaiLocal(-5));
      await page.getByTestId('continue').click();

      await page.getByTestId('continue').click();
      await expectAccessible(page, 'wizard: where with errors');
      await page.locator('#filing-issuingProvinceCode').selectOption('34');
      await expect(page.locator('#filing-issuingUnitCode')).toBeEnabled();
      await page.locator('#filing-issuingUnitCode').selectOption('340102');
      await expectAccessible(page, 'wizard: where');
      await page.getByTestId('continue').click();

      await page.locator('#filing-statedReasonCode').check();
      await expectAccessible(page, 'wizard: reason');
      await page.getByTestId('continue').click();

      await page.locator('#filing-grounds').check();
      await expectAccessible(page, 'wizard: grounds');
      await page.getByTestId('continue').click();

      await page.locator('#filing-statement').fill(STATEMENT);
      await expectAccessible(page, 'wizard: statement');
      await page.getByTestId('continue').click();

      await page.locator('#filing-requestedOutcome').check();
      await expectAccessible(page, 'wizard: outcome');
      await page.getByTestId('continue').click();

      await page.getByTestId('continue').click();
      await expectAccessible(page, 'wizard: relief with errors');
      await page.locator('#filing-reliefNeed').check();
      await page.locator('#filing-reliefDetail').fill('x'.repeat(20));
      await expectAccessible(page, 'wizard: relief');
      await page.getByTestId('continue').click();

      await page
        .locator('#evidence-input')
        .setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not evidence') }]);
      await page.getByTestId('continue').click();
      await expectAccessible(page, 'wizard: evidence with a refused file');
      await page.getByTestId('evidence-item').getByRole('button').click();
      await page.getByTestId('continue').click();

      await page.getByTestId('continue').click();
      await expectAccessible(page, 'wizard: identity document with an error');
      await page.locator('#filing-idDocumentType').check();
      await page.getByTestId('continue').click();

      await page.locator('#filing-applicantName').fill('Zhang Wei');
      await page.locator('#filing-idNumber').fill(VALID_ID);
      await expectAccessible(page, 'wizard: identity');
      await page.getByTestId('continue').click();

      await expect(page.locator('#filing-mobile')).toBeVisible();
      await expectAccessible(page, 'wizard: contact');
      await page.getByTestId('continue').click();

      await expectAccessible(page, 'wizard: privacy');
      await page.locator('#filing-privacyNoticeAccepted').check();
      await page.getByTestId('continue').click();

      await expect(page.getByTestId('submit-appeal')).toBeVisible();
      await expectAccessible(page, 'wizard: check your answers');
    });
  });
}

test('the first wizard steps can be answered with the keyboard alone', async ({ page }) => {
  await page.goto('/my-cases/new');
  await page.locator('#filing-type').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#filing-type')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('continue')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wizard-heading')).toBeFocused();
  await expect(page.getByTestId('wizard-heading')).toHaveText('健康码是什么颜色？');
  // From the heading, Tab reaches the first colour; arrows choose within the group.
  await page.keyboard.press('Tab');
  await expect(page.locator('#filing-colour')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#filing-colour-1')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('continue')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wizard-heading')).toBeFocused();
  await expect(page.getByTestId('wizard-heading')).toHaveText('健康码是什么时候被赋码的？');
});
