// The language of the request being served, for server code below the pages (lib/reference/divisions.ts names places
// in it). Outside a request — scripts, the seed, the worker, tests — it is the default language, Chinese. next-intl's
// server entry is loaded only when asked: the compiled scripts of a production install run outside Next.js, where its
// import of next/headers does not even resolve.
import 'server-only';
import { DEFAULT_LOCALE, isLocale, type Locale } from './config';

export async function currentLocale(): Promise<Locale> {
  try {
    const { getLocale } = await import('next-intl/server');
    const locale = await getLocale();
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}
