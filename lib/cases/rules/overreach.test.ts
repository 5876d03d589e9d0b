import { describe, expect, it } from 'vitest';
import type { CodeColour } from '@/lib/db/generated/enums';
import { assessOverreach, type CatalogueReason, type OverreachReason } from './overreach';

/** A catalogue built for the test (the shape of SPEC §3), not the seeded one. */
const CATALOGUE: CatalogueReason[] = [
  { code: 'CLOSE_CONTACT', maxColour: 'RED', validity: 'VALID' },
  { code: 'SPATIOTEMPORAL_COMPANION', maxColour: 'YELLOW', validity: 'VALID' },
  { code: 'TEST_OVERDUE', maxColour: 'GREEN', validity: 'VALID' },
  { code: 'UNRATED', maxColour: null, validity: 'VALID' },
  { code: 'NO_REASON_STATED', maxColour: null, validity: 'NO_REASON' },
  { code: 'NON_EPIDEMIC', maxColour: null, validity: 'NON_EPIDEMIC' },
];

describe('assessOverreach', () => {
  it.each<[CodeColour, string | null, OverreachReason | null]>([
    ['RED', 'CLOSE_CONTACT', null],
    ['YELLOW', 'CLOSE_CONTACT', null],
    ['RED', 'SPATIOTEMPORAL_COMPANION', 'COLOUR_ABOVE_MAXIMUM'],
    ['YELLOW', 'SPATIOTEMPORAL_COMPANION', null],
    ['RED', 'TEST_OVERDUE', 'COLOUR_ABOVE_MAXIMUM'],
    ['YELLOW', 'TEST_OVERDUE', 'COLOUR_ABOVE_MAXIMUM'],
    ['YELLOW', 'UNRATED', 'COLOUR_ABOVE_MAXIMUM'],
    ['RED', null, 'NO_REASON_STATED'],
    ['YELLOW', null, 'NO_REASON_STATED'],
    ['RED', 'NO_REASON_STATED', 'NO_REASON_STATED'],
    ['RED', 'NOT_IN_CATALOGUE', 'NO_REASON_STATED'],
    ['RED', 'NON_EPIDEMIC', 'NON_EPIDEMIC_REASON'],
    ['YELLOW', 'NON_EPIDEMIC', 'NON_EPIDEMIC_REASON'],
    ['GREEN', null, null],
    ['GREEN', 'NON_EPIDEMIC', null],
  ])('%s code for %s → %s', (colour, statedReasonCode, reason) => {
    expect(assessOverreach({ colour, statedReasonCode }, CATALOGUE)).toEqual({ primaFacie: reason !== null, reason });
  });

  it('judges by the catalogue it is given (a later version may rate a reason differently)', () => {
    const stricter: CatalogueReason[] = [{ code: 'CLOSE_CONTACT', maxColour: 'YELLOW', validity: 'VALID' }];
    expect(assessOverreach({ colour: 'RED', statedReasonCode: 'CLOSE_CONTACT' }, stricter)).toEqual({
      primaFacie: true,
      reason: 'COLOUR_ABOVE_MAXIMUM',
    });
    expect(assessOverreach({ colour: 'RED', statedReasonCode: 'CLOSE_CONTACT' }, [])).toEqual({
      primaFacie: true,
      reason: 'NO_REASON_STATED',
    });
  });
});
