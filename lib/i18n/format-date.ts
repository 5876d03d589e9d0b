// The one way dates and times are written for people (issue 13 point 12): pages, the decision letter and its PDF,
// CSV exports, SMS texts and the command line all format here, always in Asia/Shanghai (no daylight saving since
// 1991), whatever the zone of the server or the browser. One style per language:
//
//   zh-CN  2026年12月5日 · 2026年12月5日 14:30 · 2026年12月5日 14:30:05 · 星期六
//   en     5 Dec 2026    · 5 Dec 2026, 14:30   · 5 Dec 2026, 14:30:05   · Saturday
//
// 24-hour clock, no leading zero on day or month, the Chinese form being what Intl gives for zh-CN "long" dates and
// "short" times. Written with date-fns patterns rather than Intl so the text does not move with the ICU version of
// the runtime (Node and browsers differ). Time left before a deadline is split into hours and minutes here too; the
// words around it are messages. ISO timestamps for programs (APIs, webhooks, audit payloads) are not formatted here.
// test/architecture/date-format.test.ts fails when a page, component or people-facing module formats a date itself.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { zhCN } from 'date-fns/locale/zh-CN';
import { shanghaiWallClock } from '@/lib/core/calendar';
import { TIME_ZONE, type Locale } from './config';

type When = Date | string | number;

const PATTERNS = {
  'zh-CN': { date: 'yyyy年M月d日', dateTime: 'yyyy年M月d日 HH:mm', seconds: 'yyyy年M月d日 HH:mm:ss' },
  en: { date: 'd MMM yyyy', dateTime: 'd MMM yyyy, HH:mm', seconds: 'd MMM yyyy, HH:mm:ss' },
} as const satisfies Record<Locale, Record<string, string>>;

const DATE_FNS_LOCALES = { 'zh-CN': zhCN, en: enGB } as const;

/** A locale of the app, or Chinese for anything else (the app's first language). */
function localeOf(locale: string): Locale {
  return locale === 'en' ? 'en' : 'zh-CN';
}

function inShanghai(at: When, pattern: string, locale: Locale): string {
  const instant = at instanceof Date ? at.getTime() : new Date(at).getTime();
  if (Number.isNaN(instant)) throw new RangeError(`Not a date: ${String(at)}`);
  return format(new TZDate(instant, TIME_ZONE), pattern, { locale: DATE_FNS_LOCALES[locale] });
}

/**
 * From 1991 the date and time forms below are written from Shanghai's fixed offset (lib/core/calendar.ts): a page of
 * lists writes a hundred or more of them. The text is the same as the patterns above give
 * (lib/i18n/format-date.test.ts compares them over random instants); earlier instants take the time-zone path.
 */
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (value: number) => (value < 10 ? `0${value}` : String(value));

function fixedOffsetForm(at: When, lang: Locale, form: 'date' | 'dateTime' | 'seconds'): string | null {
  // Earlier, later than 9999, or not a date: the time-zone path (which throws for the last).
  const local = shanghaiWallClock(at instanceof Date ? at.getTime() : new Date(at).getTime());
  if (!local) return null;
  const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  const date = lang === 'en' ? `${day} ${EN_MONTHS[month]} ${year}` : `${year}年${month + 1}月${day}日`;
  if (form === 'date') return date;
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}${form === 'seconds' ? `:${two(local.getUTCSeconds())}` : ''}`;
  return lang === 'en' ? `${date}, ${time}` : `${date} ${time}`;
}

/** `2026年12月5日` / `5 Dec 2026`: the calendar day in Asia/Shanghai. */
export function formatDate(at: When, locale: string): string {
  const lang = localeOf(locale);
  return fixedOffsetForm(at, lang, 'date') ?? inShanghai(at, PATTERNS[lang].date, lang);
}

/** `2026年12月5日 14:30` / `5 Dec 2026, 14:30`; with seconds where order within a minute matters (audit CSV). */
export function formatDateTime(at: When, locale: string, options: { seconds?: boolean } = {}): string {
  const lang = localeOf(locale);
  const form = options.seconds ? 'seconds' : 'dateTime';
  return fixedOffsetForm(at, lang, form) ?? inShanghai(at, PATTERNS[lang][form], lang);
}

/** `14:30`: the time of day alone, where the day is plain from the context (a lock that ends today). */
export function formatTimeOfDay(at: When): string {
  return inShanghai(at, 'HH:mm', 'zh-CN');
}

/** `星期六` / `Saturday`. */
export function formatWeekday(at: When, locale: string): string {
  const lang = localeOf(locale);
  return inShanghai(at, 'EEEE', lang);
}

/** `2026-12-05` (an ISO calendar date, a calendar day's own key) as a date for people: `2026年12月5日`. */
export function formatIsoDay(isoDate: string, locale: string): string {
  // Noon in Shanghai is the same calendar day whatever the offset.
  return formatDate(`${isoDate}T12:00:00+08:00`, locale);
}

/** A deadline relative to now, in whole hours and minutes (never negative; the status says which side it is on). */
export function timeLeftParts(ms: number): { hours: number; minutes: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** A time inside an SMS text. Notifications are queued without the recipient's language and the texts are Chinese
 * first (lib/sms/templates.ts), so the Chinese form: `2026年12月5日 14:30`. */
export function formatSmsTime(at: When): string {
  return formatDateTime(at, 'zh-CN');
}

/** `20261205-1430`: a Shanghai time inside a file name (sorts as text, safe in every file system). */
export function formatFileStamp(at: When): string {
  return inShanghai(at, 'yyyyMMdd-HHmm', 'zh-CN');
}

/** `2026-12-05T14:30`: the value of an `<input type="datetime-local">` holding a Shanghai time. */
export function formatInputDateTime(at: When): string {
  return inShanghai(at, "yyyy-MM-dd'T'HH:mm", 'zh-CN');
}
