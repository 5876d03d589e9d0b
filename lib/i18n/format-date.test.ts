// The one date format (lib/i18n/format-date.ts): Asia/Shanghai whatever the machine's zone, both languages, the
// calendar day of the instant in Shanghai (not in UTC) across the day and year boundaries, no daylight saving.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { zhCN } from 'date-fns/locale/zh-CN';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatFileStamp,
  formatInputDateTime,
  formatIsoDay,
  formatSmsTime,
  formatTimeOfDay,
  formatWeekday,
  timeLeftParts,
} from './format-date';

const AT = new Date('2026-12-05T06:30:05Z'); // 14:30:05 in Shanghai

describe('formatDate / formatDateTime', () => {
  it('writes one style per language, in Shanghai time', () => {
    expect(formatDate(AT, 'zh-CN')).toBe('2026年12月5日');
    expect(formatDateTime(AT, 'zh-CN')).toBe('2026年12月5日 14:30');
    expect(formatDateTime(AT, 'zh-CN', { seconds: true })).toBe('2026年12月5日 14:30:05');
    expect(formatDate(AT, 'en')).toBe('5 Dec 2026');
    expect(formatDateTime(AT, 'en')).toBe('5 Dec 2026, 14:30');
    expect(formatDateTime(AT, 'en', { seconds: true })).toBe('5 Dec 2026, 14:30:05');
  });

  it('is the form Intl gives for zh-CN long dates and short times (what the pages showed before)', () => {
    const intl = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    for (const iso of ['2026-01-01T00:00:00Z', '2026-06-30T15:59:00Z', '2026-12-31T16:00:00Z'])
      expect(formatDateTime(new Date(iso), 'zh-CN')).toBe(intl.format(new Date(iso)));
  });

  it('takes the Shanghai day across the year boundary, not the UTC one', () => {
    // 2026-12-31 16:00 UTC is already New Year's Day 2027 in Shanghai; one minute earlier is still 2026.
    expect(formatDateTime(new Date('2026-12-31T16:00:00Z'), 'zh-CN')).toBe('2027年1月1日 00:00');
    expect(formatDateTime(new Date('2026-12-31T15:59:00Z'), 'zh-CN')).toBe('2026年12月31日 23:59');
    expect(formatDate(new Date('2026-12-31T16:00:00Z'), 'en')).toBe('1 Jan 2027');
    expect(formatDate(new Date('2026-12-31T15:59:59.999Z'), 'en')).toBe('31 Dec 2026');
  });

  it('keeps +08:00 all year: no daylight saving in March or November', () => {
    // Where zones with DST move (the last Sunday of March, the first of November), Shanghai stays 8 hours ahead.
    for (const iso of ['2026-03-29T01:30:00Z', '2026-07-15T01:30:00Z', '2026-11-01T01:30:00Z', '2027-01-15T01:30:00Z'])
      expect(formatTimeOfDay(new Date(iso))).toBe('09:30');
    // Every hour of a year reads 8 hours after UTC.
    for (let hour = 0; hour < 365 * 24; hour += 7) {
      const at = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
      expect(formatTimeOfDay(at)).toBe(`${String((at.getUTCHours() + 8) % 24).padStart(2, '0')}:00`);
    }
  });

  it('accepts ISO strings and numbers, refuses what is not a date, and reads other locales as Chinese', () => {
    expect(formatDateTime('2026-12-05T14:30:00+08:00', 'en')).toBe('5 Dec 2026, 14:30');
    expect(formatDateTime(AT.getTime(), 'zh-CN')).toBe('2026年12月5日 14:30');
    expect(formatDate(AT, 'fr')).toBe('2026年12月5日');
    expect(() => formatDate('yesterday', 'en')).toThrow(RangeError);
  });

  it('names every month in English and the weekday in both languages', () => {
    const months = Array.from({ length: 12 }, (_, month) => formatDate(new Date(Date.UTC(2026, month, 15)), 'en'));
    expect(months.map((text) => text.split(' ')[1])).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]);
    expect(formatWeekday(AT, 'zh-CN')).toBe('星期六');
    expect(formatWeekday(AT, 'en')).toBe('Saturday');
  });
});

describe('the fixed-offset forms (since September 1991)', () => {
  it('write what the date-fns patterns give in the Asia/Shanghai zone, for random instants and both languages', () => {
    const patterns = {
      'zh-CN': { date: 'yyyy年M月d日', dateTime: 'yyyy年M月d日 HH:mm', seconds: 'yyyy年M月d日 HH:mm:ss' },
      en: { date: 'd MMM yyyy', dateTime: 'd MMM yyyy, HH:mm', seconds: 'd MMM yyyy, HH:mm:ss' },
    } as const;
    const locales = { 'zh-CN': zhCN, en: enGB } as const;
    const from = Date.UTC(1991, 8, 1);
    const to = Date.UTC(2100, 0, 1);
    let seed = 20261205;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const instants = [
      ...Array.from({ length: 3000 }, () => from + Math.floor(random() * (to - from))),
      // The fixed form's first instant, and the last minutes before it.
      Date.UTC(1991, 8, 16),
      Date.UTC(1991, 8, 15, 23, 59, 59),
      Date.UTC(1991, 8, 14, 17),
    ];
    for (const instant of instants)
      for (const lang of ['zh-CN', 'en'] as const) {
        const expected = (pattern: string) =>
          format(new TZDate(instant, 'Asia/Shanghai'), pattern, { locale: locales[lang] });
        expect(formatDate(instant, lang)).toBe(expected(patterns[lang].date));
        expect(formatDateTime(instant, lang)).toBe(expected(patterns[lang].dateTime));
        expect(formatDateTime(new Date(instant), lang, { seconds: true })).toBe(expected(patterns[lang].seconds));
      }
  });
});

describe('the other forms', () => {
  it('writes an ISO calendar day, SMS times, file stamps and input values in Shanghai', () => {
    expect(formatIsoDay('2027-01-01', 'zh-CN')).toBe('2027年1月1日');
    expect(formatIsoDay('2026-12-31', 'en')).toBe('31 Dec 2026');
    expect(formatSmsTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027年1月1日 00:30');
    expect(formatFileStamp(new Date('2026-12-31T16:30:00Z'))).toBe('20270101-0030');
    expect(formatInputDateTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01T00:30');
  });

  it('splits the time left before a deadline into whole hours and minutes, either side of it', () => {
    expect(timeLeftParts(3 * 3_600_000 + 12 * 60_000 + 59_999)).toEqual({ hours: 3, minutes: 12 });
    expect(timeLeftParts(-(26 * 3_600_000 + 5 * 60_000))).toEqual({ hours: 26, minutes: 5 });
    expect(timeLeftParts(59_999)).toEqual({ hours: 0, minutes: 0 });
  });
});
