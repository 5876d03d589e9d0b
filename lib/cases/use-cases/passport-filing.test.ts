// Issue 13 point 11 on a real PostgreSQL: a foreigner without a Chinese ID card files with a passport number, which is
// accepted only when the filing names a passport, then stored like a resident ID: encrypted, hashed, masked, never raw.
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { decryptIdNumber, hashIdNumber } from '@/lib/pii/id-number';
import { createUser, residentId, validFiling, type TestUser } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { ValidationError } from '@/lib/core/errors';
import { filingSchema } from '@/lib/cases/forms/schemas';
import { submitAppeal } from './submit-appeal';

let citizen: TestUser;

beforeEach(async () => {
  await resetCaseData();
  citizen = await createUser('CITIZEN');
  await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
});

async function refusal(input: unknown) {
  const error = await submitAppeal(citizen, input).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe('a passport number', () => {
  it('is accepted for a filing that names a passport, and stored encrypted, hashed apart and masked', async () => {
    const { case: filed } = await submitAppeal(
      citizen,
      validFiling({ idDocumentType: 'PASSPORT', idNumber: 'e 1234 5678', applicantName: 'Anna Müller' }),
    );
    const row = await getPrisma().case.findUniqueOrThrow({
      where: { provinceCode_id: { provinceCode: filed.provinceCode, id: filed.id } },
    });
    expect(row.idNumberMasked).toBe('E1*****78');
    expect(decryptIdNumber(row.idNumberCipher!)).toBe('E12345678');
    expect(row.idNumberHash).toBe(hashIdNumber('E12345678', 'PASSPORT'));
    expect(row.idNumberHash).not.toBe(hashIdNumber('E12345678'));
    const events = await getPrisma().auditEvent.findMany({
      where: { caseId: filed.id },
      select: { before: true, after: true, reason: true },
    });
    const stored = JSON.stringify(events);
    expect(stored).not.toContain('E12345678');
  });

  it('is refused as a resident ID, and a resident ID still gets its GB 11643 checks', async () => {
    expect(await refusal(validFiling({ idNumber: 'E12345678' }))).toMatchObject({ idNumber: 'filing.errors.idFormat' });
    const badCheck = residentId().slice(0, 17) + (residentId().endsWith('1') ? '2' : '1');
    expect(await refusal(validFiling({ idNumber: badCheck }))).toMatchObject({
      idNumber: 'filing.errors.idCheckDigit',
    });
    expect(await getPrisma().case.count()).toBe(0);
  });

  it('must look like one: letters and digits, 5 to 17 of them, with a digit', async () => {
    for (const bad of ['E12', 'ANNAMULLER', 'E1234-5678', 'E123456789012345678']) {
      expect(await refusal(validFiling({ idDocumentType: 'PASSPORT', idNumber: bad }))).toMatchObject({
        idNumber: 'filing.errors.passportFormat',
      });
    }
    expect(
      filingSchema.safeParse(validFiling({ idDocumentType: 'DRIVING_LICENCE' as never })).error?.issues[0]?.message,
    ).toBe('filing.errors.idDocumentTypeInvalid');
  });

  it('reports the ID problem together with the other fields’ problems', () => {
    const result = filingSchema.safeParse(validFiling({ idNumber: '123', mobile: 'x' }));
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['idNumber', 'mobile']));
  });
});
