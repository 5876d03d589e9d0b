// Code assignments pushed by province systems: idempotent by record id (also under concurrent pushes), checked
// against the province's units and the catalogue, never an ID number as pseudonym; and the matching of filings.
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import type { ApiClient } from '@/lib/integration/authenticate';
import { AppError } from '@/lib/core/errors';
import { findMatchingCodeAssignment, type CodeAssignmentQuery } from '@/lib/integration/find-matching-code-assignment';
import { recordCodeAssignment } from '@/lib/integration/record-code-assignment';
import { codeAssignmentSchema, type CodeAssignmentInput } from '@/lib/integration/schemas';
import { residentId } from '@/test/support/fixtures';
import { resetIntegrationData, setUpProvince, VALID_ASSIGNMENT } from './helpers';

const db = () => getPrisma();
const HOUR = 3600_000;
let client: ApiClient;

function input(overrides: Partial<CodeAssignmentInput> = {}): CodeAssignmentInput {
  return codeAssignmentSchema.parse({ ...VALID_ASSIGNMENT, ...overrides });
}

beforeEach(async () => {
  await resetIntegrationData();
  const key = await setUpProvince('34');
  client = { apiKeyId: 'unused', keyId: key.keyId, provinceCode: '34', rateLimitPerMinute: 100 };
});

describe('recordCodeAssignment', () => {
  it('creates, then leaves an identical push unchanged, then updates a changed one', async () => {
    const created = await recordCodeAssignment(client, input());
    expect(created.status).toBe('created');
    expect(await recordCodeAssignment(client, input())).toEqual({ ...created, status: 'unchanged' });
    const updated = await recordCodeAssignment(client, input({ colour: 'YELLOW' }));
    expect(updated).toMatchObject({ id: created.id, status: 'updated' });
    expect(await db().codeAssignment.findFirstOrThrow({ where: { id: created.id } })).toMatchObject({
      colour: 'YELLOW',
      provinceCode: '34',
    });
  });

  it('ten simultaneous pushes of one new record make one row, created once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => recordCodeAssignment(client, input({ recordId: 'AH-race' }))),
    );
    expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db().codeAssignment.count()).toBe(1);
  });

  it('refuses units of other provinces, provinces themselves and reasons outside the catalogue', async () => {
    for (const [overrides, field] of [
      [{ issuingUnitCode: '410100' }, 'issuingUnitCode'],
      [{ issuingUnitCode: '340000' }, 'issuingUnitCode'],
      [{ reasonCode: 'MADE_UP' }, 'reasonCode'],
    ] as const) {
      const error = await recordCodeAssignment(client, input(overrides)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(Object.keys((error as AppError).fieldErrors ?? {})).toEqual([field]);
    }
    expect(await db().codeAssignment.count()).toBe(0);
  });

  it('the schema refuses ID numbers and mobile numbers as pseudonyms, future times and unknown fields', () => {
    const base = { ...VALID_ASSIGNMENT, personPseudonym: 'p_12345678' };
    expect(codeAssignmentSchema.safeParse(base).success).toBe(true);
    for (const personPseudonym of [residentId(), residentId().slice(0, 15), '13912345678']) {
      expect(codeAssignmentSchema.safeParse({ ...base, personPseudonym }).success, personPseudonym).toBe(false);
    }
    expect(
      codeAssignmentSchema.safeParse({ ...base, assignedAt: new Date(Date.now() + HOUR).toISOString() }).success,
    ).toBe(false);
    expect(codeAssignmentSchema.safeParse({ ...base, assignedAt: '2026-11-20T08:00:00' }).success).toBe(false);
    expect(codeAssignmentSchema.safeParse({ ...base, provinceCode: '41' }).success).toBe(false);
  });
});

describe('findMatchingCodeAssignment', () => {
  const at = new Date('2026-11-20T00:00:00Z');
  const query = (overrides: Partial<CodeAssignmentQuery> = {}): CodeAssignmentQuery => ({
    issuingProvinceCode: '34',
    issuingUnitCode: '340100',
    colour: 'RED',
    codeAssignedAt: at,
    ...overrides,
  });

  beforeEach(async () => {
    const push = (recordId: string, hours: number, overrides: Partial<CodeAssignmentInput> = {}) =>
      recordCodeAssignment(
        client,
        input({ recordId, assignedAt: new Date(at.getTime() + hours * HOUR).toISOString(), ...overrides }),
      );
    await push('near', 2, { personPseudonym: 'p_aaaaaaaa' });
    await push('far', -20, { personPseudonym: 'p_bbbbbbbb' });
    await push('outside', 25);
    await push('yellow', 0.5, { colour: 'YELLOW' });
    await push('other-unit', 0.5, { issuingUnitCode: '340200' });
  });

  it('finds the nearest assignment of the same unit and colour within 24 hours, and says how many fit', async () => {
    const match = await db().$transaction((tx) => findMatchingCodeAssignment(tx, query()));
    expect(match).toMatchObject({
      recordId: 'near',
      differenceMs: 2 * HOUR,
      candidates: 2,
      reasonCode: 'CLOSE_CONTACT',
    });
  });

  it('narrows to the person when a pseudonym is known, and finds nothing outside the window or for other provinces', async () => {
    const match = await db().$transaction((tx) =>
      findMatchingCodeAssignment(tx, query({ personPseudonym: 'p_bbbbbbbb' })),
    );
    expect(match).toMatchObject({ recordId: 'far', candidates: 1 });
    expect(
      await db().$transaction((tx) => findMatchingCodeAssignment(tx, query({ personPseudonym: 'p_cccccccc' }))),
    ).toBeNull();
    expect(
      await db().$transaction((tx) =>
        findMatchingCodeAssignment(tx, query({ codeAssignedAt: new Date(at.getTime() + 60 * HOUR) })),
      ),
    ).toBeNull();
    expect(
      await db().$transaction((tx) =>
        findMatchingCodeAssignment(tx, query({ issuingProvinceCode: '41', issuingUnitCode: '410100' })),
      ),
    ).toBeNull();
    expect(await db().$transaction((tx) => findMatchingCodeAssignment(tx, query({ colour: 'YELLOW' })))).toMatchObject({
      recordId: 'yellow',
    });
  });
});
