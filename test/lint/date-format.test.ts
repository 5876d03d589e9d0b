// One date format everywhere (issue 13 point 12): every date or time written for people goes through
// lib/i18n/format-date.ts. This scan fails when a page, a component or a module formats one itself: the browser's or
// Node's locale formatting, Intl, next-intl's own date formatter, or date-fns outside the few modules that write
// machine keys (ISO days, reference numbers), each named here with why.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const THE_MODULE = 'lib/i18n/format-date.ts';

/** Formatting a date by hand, however it is spelled. */
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'toLocale…String', pattern: /\.toLocale(Date|Time)?String\(/ },
  { name: 'Intl.DateTimeFormat', pattern: /\bIntl\s*\.\s*DateTimeFormat\b/ },
  { name: 'Intl.RelativeTimeFormat', pattern: /\bIntl\s*\.\s*RelativeTimeFormat\b/ },
  { name: "next-intl's dateTime/relativeTime", pattern: /\.(dateTime|relativeTime|dateTimeRange)\(/ },
  { name: 'date-fns', pattern: /from\s+['"](date-fns|@date-fns\/[\w-]+)(\/[\w/-]+)?['"]/ },
];

/** Modules that use date-fns for keys programs read, never for text people read. */
const MACHINE_KEYS: Record<string, string> = {
  'lib/core/calendar.ts': 'the ISO calendar day (yyyy-MM-dd) of an instant in Shanghai, a calendar key',
  'lib/cases/rules/working-days.ts': 'the last instant of a civil day in Shanghai, where a deadline ends',
  'lib/supervision/periods.ts': 'ISO days and weeks that key the statistics periods',
};

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sources(relative);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** `file:line: what` for each place that formats a date itself. */
export function findHandFormattedDates(files: { file: string; text: string }[]): string[] {
  return files.flatMap(({ file, text }) =>
    file === THE_MODULE
      ? []
      : text
          .split('\n')
          .flatMap((line, index) =>
            FORBIDDEN.filter(
              ({ name, pattern }) => pattern.test(line) && !(name === 'date-fns' && file in MACHINE_KEYS),
            ).map(({ name }) => `${file}:${index + 1}: ${name}`),
          ),
  );
}

describe('dates for people are formatted in lib/i18n/format-date.ts only', () => {
  const files = ['app', 'components', 'lib'].flatMap(sources).map((file) => ({
    file,
    text: fs.readFileSync(path.join(ROOT, file), 'utf8'),
  }));

  it('finds no page, component or module formatting a date itself', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(findHandFormattedDates(files)).toEqual([]);
  });

  it('would catch each way of doing it (the scan itself is checked)', () => {
    const planted = [
      `const a = at.toLocaleString('zh-CN');`,
      `const b = at.toLocaleDateString();`,
      `const c = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(at);`,
      `const d = format.dateTime(at, { dateStyle: 'long' });`,
      `import { format } from 'date-fns';`,
      `import { TZDate } from '@date-fns/tz';`,
      `const e = new Intl.RelativeTimeFormat('en').format(-1, 'day');`,
    ];
    for (const file of ['components/citizen/planted.tsx', 'app/planted/page.tsx', 'lib/cases/views/planted.ts'])
      expect(findHandFormattedDates([{ file, text: planted.join('\n') }])).toHaveLength(planted.length);
    // The module itself, and date-fns in a module writing machine keys, are allowed.
    expect(findHandFormattedDates([{ file: THE_MODULE, text: planted.join('\n') }])).toEqual([]);
    expect(
      findHandFormattedDates([{ file: 'lib/core/calendar.ts', text: `import { format } from 'date-fns';` }]),
    ).toEqual([]);
  });

  it('names only machine-key modules that exist and still use date-fns', () => {
    for (const file of Object.keys(MACHINE_KEYS))
      expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).toMatch(/from ['"](date-fns|@date-fns\/tz)/);
  });
});
