// Deadline policies, the working-day calendar and the reason catalogue as administrators publish them: new versions,
// audited; refused when out of bounds; cases already filed keep the versions they were filed under.
import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { ValidationError } from '@/lib/core/errors';
import { findCatalogueInForce } from '@/lib/reference/reason-catalogue';
import { loadDeadlinePolicy, loadWorkingDayCalendar } from '@/lib/reference/deadline-rules';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { resetCaseData } from '@/test/support/db';
import { createUser, validFiling } from '@/test/support/fixtures';
import { getCalendarYear } from './list-calendar-versions';
import { getCatalogueVersion } from './list-catalogue-versions';
import { getProvincePolicyHistory } from './list-deadline-policies';
import { publishCalendarVersion } from './publish-calendar-version';
import { publishCatalogueVersion } from './publish-catalogue-version';
import { publishDeadlinePolicy } from './publish-deadline-policy';
import type { Actor } from '@/lib/auth/actor';

let admin: Actor;

beforeEach(async () => {
  await resetCaseData();
  await prisma.deadlinePolicy.deleteMany({ where: { provinceCode: { not: null } } });
  admin = await createUser('ADMIN');
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

const shorter = {
  redHours: 12,
  yellowHours: 24,
  recognitionHours: 36,
  secondReviewWorkingDays: 3,
  citizenReplyHours: 96,
};

async function fileCase() {
  await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
  const citizen = await createUser('CITIZEN');
  return (await submitAppeal(citizen, validFiling())).case;
}

describe('deadline policies (real PostgreSQL)', () => {
  it('publishes a shorter provincial policy as a new version, audited in the province chain; filed cases keep their deadline', async () => {
    const filed = await fileCase();
    const published = await publishDeadlinePolicy(admin, { provinceCode: '34', basedOnVersion: null, ...shorter });
    expect(published.version).toBe(1);
    expect((await loadDeadlinePolicy(prisma, '34', new Date(Date.now() + 1000))).redHours).toBe(12);
    expect((await loadDeadlinePolicy(prisma, '41', new Date(Date.now() + 1000))).redHours).toBe(24);
    expect(await prisma.auditEvent.findFirst({ where: { action: 'POLICY_PUBLISHED' } })).toMatchObject({
      chain: '34',
      actorId: admin.id,
      after: { provinceCode: '34', version: 1, redHours: 12 },
    });
    const again = await prisma.case.findFirstOrThrow({ where: { id: filed.id } });
    expect(again.dueAt).toEqual(filed.dueAt);
    expect(again.deadlineInputs).toEqual(filed.deadlineInputs);
    expect((await getProvincePolicyHistory(admin, '34')).versions.map((version) => version.version)).toEqual([1]);
  });

  it('refuses a policy longer than the national maxima (or giving citizens less time), field by field, and writes nothing', async () => {
    const before = await Promise.all([prisma.deadlinePolicy.count(), prisma.auditEvent.count()]);
    const longer = await rejection(
      publishDeadlinePolicy(admin, {
        provinceCode: '34',
        basedOnVersion: null,
        ...shorter,
        redHours: 25,
        secondReviewWorkingDays: 6,
      }),
    );
    expect(longer).toMatchObject({
      status: 422,
      fieldErrors: {
        redHours: 'admin.errors.longerThanNational',
        secondReviewWorkingDays: 'admin.errors.longerThanNational',
      },
    });
    const lessReply = await rejection(
      publishDeadlinePolicy(admin, { provinceCode: '34', basedOnVersion: null, ...shorter, citizenReplyHours: 48 }),
    );
    expect(lessReply).toMatchObject({ fieldErrors: { citizenReplyHours: 'admin.errors.replyShorterThanNational' } });
    expect(
      await rejection(publishDeadlinePolicy(admin, { provinceCode: '99', basedOnVersion: null, ...shorter })),
    ).toMatchObject({ fieldErrors: { provinceCode: 'admin.errors.provinceInvalid' } });
    expect(
      await rejection(
        publishDeadlinePolicy(admin, { provinceCode: '34', basedOnVersion: null, ...shorter, redHours: 0 }),
      ),
    ).toBeInstanceOf(ValidationError);
    expect(await Promise.all([prisma.deadlinePolicy.count(), prisma.auditEvent.count()])).toEqual(before);
  });

  it('refuses a form based on an older version (two administrators at once)', async () => {
    await publishDeadlinePolicy(admin, { provinceCode: '34', basedOnVersion: null, ...shorter });
    expect(
      await rejection(
        publishDeadlinePolicy(admin, { provinceCode: '34', basedOnVersion: null, ...shorter, redHours: 10 }),
      ),
    ).toMatchObject({ messageKey: 'admin.errors.stale' });
    expect(
      (await publishDeadlinePolicy(admin, { provinceCode: '34', basedOnVersion: 1, ...shorter, redHours: 10 })).version,
    ).toBe(2);
  });

  it('is for administrators only', async () => {
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    expect(
      await rejection(publishDeadlinePolicy(supervisor, { provinceCode: '34', basedOnVersion: null, ...shorter })),
    ).toMatchObject({ status: 404 });
    expect(await prisma.deadlinePolicy.count({ where: { provinceCode: '34' } })).toBe(0);
  });
});

describe('working-day calendar (real PostgreSQL)', () => {
  it('publishes a corrected year as a new version that new deadlines use; filed cases keep the inputs they recorded', async () => {
    const filed = await fileCase();
    const current = await getCalendarYear(admin, 2026);
    expect(current.version?.version).toBe(1);
    // A correction: one more holiday (a Monday), one make-up Saturday removed.
    const saturday = current.days.find((day) => day.kind === 'WORKING_WEEKEND');
    const days = [
      ...current.days.filter((day) => day !== saturday),
      { date: '2026-12-28', kind: 'HOLIDAY' as const, name: '测试假日' },
    ];
    const published = await publishCalendarVersion(admin, {
      year: 2026,
      basedOnVersion: 1,
      note: '按更正通知调整',
      days,
    });
    expect(published).toMatchObject({ year: 2026, version: 2 });
    const calendar = await loadWorkingDayCalendar(prisma, [2026]);
    expect(calendar.versions).toEqual([{ year: 2026, version: 2, calendarVersionId: published.id }]);
    expect(calendar.holidays.has('2026-12-28')).toBe(true);
    if (saturday) expect(calendar.workingWeekends.has(saturday.date)).toBe(false);
    expect((await getCalendarYear(admin, 2026, 1)).days).toEqual(current.days);
    expect(await prisma.auditEvent.findFirst({ where: { action: 'CALENDAR_PUBLISHED' } })).toMatchObject({
      chain: 'national',
      before: { year: 2026, version: 1 },
      after: { year: 2026, version: 2, calendarVersionId: published.id },
    });
    expect((await prisma.case.findFirstOrThrow({ where: { id: filed.id } })).deadlineInputs).toEqual(
      filed.deadlineInputs,
    );
  });

  it('publishes the first calendar of a new year', async () => {
    expect((await getCalendarYear(admin, 2027)).version).toBeNull();
    expect(
      await publishCalendarVersion(admin, {
        year: 2027,
        basedOnVersion: null,
        note: '2027 年安排',
        days: [{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }],
      }),
    ).toMatchObject({
      version: 1,
    });
  });

  it('refuses weekday make-up days, dates of another year, duplicates and stale forms, and writes nothing', async () => {
    const before = await Promise.all([
      prisma.calendarVersion.count(),
      prisma.calendarDay.count(),
      prisma.auditEvent.count(),
    ]);
    const base = { year: 2026, basedOnVersion: 1, note: '错误的更正' };
    expect(
      await rejection(
        publishCalendarVersion(admin, {
          ...base,
          days: [{ date: '2026-12-30', kind: 'WORKING_WEEKEND', name: '周三' }],
        }),
      ),
    ).toMatchObject({
      fieldErrors: { 'days.0.kind': 'admin.errors.notAWeekend' },
    });
    expect(
      await rejection(
        publishCalendarVersion(admin, { ...base, days: [{ date: '2025-10-01', kind: 'HOLIDAY', name: '国庆节' }] }),
      ),
    ).toMatchObject({
      fieldErrors: { 'days.0.date': 'admin.errors.dateNotInYear' },
    });
    expect(
      await rejection(
        publishCalendarVersion(admin, {
          ...base,
          days: [
            { date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' },
            { date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' },
          ],
        }),
      ),
    ).toMatchObject({ fieldErrors: { 'days.1.date': 'admin.errors.dateDuplicate' } });
    expect(await rejection(publishCalendarVersion(admin, { ...base, basedOnVersion: null, days: [] }))).toMatchObject({
      messageKey: 'admin.errors.stale',
    });
    expect(
      await Promise.all([prisma.calendarVersion.count(), prisma.calendarDay.count(), prisma.auditEvent.count()]),
    ).toEqual(before);
  });
});

describe('reason catalogue (real PostgreSQL)', () => {
  it('publishes an edited copy as a new version for new filings; filed cases keep their version', async () => {
    const filed = await fileCase();
    const v1 = await getCatalogueVersion(admin);
    const reasons = v1.reasons.map((reason) =>
      reason.code === 'FEVER_CLINIC_VISIT' ? { ...reason, maxColour: 'GREEN' as const } : reason,
    );
    reasons.push({
      code: 'CONTAINER_CONTACT',
      nameZh: '冷链接触',
      nameEn: 'Cold-chain contact',
      maxColour: 'YELLOW',
      validity: 'VALID',
    });
    const published = await publishCatalogueVersion(admin, {
      basedOnVersion: v1.version,
      note: '发热门诊不再赋黄码',
      reasons,
    });
    expect(published.version).toBe(v1.version + 1);
    const inForce = await findCatalogueInForce();
    expect(inForce.version).toBe(published.version);
    expect(inForce.reasons.find((reason) => reason.code === 'FEVER_CLINIC_VISIT')?.maxColour).toBe('GREEN');
    expect((await prisma.case.findFirstOrThrow({ where: { id: filed.id } })).catalogueVersionId).toBe(v1.id);
    expect((await getCatalogueVersion(admin, v1.version)).reasons).toEqual(v1.reasons);
    expect(await prisma.auditEvent.findFirst({ where: { action: 'CATALOGUE_PUBLISHED' } })).toMatchObject({
      chain: 'national',
      after: { version: published.version, added: ['CONTAINER_CONTACT'], removed: [] },
    });
  });

  it('refuses a catalogue without the two invalid bases, an epidemic reason without a colour, or a duplicate code', async () => {
    const v1 = await getCatalogueVersion(admin);
    const before = await prisma.reasonCatalogueVersion.count();
    const base = { basedOnVersion: v1.version, note: '错误的版本' };
    expect(
      await rejection(
        publishCatalogueVersion(admin, {
          ...base,
          reasons: v1.reasons.filter((reason) => reason.validity !== 'NON_EPIDEMIC'),
        }),
      ),
    ).toBeInstanceOf(ValidationError);
    expect(
      await rejection(
        publishCatalogueVersion(admin, {
          ...base,
          reasons: v1.reasons.map((reason, index) => (index === 0 ? { ...reason, maxColour: null } : reason)),
        }),
      ),
    ).toMatchObject({ fieldErrors: { 'reasons.0.maxColour': 'admin.errors.validNeedsColour' } });
    expect(
      await rejection(publishCatalogueVersion(admin, { ...base, reasons: [...v1.reasons, v1.reasons[0]!] })),
    ).toMatchObject({
      fieldErrors: { [`reasons.${v1.reasons.length}.code`]: 'admin.errors.reasonCodeDuplicate' },
    });
    expect(await prisma.reasonCatalogueVersion.count()).toBe(before);
  });
});
