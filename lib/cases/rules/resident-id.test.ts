import fc from 'fast-check';
import IDValidator from 'id-validator';
import { describe, expect, it } from 'vitest';
import {
  computeResidentIdCheckDigit,
  findResidentIdProblem,
  isValidResidentId,
  MAINLAND_PROVINCE_CODES,
  normaliseResidentId,
} from '@/lib/cases/rules/resident-id';

/** 2026-11-27 04:30 in Asia/Shanghai, still 26 November in UTC. */
const NOW = new Date('2026-11-26T20:30:00Z');

function makeId(area: string, birth: string, order = '123'): string {
  const body = `${area}${birth}${order}`;
  return `${body}${computeResidentIdCheckDigit(body)}`;
}

function withWrongCheckDigit(id: string): string {
  const right = id.slice(17);
  return `${id.slice(0, 17)}${right === '0' ? '1' : '0'}`;
}

describe('computeResidentIdCheckDigit', () => {
  it('matches the worked example of GB 11643 (check digit X) and a hand-computed one', () => {
    expect(computeResidentIdCheckDigit('11010519491231002')).toBe('X');
    // By hand: weighted sum 196, 196 mod 11 = 9, and position 9 of "10X98765432" is 3.
    expect(computeResidentIdCheckDigit('44052419800101001')).toBe('3');
  });

  it('agrees with the id-validator package, which refuses every other check character (property)', () => {
    const body = fc
      .tuple(
        fc.constantFrom(...MAINLAND_PROVINCE_CODES),
        fc.stringMatching(/^\d{4}$/),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
      )
      .map(
        ([province, area, birth, order]) =>
          `${province}${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${order}`,
      );
    fc.assert(
      fc.property(body, (first17) => {
        const digit = computeResidentIdCheckDigit(first17);
        for (const candidate of '0123456789X') {
          expect(new IDValidator().isValid(`${first17}${candidate}`, 18)).toBe(candidate === digit);
        }
      }),
    );
  });
});

describe('findResidentIdProblem', () => {
  it('accepts valid numbers from several provinces', () => {
    for (const id of [
      '11010519491231002X',
      makeId('341602', '19900101'),
      makeId('650102', '20000229'),
      makeId('440305', '19851010', '998'),
    ]) {
      expect(findResidentIdProblem(id, NOW)).toBeNull();
    }
  });

  it('refuses a wrong check digit', () => {
    expect(findResidentIdProblem('110105194912310021', NOW)).toBe('checkDigit');
    expect(findResidentIdProblem(withWrongCheckDigit(makeId('341602', '19900101')), NOW)).toBe('checkDigit');
  });

  it('refuses impossible birth dates', () => {
    expect(findResidentIdProblem(makeId('341602', '19900230'), NOW)).toBe('birthDate');
    expect(findResidentIdProblem(makeId('341602', '19901301'), NOW)).toBe('birthDate');
    expect(findResidentIdProblem(makeId('341602', '19900100'), NOW)).toBe('birthDate');
    expect(findResidentIdProblem(makeId('341602', '19010229'), NOW)).toBe('birthDate');
    expect(findResidentIdProblem(makeId('341602', '18991231'), NOW)).toBe('birthDate');
  });

  it('refuses a birth date after today in Asia/Shanghai, and accepts today', () => {
    expect(findResidentIdProblem(makeId('341602', '20261127'), NOW)).toBeNull();
    expect(findResidentIdProblem(makeId('341602', '20261128'), NOW)).toBe('birthDateFuture');
    expect(findResidentIdProblem(makeId('341602', '20300101'), NOW)).toBe('birthDateFuture');
  });

  it('refuses anything but 17 digits and a digit or X', () => {
    const valid = makeId('341602', '19900101');
    expect(findResidentIdProblem(valid.slice(0, 17), NOW)).toBe('format');
    expect(findResidentIdProblem(`${valid}1`, NOW)).toBe('format');
    expect(findResidentIdProblem('34160219900101123', NOW)).toBe('format');
    expect(findResidentIdProblem('3416021990010112Y', NOW)).toBe('format');
    expect(findResidentIdProblem('34160X199001011234'.slice(0, 18), NOW)).toBe('format');
    expect(findResidentIdProblem('', NOW)).toBe('format');
  });

  it('refuses region prefixes outside the 31 mainland provinces', () => {
    expect(MAINLAND_PROVINCE_CODES).toHaveLength(31);
    for (const area of ['990101', '710101', '810101', '820101', '000000']) {
      expect(findResidentIdProblem(makeId(area, '19900101'), NOW)).toBe('region');
    }
  });
});

describe('isValidResidentId', () => {
  it('accepts a lowercase x and surrounding or grouping spaces', () => {
    expect(normaliseResidentId(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(isValidResidentId('11010519491231002x', NOW)).toBe(true);
    expect(isValidResidentId('110105 19491231 002X', NOW)).toBe(true);
    expect(isValidResidentId('110105194912310021', NOW)).toBe(false);
  });
});

describe('other holders of a health code (issue 13, point 11)', () => {
  it.each([
    ['Hong Kong residence permit', makeId('810000', '19850612')],
    ['Macao residence permit', makeId('820000', '19900101')],
    ['Taiwan residence permit', makeId('830000', '19781224')],
    ["foreigner's permanent residence ID (2023, issued in Shanghai)", makeId('931156', '19880305')],
  ])('accepts a %s', (_kind, id) => {
    expect(findResidentIdProblem(id, NOW)).toBeNull();
    expect(isValidResidentId(id.toLowerCase(), NOW)).toBe(true);
  });

  it('checks their check digit and prefix the same way', () => {
    expect(findResidentIdProblem(withWrongCheckDigit(makeId('810000', '19850612')), NOW)).toBe('checkDigit');
    expect(findResidentIdProblem(makeId('841000', '19850612'), NOW)).toBe('region');
    expect(findResidentIdProblem(makeId('999156', '19880305'), NOW)).toBe('region');
  });
});
