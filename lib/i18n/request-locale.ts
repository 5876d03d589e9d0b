// The language of a request (SPEC §13): the visitor's own choice (the NEXT_LOCALE cookie, set by the language
// switch) first, then the browser's Accept-Language, then Chinese. Accept-Language is negotiated by `negotiator`
// (the jshttp package Express uses): q-values and language ranges as RFC 9110 defines them.
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './config';

export function requestLocale(cookieLocale: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieLocale)) return cookieLocale;
  const [preferred] = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).languages([...LOCALES]);
  return isLocale(preferred) ? preferred : DEFAULT_LOCALE;
}
