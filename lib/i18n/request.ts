// next-intl request configuration: the language comes from the NEXT_LOCALE cookie (set by the language switch).
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, TIME_ZONE } from './config';
import { messagesFor } from './messages';

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : DEFAULT_LOCALE;
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE, now: new Date() };
});
