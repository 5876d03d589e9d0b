// Resident ID numbers for demo people: 18 digits with the GB 11643 check digit (never stored raw; see sealIdNumber).
import { computeResidentIdCheckDigit } from '@/lib/cases/rules/resident-id';

/** Builds an ID number: 6-digit area code, birth date, 3-digit sequence (odd for men, even for women), check digit. */
export function buildIdNumber(input: { areaCode: string; birthDate: string; sequence: number; male: boolean }): string {
  if (!/^\d{6}$/.test(input.areaCode)) throw new Error(`bad area code ${input.areaCode}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.birthDate)) throw new Error(`bad birth date ${input.birthDate}`);
  const base = Math.max(1, Math.min(998, input.sequence));
  const sequence = base % 2 === (input.male ? 1 : 0) ? base : base + 1;
  const first17 = `${input.areaCode}${input.birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${computeResidentIdCheckDigit(first17)}`;
}
