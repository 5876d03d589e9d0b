import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { verifyAuditChains } from '@/lib/audit/verify';
import { verifyPassword } from '@/lib/auth/password';
import { closeRateLimits } from '@/lib/auth/rate-limit';
import { resolveSession } from '@/lib/auth/sessions';
import { createSession } from '@/lib/auth/sessions';
import { ValidationError } from '@/lib/core/errors';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { resetCaseData } from '@/test/support/db';
import { createUser, validFiling } from '@/test/support/fixtures';
import { createStaffAccount } from './create-staff-account';
import { AppError } from '@/lib/core/errors';
import { getStaffAccount } from './get-staff-account';
import { listStaffAccounts } from './list-staff-accounts';
import type { Actor } from '@/lib/auth/actor';
import { resetStaffCredentials } from './reset-staff-credentials';
import { setReviewerCapacity } from './set-reviewer-capacity';
import { setStaffActive } from './set-staff-active';
import { updateStaffAccount } from './update-staff-account';

let admin: Actor & { id: string };

beforeEach(async () => {
  await resetCaseData();
  admin = await createUser('ADMIN');
});

afterAll(async () => {
  await closeRateLimits();
});

async function reviewerSignedIn(provinceCode = '34', unitCode = '340200') {
  const { temporaryPassword, userId } = await createStaffAccount(admin, {
    username: `rev-${Math.random().toString(36).slice(2, 8)}`,
    displayName: '审核员',
    role: 'REVIEWER',
    provinceCode,
    unitCode,
  });
  await prisma.user.update({ where: { id: userId }, data: { mustChangePassword: false } });
  const sessionId = await prisma.$transaction((tx) => createSession(tx, userId, new Date()));
  return { userId, sessionId, temporaryPassword };
}

async function version(userId: string): Promise<string> {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).updatedAt.toISOString();
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

async function counts() {
  const [users, events, sessions] = await Promise.all([
    prisma.user.count(),
    prisma.auditEvent.count(),
    prisma.session.count({ where: { revokedAt: null } }),
  ]);
  return { users, events, sessions };
}

describe('staff accounts (real PostgreSQL)', () => {
  it('creates an account with a temporary password that must be changed, audited without the password', async () => {
    const created = await createStaffAccount(admin, {
      username: 'Reviewer-AH-9',
      displayName: '新审核员',
      role: 'REVIEWER',
      provinceCode: '34',
      unitCode: '340100',
    });
    expect(created.username).toBe('reviewer-ah-9');
    const user = await prisma.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(user).toMatchObject({
      role: 'REVIEWER',
      provinceCode: '34',
      unitCode: '340100',
      mustChangePassword: true,
      active: true,
    });
    expect(await verifyPassword(created.temporaryPassword, user.passwordHash ?? '')).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'USER_CREATED' } });
    expect(event).toMatchObject({
      chain: '34',
      actorId: admin.id,
      actorRole: 'ADMIN',
      after: { userId: created.userId, username: 'reviewer-ah-9' },
    });
    expect(JSON.stringify(event.after)).not.toContain(created.temporaryPassword);

    const supervisor = await createStaffAccount(admin, {
      username: 'sup-national-2',
      displayName: '国家督导',
      role: 'SUPERVISOR',
      provinceCode: null,
      unitCode: null,
    });
    expect(
      await prisma.auditEvent.findFirst({
        where: { action: 'USER_CREATED', after: { path: ['userId'], equals: supervisor.userId } },
      }),
    ).toMatchObject({ chain: 'national' });
  });

  it('refuses a taken username, a reviewer without a unit, a unit of another province and an administrator with a province', async () => {
    await createStaffAccount(admin, {
      username: 'taken',
      displayName: '甲',
      role: 'SUPERVISOR',
      provinceCode: '41',
      unitCode: null,
    });
    const refused = (form: Parameters<typeof createStaffAccount>[1]) => rejection(createStaffAccount(admin, form));
    const before = await counts();
    expect(
      await refused({ username: 'TAKEN', displayName: '乙', role: 'SUPERVISOR', provinceCode: '41', unitCode: null }),
    ).toMatchObject({
      fieldErrors: { username: 'admin.errors.usernameTaken' },
    });
    expect(
      await refused({ username: 'no-unit', displayName: '丙', role: 'REVIEWER', provinceCode: '34', unitCode: null }),
    ).toBeInstanceOf(ValidationError);
    expect(
      await refused({
        username: 'wrong-unit',
        displayName: '丁',
        role: 'REVIEWER',
        provinceCode: '34',
        unitCode: '410100',
      }),
    ).toMatchObject({
      fieldErrors: { unitCode: 'admin.errors.unitInvalid' },
    });
    expect(
      await refused({ username: 'admin-34', displayName: '戊', role: 'ADMIN', provinceCode: '34', unitCode: null }),
    ).toBeInstanceOf(ValidationError);
    expect(
      await refused({
        username: 'smuggled',
        displayName: '己',
        role: 'ADMIN',
        provinceCode: null,
        unitCode: null,
        active: false,
      }),
    ).toBeInstanceOf(ValidationError);
    expect(await counts()).toEqual(before);
  });

  it('refuses everyone but administrators, as if nothing were there, and changes nothing', async () => {
    const { userId } = await reviewerSignedIn();
    const before = await counts();
    for (const role of ['SUPERVISOR', 'REVIEWER', 'CITIZEN'] as const) {
      const outsider = await createUser(role, { provinceCode: role === 'CITIZEN' ? null : '34' });
      const after = await counts();
      const attempts: (() => Promise<unknown>)[] = [
        () =>
          createStaffAccount(outsider, {
            username: `x-${role.toLowerCase()}`,
            displayName: 'x',
            role: 'ADMIN',
            provinceCode: null,
            unitCode: null,
          }),
        async () => setStaffActive(outsider, { userId, expectedUpdatedAt: await version(userId), active: false }),
        async () =>
          updateStaffAccount(outsider, {
            userId,
            expectedUpdatedAt: await version(userId),
            displayName: 'x',
            role: 'ADMIN',
            provinceCode: null,
            unitCode: null,
          }),
        async () =>
          resetStaffCredentials(outsider, { userId, expectedUpdatedAt: await version(userId), reset: 'PASSWORD' }),
        async () => setReviewerCapacity(outsider, { userId, expectedUpdatedAt: await version(userId), capacity: 1 }),
        () => getStaffAccount(outsider, userId),
        () => listStaffAccounts(outsider, {}),
      ];
      for (const attempt of attempts) {
        const error = await rejection(attempt());
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ status: 404 });
      }
      expect(await counts()).toEqual(after);
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).active).toBe(true);
    expect((await counts()).events).toBe(before.events);
  });

  it('disabling a reviewer who is signed in refuses their very next request, in the same transaction as its audit event', async () => {
    const { userId, sessionId } = await reviewerSignedIn();
    expect(await resolveSession(sessionId, 'REVIEWER')).toMatchObject({ id: userId });
    const result = await setStaffActive(admin, { userId, expectedUpdatedAt: await version(userId), active: false });
    expect(result).toEqual({ active: false, sessionsEnded: 1, openCases: 0 });
    expect(await resolveSession(sessionId, 'REVIEWER')).toBeNull();
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'USER_UPDATED', actorId: admin.id },
      orderBy: { seq: 'desc' },
    });
    expect(event).toMatchObject({
      chain: '34',
      before: { userId, active: true },
      after: { userId, active: false, sessionsEnded: 1 },
    });

    // Enabling again does not bring old sessions back.
    await setStaffActive(admin, { userId, expectedUpdatedAt: await version(userId), active: true });
    expect(await resolveSession(sessionId, 'REVIEWER')).toBeNull();
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it('refuses a form based on an older version of the account, and changes nothing', async () => {
    const { userId, sessionId } = await reviewerSignedIn();
    const old = await version(userId);
    await updateStaffAccount(admin, {
      userId,
      expectedUpdatedAt: old,
      displayName: '改名',
      role: 'REVIEWER',
      provinceCode: '34',
      unitCode: '340200',
    });
    const before = await counts();
    expect(await rejection(setStaffActive(admin, { userId, expectedUpdatedAt: old, active: false }))).toMatchObject({
      messageKey: 'admin.errors.stale',
      status: 409,
    });
    expect(await counts()).toEqual(before);
    expect(await resolveSession(sessionId, 'REVIEWER')).not.toBeNull();
  });

  it('ends the sessions of a role or scope change at once, but not of a new name', async () => {
    const { userId, sessionId } = await reviewerSignedIn();
    expect(
      await updateStaffAccount(admin, {
        userId,
        expectedUpdatedAt: await version(userId),
        displayName: '新名字',
        role: 'REVIEWER',
        provinceCode: '34',
        unitCode: '340200',
      }),
    ).toEqual({
      changed: true,
      sessionsEnded: 0,
    });
    expect(await resolveSession(sessionId, 'REVIEWER')).not.toBeNull();
    expect(
      await updateStaffAccount(admin, {
        userId,
        expectedUpdatedAt: await version(userId),
        displayName: '新名字',
        role: 'SUPERVISOR',
        provinceCode: '34',
        unitCode: null,
      }),
    ).toEqual({
      changed: true,
      sessionsEnded: 1,
    });
    expect(await resolveSession(sessionId, 'REVIEWER')).toBeNull();
    expect(await resolveSession(sessionId, 'SUPERVISOR')).toBeNull();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      role: 'SUPERVISOR',
      unitCode: null,
    });
  });

  it('keeps a reviewer who holds open cases in their province until a supervisor has reassigned them', async () => {
    const { userId } = await reviewerSignedIn('34', '340200');
    const citizen = await createUser('CITIZEN');
    const { case: filed } = await submitAppeal(citizen, validFiling());
    expect(filed.assigneeId).toBe(userId);
    expect(
      await rejection(
        updateStaffAccount(admin, {
          userId,
          expectedUpdatedAt: await version(userId),
          displayName: '审核员',
          role: 'REVIEWER',
          provinceCode: '41',
          unitCode: '410100',
        }),
      ),
    ).toMatchObject({
      messageKey: 'admin.errors.hasOpenCases',
    });
    // Disabling is allowed (someone who left): the cases stay for supervisors, and the answer says how many.
    expect(
      await setStaffActive(admin, { userId, expectedUpdatedAt: await version(userId), active: false }),
    ).toMatchObject({ active: false, openCases: 1 });
  });

  it('never lets an administrator disable or demote themselves', async () => {
    const self = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(
      await rejection(
        setStaffActive(admin, { userId: admin.id, expectedUpdatedAt: self.updatedAt.toISOString(), active: false }),
      ),
    ).toMatchObject({ messageKey: 'admin.errors.self' });
    expect(
      await rejection(
        updateStaffAccount(admin, {
          userId: admin.id,
          expectedUpdatedAt: self.updatedAt.toISOString(),
          displayName: 'x',
          role: 'SUPERVISOR',
          provinceCode: null,
          unitCode: null,
        }),
      ),
    ).toMatchObject({
      messageKey: 'admin.errors.self',
    });
  });

  it('resets a password (shown once, must be changed) or a second factor, ending every session', async () => {
    const { userId, sessionId, temporaryPassword } = await reviewerSignedIn();
    const reset = await resetStaffCredentials(admin, {
      userId,
      expectedUpdatedAt: await version(userId),
      reset: 'PASSWORD',
    });
    if (reset.reset !== 'PASSWORD') throw new Error('expected a password reset');
    expect(reset.sessionsEnded).toBe(1);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(reset.temporaryPassword, user.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword(temporaryPassword, user.passwordHash ?? '')).toBe(false);
    expect(await resolveSession(sessionId, 'REVIEWER')).toBeNull();

    expect(
      await rejection(
        resetStaffCredentials(admin, { userId, expectedUpdatedAt: await version(userId), reset: 'SECOND_FACTOR' }),
      ),
    ).toMatchObject({
      messageKey: 'admin.errors.noSecondFactor',
    });
    await prisma.user.update({
      where: { id: userId },
      data: { totpSecretCipher: 'v1.x.y.z', totpEnabledAt: new Date() },
    });
    await prisma.recoveryCode.create({ data: { userId, codeHash: 'a'.repeat(64) } });
    await resetStaffCredentials(admin, { userId, expectedUpdatedAt: await version(userId), reset: 'SECOND_FACTOR' });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      totpSecretCipher: null,
      totpEnabledAt: null,
    });
    expect(await prisma.recoveryCode.count({ where: { userId } })).toBe(0);
  });

  it('sets a reviewer’s capacity, audited in the province chain; refused for other roles and out of range', async () => {
    const { userId } = await reviewerSignedIn('41', '410300');
    expect(
      await setReviewerCapacity(admin, { userId, expectedUpdatedAt: await version(userId), capacity: 12 }),
    ).toEqual({ capacity: 12, changed: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).capacity).toBe(12);
    expect(
      await prisma.auditEvent.findFirst({
        where: { action: 'USER_UPDATED', after: { path: ['capacity'], equals: 12 } },
      }),
    ).toMatchObject({
      chain: '41',
      before: { capacity: 50 },
    });
    expect(
      await rejection(setReviewerCapacity(admin, { userId, expectedUpdatedAt: await version(userId), capacity: 0 })),
    ).toBeInstanceOf(ValidationError);
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
    expect(
      await rejection(
        setReviewerCapacity(admin, {
          userId: supervisor.id,
          expectedUpdatedAt: await version(supervisor.id),
          capacity: 5,
        }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('lists and shows staff without secrets', async () => {
    await reviewerSignedIn();
    const list = await listStaffAccounts(admin, { role: 'REVIEWER', province: '34' });
    expect(list.total).toBe(1);
    expect(Object.keys(list.rows[0]!).sort()).toEqual([
      'active',
      'displayName',
      'id',
      'provinceCode',
      'role',
      'secondFactor',
      'unitCode',
      'username',
    ]);
    const view = await getStaffAccount(admin, list.rows[0]!.id);
    expect(view).toMatchObject({ role: 'REVIEWER', openSessions: 1 });
    expect(JSON.stringify(view)).not.toMatch(/passwordHash|totpSecret|\$2[aby]\$/);
    expect(await rejection(getStaffAccount(admin, (await createUser('CITIZEN')).id))).toMatchObject({ status: 404 });
  });
});
