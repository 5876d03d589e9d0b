// Case reference numbers, `SS-<province>-<yyyymmdd in Asia/Shanghai>-<daily sequence>` (SPEC §4). Browser-safe;
// the database counter that hands out sequences lives in allocate-reference.ts.
import { isCompactDate, shanghaiCompactDate } from '@/lib/core/calendar';

export const MAX_REFERENCE_SEQUENCE = 999_999;

const REFERENCE_PATTERN = /^SS-(\d{2})-(\d{8})-(\d{6})$/;

export interface ParsedReference {
  provinceCode: string;
  /** Filing day in Asia/Shanghai, `yyyymmdd`. */
  day: string;
  seq: number;
}

export function formatReference(provinceCode: string, at: Date, seq: number): string {
  if (!/^\d{2}$/.test(provinceCode)) throw new RangeError(`Not a province code: ${provinceCode}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_REFERENCE_SEQUENCE)
    throw new RangeError(`Reference sequence out of range: ${seq}`);
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid filing time');
  return `SS-${provinceCode}-${shanghaiCompactDate(at)}-${String(seq).padStart(6, '0')}`;
}

/** Reads a reference as typed by a person (surrounding spaces and lower case forgiven); null when malformed. */
export function parseReference(text: string): ParsedReference | null {
  const match = REFERENCE_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return null;
  const [, provinceCode = '', day = '', digits = ''] = match;
  const seq = Number(digits);
  if (seq < 1 || !isCompactDate(day)) return null;
  return { provinceCode, day, seq };
}
