// The request's language and Asia/Shanghai formats, in the shape the decision letter is composed with, so the page
// and its PDF format every name and date the same way.
import 'server-only';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { LetterFormat } from '@/lib/cases/views/decision-letter-layout';

export async function requestLetterFormat(): Promise<LetterFormat> {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const beijing = t('citizenTerms.beijingTime');
  return {
    t: (key, values) => t(key, values),
    date: (at) => format.dateTime(at, { dateStyle: 'long' }),
    dateTime: (at) => `${format.dateTime(at, { dateStyle: 'long', timeStyle: 'short' })}${beijing}`,
    locale,
  };
}
