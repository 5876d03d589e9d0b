// The audited reveal of an ID number: the holder of the case (or a supervisor) gets the number and an IDENTITY_REVEALED
// event without the number in it; outsiders get "not found", colleagues are refused, and neither leaves a trace.
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { freshCitizenAndReviewer, createUser, residentId, validFiling, type TestUser } from '@/test/support/fixtures';
import { CaseNotFoundError, ForbiddenActionError, RuleViolationError, ValidationError } from '@/lib/core/errors';
import { revealIdentity, revealIdentitySchema } from './reveal-identity';
import { parseInput } from '@/lib/core/parse-input';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';

const db = () => getPrisma();
let citizen: TestUser;
let reviewer: TestUser;

beforeEach(async () => {
  ({ citizen, reviewer } = await freshCitizenAndReviewer());
});

async function filed() {
  const { case: created } = await submitAppeal(
    citizen,
    validFiling({ idNumber: residentId('340104', '19880512', '456') }),
  );
  expect(created.assigneeId).toBe(reviewer.id);
  return created;
}

const reveals = (caseId: string) => db().auditEvent.findMany({ where: { caseId, action: 'IDENTITY_REVEALED' } });

describe('revealIdentity', () => {
  it('gives the reviewer holding the case the full number and audits it without the number', async () => {
    const created = await filed();
    const { idNumber } = await revealIdentity(reviewer, { caseId: created.id });
    expect(idNumber).toBe(residentId('340104', '19880512', '456'));
    const events = await reveals(created.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      chain: '34',
      actorId: reviewer.id,
      actorRole: 'REVIEWER',
      after: { reference: created.reference, field: 'idNumber' },
    });
    expect(JSON.stringify([events[0]!.before, events[0]!.after, events[0]!.reason])).not.toContain(idNumber!);
    await revealIdentity(reviewer, { caseId: created.id });
    expect(await reveals(created.id)).toHaveLength(2);
  });

  it('lets a supervisor of the province reveal, and refuses everyone else without a trace', async () => {
    const created = await filed();
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    expect((await revealIdentity(supervisor, { caseId: created.id })).idNumber).toMatch(/^34010419880512456/);

    const colleague = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340300' });
    const outsider = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410100' });
    const otherSupervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
    const before = await db().auditEvent.count();
    await expect(revealIdentity(colleague, { caseId: created.id })).rejects.toBeInstanceOf(RuleViolationError);
    await expect(revealIdentity(outsider, { caseId: created.id })).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(revealIdentity(otherSupervisor, { caseId: created.id })).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(revealIdentity(citizen, { caseId: created.id })).rejects.toBeInstanceOf(ForbiddenActionError);
    // The action wrapper parses with the use case's schema before calling it; a smuggled field is refused there.
    expect(() => parseInput(revealIdentitySchema, { caseId: created.id, provinceCode: '34' })).toThrow(ValidationError);
    expect(await db().auditEvent.count()).toBe(before);
  });

  it('reveals nothing, and audits nothing, once the number has been erased', async () => {
    const created = await filed();
    await db().case.updateMany({ where: { id: created.id }, data: { idNumberCipher: null } });
    expect(await revealIdentity(reviewer, { caseId: created.id })).toEqual({ idNumber: null });
    expect(await reveals(created.id)).toHaveLength(0);
  });
});
