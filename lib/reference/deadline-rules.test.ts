// Loading the calendar and the policy in force from PostgreSQL (own rows in 2031–2032 and province 65, apart from the seed).
import { getDayDetail } from 'chinese-days';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { addWorkingDays, isWorkingDay } from '@/lib/cases/rules/working-days';
import { computeFirstDecisionDeadline } from '@/lib/cases/rules/deadlines';
import { loadDeadlinePolicy, loadWorkingDayCalendar } from './deadline-rules';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function publishCalendar(
  year: number,
  version: number,
  days: { date: string; kind: 'HOLIDAY' | 'WORKING_WEEKEND' }[],
) {
  return prisma.calendarVersion.create({
    data: {
      year,
      version,
      source: 'test',
      note: `test calendar ${year} v${version}`,
      days: { create: days.map((entry) => ({ date: day(entry.date), kind: entry.kind, name: 'test' })) },
    },
  });
}

const policyValues = {
  redHours: 24,
  yellowHours: 48,
  recognitionHours: 48,
  secondReviewWorkingDays: 5,
  citizenReplyHours: 72,
};

describe('loadWorkingDayCalendar', () => {
  beforeAll(async () => {
    // 2031-10-01 is a Wednesday, 2031-10-04 a Saturday. v1 and v3 disagree; v3 is the latest and must win.
    await publishCalendar(2031, 1, [{ date: '2031-10-01', kind: 'HOLIDAY' }]);
    await publishCalendar(2031, 3, [
      { date: '2031-10-02', kind: 'HOLIDAY' },
      { date: '2031-10-04', kind: 'WORKING_WEEKEND' },
    ]);
    await publishCalendar(2031, 2, [{ date: '2031-10-03', kind: 'HOLIDAY' }]);
    await publishCalendar(2032, 1, [{ date: '2032-01-01', kind: 'HOLIDAY' }]);
  });

  it('uses the latest version of each year', async () => {
    const calendar = await loadWorkingDayCalendar(prisma, [2031, 2032]);
    const v3 = await prisma.calendarVersion.findUniqueOrThrow({ where: { year_version: { year: 2031, version: 3 } } });
    expect(calendar.versions.map(({ year, version }) => ({ year, version }))).toEqual([
      { year: 2031, version: 3 },
      { year: 2032, version: 1 },
    ]);
    expect(calendar.versions[0]?.calendarVersionId).toBe(v3.id);
    expect(isWorkingDay(calendar, '2031-10-01')).toBe(true);
    expect(isWorkingDay(calendar, '2031-10-02')).toBe(false);
    expect(isWorkingDay(calendar, '2031-10-03')).toBe(true);
    expect(isWorkingDay(calendar, '2031-10-04')).toBe(true);
    expect(isWorkingDay(calendar, '2032-01-01')).toBe(false);
    // Tue 2031-09-30: Wed 10-01 1, (10-02 holiday), Fri 10-03 2, Sat 10-04 (调休) 3, Mon 10-06 4, Tue 10-07 5.
    expect(addWorkingDays(calendar, new Date('2031-09-30T10:00:00+08:00'), 5)).toEqual(
      new Date('2031-10-07T23:59:59.999+08:00'),
    );
  });

  it('loads only the years asked for, and every year when none are given', async () => {
    const only2032 = await loadWorkingDayCalendar(prisma, [2032, 2033]);
    expect(only2032.versions.map((version) => version.year)).toEqual([2032]);
    expect(() => isWorkingDay(only2032, '2031-10-01')).toThrow(/no data for 2031/);
    const all = await loadWorkingDayCalendar(prisma);
    expect(all.versions.filter((version) => version.year === 2031).map((version) => version.version)).toEqual([3]);
    expect(all.versions.some((version) => version.year === 2032)).toBe(true);
  });

  it('loads the seeded 2020–2026 calendar, which agrees with the package day by day', async () => {
    const calendar = await loadWorkingDayCalendar(prisma, [2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(calendar.versions.map((version) => version.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (let instant = Date.UTC(2020, 0, 1); instant <= Date.UTC(2026, 11, 31); instant += 86_400_000) {
      const date = new Date(instant).toISOString().slice(0, 10);
      expect(isWorkingDay(calendar, date), date).toBe(getDayDetail(date).work);
    }
  });

  it('works inside a transaction', async () => {
    const calendar = await prisma.$transaction((tx) => loadWorkingDayCalendar(tx, [2031]));
    expect(calendar.versions[0]?.version).toBe(3);
  });
});

describe('loadDeadlinePolicy', () => {
  let national: { id: number };
  let xinjiangV2: { id: number };

  beforeAll(async () => {
    // National policies of the seed take effect long before 2031; ours take effect in 2031 and 2032.
    national = await prisma.deadlinePolicy.create({
      data: { provinceCode: null, version: 901, ...policyValues, effectiveFrom: new Date('2031-01-01T00:00:00+08:00') },
    });
    await prisma.deadlinePolicy.create({
      data: {
        provinceCode: null,
        version: 902,
        ...policyValues,
        redHours: 6,
        effectiveFrom: new Date('2032-01-01T00:00:00+08:00'),
      },
    });
    await prisma.deadlinePolicy.create({
      data: {
        provinceCode: '65',
        version: 1,
        ...policyValues,
        redHours: 20,
        effectiveFrom: new Date('2031-01-01T00:00:00+08:00'),
      },
    });
    xinjiangV2 = await prisma.deadlinePolicy.create({
      data: {
        provinceCode: '65',
        version: 2,
        ...policyValues,
        redHours: 12,
        yellowHours: 36,
        effectiveFrom: new Date('2031-03-01T00:00:00+08:00'),
      },
    });
    await prisma.deadlinePolicy.create({
      data: {
        provinceCode: '65',
        version: 3,
        ...policyValues,
        redHours: 10,
        effectiveFrom: new Date('2031-12-01T00:00:00+08:00'),
      },
    });
  });

  it('combines the national maximum with the province’s latest policy in force', async () => {
    const policy = await loadDeadlinePolicy(prisma, '65', new Date('2031-06-01T00:00:00+08:00'));
    expect(policy.national).toEqual({ id: national.id, version: 901, provinceCode: null });
    expect(policy.provincial).toEqual({ id: xinjiangV2.id, version: 2, provinceCode: '65' });
    expect(policy.redHours).toBe(12);
    expect(policy.yellowHours).toBe(36);
    expect(policy.recognitionHours).toBe(48);
    expect(policy.sources.redHours).toEqual({ id: xinjiangV2.id, version: 2, provinceCode: '65' });

    const filedAt = new Date('2031-06-01T09:00:00+08:00');
    const deadline = computeFirstDecisionDeadline(policy, { type: 'CODE_APPEAL', colour: 'YELLOW', filedAt });
    expect(deadline.dueAt.getTime() - filedAt.getTime()).toBe(36 * 3_600_000);
    expect(deadline.inputs.policy.id).toBe(xinjiangV2.id);
  });

  it('follows what had taken effect at the given time', async () => {
    expect((await loadDeadlinePolicy(prisma, '65', new Date('2031-02-01T00:00:00+08:00'))).redHours).toBe(20);
    expect((await loadDeadlinePolicy(prisma, '65', new Date('2031-12-15T00:00:00+08:00'))).redHours).toBe(10);
    // In 2032 the national maximum drops to 6 h, below the province's 10 h: the national value applies.
    const in2032 = await loadDeadlinePolicy(prisma, '65', new Date('2032-02-01T00:00:00+08:00'));
    expect(in2032.national.version).toBe(902);
    expect(in2032.redHours).toBe(6);
    expect(in2032.sources.redHours.provinceCode).toBeNull();
  });

  it('uses the national policy alone for a province without one', async () => {
    const policy = await loadDeadlinePolicy(prisma, '64', new Date('2031-06-01T00:00:00+08:00'));
    expect(policy.provincial).toBeNull();
    expect(policy.national.version).toBe(901);
    expect(policy.redHours).toBe(24);
  });

  it('refuses when no national policy was in force, and a malformed province code', async () => {
    await expect(loadDeadlinePolicy(prisma, '65', new Date('1999-01-01T00:00:00+08:00'))).rejects.toMatchObject({
      code: 'POLICY_NOT_FOUND',
    });
    await expect(loadDeadlinePolicy(prisma, '6', new Date('2031-06-01T00:00:00+08:00'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
