// Builders for engine tests: staff and citizens in given provinces, and a valid filing that tests vary field by field.
import { randomUUID } from 'node:crypto';
import { getPrisma } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import type { Actor } from '@/lib/auth/actor';
import { computeResidentIdCheckDigit } from '@/lib/cases/rules/resident-id';
import type { FilingInput } from '@/lib/cases/forms/schemas';
import { resetCaseData } from './db';

let counter = 0;

export interface TestUser extends Actor {
  id: string;
  role: Role;
  unitCode: string | null;
}

export async function createUser(
  role: Role,
  options: {
    provinceCode?: string | null;
    unitCode?: string | null;
    capacity?: number;
    active?: boolean;
    lastAssignedAt?: Date;
  } = {},
): Promise<TestUser> {
  counter += 1;
  const user = await getPrisma().user.create({
    data: {
      role,
      displayName: `${role.toLowerCase()}-${counter}`,
      username: role === 'CITIZEN' ? null : `${role.toLowerCase()}-${counter}-${randomUUID().slice(0, 6)}`,
      mobile:
        role === 'CITIZEN'
          ? `139${String(10_000_000 + counter * 7919 + Math.floor(Math.random() * 1000)).slice(-8)}`
          : null,
      provinceCode: options.provinceCode ?? null,
      unitCode: options.unitCode ?? null,
      capacity: options.capacity ?? 50,
      active: options.active ?? true,
    },
  });
  // A reviewer's load row in their province (reviewer_load), as recountReviewerLoads gives every reviewer.
  if (role === 'REVIEWER' && options.provinceCode)
    await getPrisma().reviewerLoad.create({
      data: { provinceCode: options.provinceCode, userId: user.id, lastAssignedAt: options.lastAssignedAt ?? null },
    });
  return { id: user.id, role: user.role, provinceCode: user.provinceCode, unitCode: user.unitCode };
}

/**
 * Empty case tables, a citizen, and the reviewer a valid filing is routed to (Hefei: province 34, unit 340200): the
 * start of most engine tests.
 */
export async function freshCitizenAndReviewer(): Promise<{ citizen: TestUser; reviewer: TestUser }> {
  await resetCaseData();
  const citizen = await createUser('CITIZEN');
  const reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
  return { citizen, reviewer };
}

export function residentId(region = '340104', birth = '19900307', sequence = '123'): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${computeResidentIdCheckDigit(first17)}`;
}

/** A valid red-code appeal against a Hefei (Anhui) code, filed now; override any field. */
export function validFiling(overrides: Partial<FilingInput> = {}): FilingInput {
  return {
    type: 'CODE_APPEAL',
    applicantName: '张伟',
    idNumber: residentId(),
    mobile: '13912345678',
    colour: 'RED',
    codeAssignedAt: new Date(Date.now() - 6 * 3600 * 1000).toISOString(),
    issuingProvinceCode: '34',
    issuingUnitCode: '340100',
    refusingProvinceCode: null,
    statedReasonCode: 'SPATIOTEMPORAL_COMPANION',
    grounds: 'NEVER_AT_PLACE',
    statement: '我当天一直在芜湖上班，从未去过合肥的任何风险区域，有公司考勤记录为证。',
    requestedOutcome: 'REVOKE',
    privacyNoticeAccepted: true,
    privacyNoticeVersion: '2026-01',
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}
