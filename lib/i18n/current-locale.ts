// The language of the request being served, for server code below the pages (lib/reference/divisions.ts names places
// in it). Outside a request — scripts, the seed, the worker, tests — it is the default language, Chinese.
import 'server-only';
import { getLocale } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, type Locale } from './config';

export async function currentLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}
