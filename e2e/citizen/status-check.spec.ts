// The status check without an account (SPEC §11), in both languages: an unknown reference gets exactly the answer a
// known one gets and sends nothing; a wrong code is refused beside the field; the right code, sent to the phone on the
// case, shows the status in plain words and no personal data.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { queryCount, queryRows } from '../helpers/database';
import { readLatestCode } from '../helpers/sign-in';
import { BASE_URL } from './citizen-helpers';

const LANGUAGES = [
  {
    locale: 'zh-CN',
    mobile: '13800000005',
    send: '发送验证码',
    show: '查看进度',
    wrong: '验证码错误或已失效，请重新获取验证码',
  },
  {
    locale: 'en',
    mobile: '13800000004',
    send: 'Send code',
    show: 'Show progress',
    wrong: 'The code is wrong or has expired. Ask for a new code',
  },
] as const;

function citizenStates(locale: string): Record<string, string> {
  const core = JSON.parse(readFileSync(`lib/i18n/messages/${locale}/core.json`, 'utf8')) as {
    citizenStates: Record<string, string>;
  };
  return core.citizenStates;
}

for (const language of LANGUAGES) {
  test(`status by reference and SMS code, in ${language.locale}`, async ({ page, context }) => {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: language.locale, url: BASE_URL }]);
    const [known] = await queryRows<{
      reference: string;
      state: string;
      applicant_name: string;
      id_number_masked: string;
    }>(
      'SELECT reference, state, applicant_name, id_number_masked FROM appeal_case WHERE mobile = $1 ORDER BY filed_at DESC LIMIT 1',
      [language.mobile],
    );
    if (!known) throw new Error(`no demo case for ${language.mobile}`);

    // Unknown reference: the same answer, and no message goes anywhere.
    await page.goto('/status');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Other specs send messages at the same time, so count only messages that could concern this reference.
    // One per language: asking twice for the same reference within a minute is refused (and says when to retry).
    const unknownReference = `SS-34-20200101-99999${language.locale === 'en' ? 9 : 8}`;
    const messagesAboutUnknown = () =>
      queryCount("SELECT count(*) FROM sms_message WHERE purpose = 'CASE_STATUS' AND body LIKE $1", [
        `%${unknownReference}%`,
      ]);
    const messagesBefore = await messagesAboutUnknown();
    await page.locator('#status-reference').fill(unknownReference);
    await page.getByRole('button', { name: language.send }).click();
    const unknownAnswer = await page.getByTestId('status-notice').innerText();
    expect(await messagesAboutUnknown()).toBe(messagesBefore);
    await page.locator('#status-code').fill('123456');
    await page.getByRole('button', { name: language.show }).click();
    await expect(page.locator('#status-code-error')).toHaveText(language.wrong);

    // Known reference (typed in lower case): the same answer, and a code to the phone on the case.
    await page.goto('/status');
    await page.locator('#status-reference').fill(known.reference.toLowerCase());
    await page.getByRole('button', { name: language.send }).click();
    await expect(page.getByTestId('status-notice')).toHaveText(unknownAnswer);
    expect(
      await queryCount('SELECT count(*) FROM sms_message WHERE "to" = $1 AND purpose = \'CASE_STATUS\'', [
        language.mobile,
      ]),
    ).toBeGreaterThan(0);
    const code = await readLatestCode(context, language.mobile, /验证码\s*(\d{6})/);

    await page.locator('#status-code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: language.show }).click();
    await expect(page.locator('#status-code-error')).toHaveText(language.wrong);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.locator('#status-code').fill(code);
    await page.getByRole('button', { name: language.show }).click();
    const result = page.getByTestId('status-result');
    await expect(result).toContainText(known.reference);
    await expect(result).toContainText(citizenStates(language.locale)[known.state] ?? known.state);
    await expect(result).not.toContainText(known.applicant_name);
    await expect(result).not.toContainText(known.id_number_masked.slice(-4));
    // The mobile number in full or masked (its last four digits alone can occur inside a case reference).
    await expect(result).not.toContainText(language.mobile);
    await expect(result).not.toContainText(`****${language.mobile.slice(-4)}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
}
