// The request's language and Asia/Shanghai formats, in the shape the decision letter is composed with, so the page
// and its PDF format every name and date the same way.
import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import type { LetterFormat } from '@/lib/cases/views/decision-letter-layout';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';

export async function requestLetterFormat(): Promise<LetterFormat> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const beijing = t('citizenTerms.beijingTime');
  return {
    t: (key, values) => t(key, values),
    date: (at) => formatDate(at, locale),
    dateTime: (at) => `${formatDateTime(at, locale)}${beijing}`,
    locale,
  };
}
