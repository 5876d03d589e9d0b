// Demo ID numbers carry a valid GB 11643 check digit and the sex digit of the person.
import { describe, expect, it } from 'vitest';
import { isValidResidentId } from '@/lib/cases/rules/resident-id';
import { listDemoIdNumbers } from './demo-cases';
import { buildIdNumber } from './id-numbers';

describe('demo resident ID numbers', () => {
  it('builds valid numbers with the sex digit of the person', () => {
    const man = buildIdNumber({ areaCode: '340104', birthDate: '1985-03-12', sequence: 230, male: true });
    const woman = buildIdNumber({ areaCode: '340104', birthDate: '1985-03-12', sequence: 230, male: false });
    expect(Number(man[16]) % 2).toBe(1);
    expect(Number(woman[16]) % 2).toBe(0);
    expect(isValidResidentId(man)).toBe(true);
    expect(isValidResidentId(woman)).toBe(true);
    expect(buildIdNumber({ areaCode: '110105', birthDate: '1949-12-31', sequence: 2, male: false })).toBe(
      '11010519491231002X',
    );
  });

  it('gives every demo person a distinct valid number', () => {
    const numbers = listDemoIdNumbers();
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(isValidResidentId(number), number).toBe(true);
  });
});
