// next-intl request configuration: the language of the request (lib/i18n/request-locale.ts), times in Asia/Shanghai.
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, TIME_ZONE } from './config';
import { messagesFor } from './messages';
import { requestLocale } from './request-locale';

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = requestLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get('accept-language'));
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE, now: new Date() };
});
