// CSV for Excel (SPEC §12): UTF-8 with a byte-order mark, CRLF line ends, and formula injection neutralised: a text
// cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as
// text instead of running it (OWASP "CSV injection").
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would read as a formula is prefixed with an apostrophe; numbers are left as numbers. */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value instanceof Date ? value.toISOString() : value;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header.map(neutraliseCell), ...rows.map((row) => row.map(neutraliseCell))], {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[",\r\n]/,
  });
}
