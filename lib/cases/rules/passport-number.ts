// Passport numbers of foreigners who hold no Chinese ID card (issue 13 point 11): the filing names the document, and a
// passport number is checked for its shape only (each country numbers its own; ICAO 9303 machine-readable zones carry
// up to 9 characters, some national numbers run longer). Browser-safe: the form and the server run the same check.

/** The identity documents a filing may name: a GB 11643 number (resident ID, residence permit, permanent residence ID) or a passport. */
export const ID_DOCUMENT_TYPES = ['RESIDENT_ID', 'PASSPORT'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

const PASSPORT_NUMBER = /^[A-Z0-9]{5,17}$/;

/** Whether a (normalised: upper case, no spaces) passport number has a passport number's shape. */
export function isPassportNumber(number: string): boolean {
  // Letters and digits only, at least one digit: a name typed into the field is not a number.
  return PASSPORT_NUMBER.test(number) && /\d/.test(number);
}
