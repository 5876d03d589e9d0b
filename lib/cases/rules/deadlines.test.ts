// Deadline arithmetic of SPEC §7: explanations, policy rules, pause/resume and status, with properties over random inputs.
import { getHolidaysInRange, getWorkdaysInRange } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Prisma } from '@/lib/db/client';
import {
  computeCitizenReplyDeadline,
  computeClockDeadline,
  computeFirstDecisionDeadline,
  computeSecondReviewDeadline,
  computeWorkingDayDeadline,
  DeadlineError,
  deadlineStatus,
  effectivePolicy,
  explainDeadline,
  firstDecisionHours,
  pauseClock,
  readDeadlineInputs,
  resumeClock,
  validateProvincialPolicy,
  type ClockState,
  type DeadlinePolicyRecord,
} from '@/lib/cases/rules/deadlines';
import { buildWorkingDayCalendar, type WorkingDayCalendar } from '@/lib/cases/rules/working-days';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

const NATIONAL: DeadlinePolicyRecord = {
  id: 1,
  version: 1,
  provinceCode: null,
  redHours: 24,
  yellowHours: 48,
  recognitionHours: 48,
  secondReviewWorkingDays: 5,
  citizenReplyHours: 72,
};
const NATIONAL_REF = { id: 1, version: 1, provinceCode: null };
const XINJIANG: DeadlinePolicyRecord = { ...NATIONAL, id: 7, version: 2, provinceCode: '65', redHours: 12 };

function calendarFromPackage(years: Record<number, number>): WorkingDayCalendar {
  const entries = Object.entries(years).map(([year, version]) => ({
    year: Number(year),
    version,
    calendarVersionId: 100 + Number(year) - 2000,
  }));
  const first = `${Math.min(...entries.map((entry) => entry.year))}-01-01`;
  const last = `${Math.max(...entries.map((entry) => entry.year))}-12-31`;
  const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  return buildWorkingDayCalendar(entries, [
    ...getHolidaysInRange(first, last, false).map((date) => ({ date, kind: 'HOLIDAY' as const })),
    ...getWorkdaysInRange(first, last, true)
      .filter(isWeekend)
      .map((date) => ({ date, kind: 'WORKING_WEEKEND' as const })),
  ]);
}

const calendar2020to2026 = calendarFromPackage({ 2020: 1, 2021: 1, 2022: 1, 2023: 1, 2024: 1, 2025: 1, 2026: 1 });

describe('computeClockDeadline', () => {
  const startAt = new Date('2026-11-27T09:00:00+08:00');
  const paused = 3 * HOUR_MS + 12 * MINUTE_MS;

  it('explains a deadline with a pause, in English and Chinese', () => {
    const deadline = computeClockDeadline({ startAt, hours: 24, pausedMs: paused, policy: NATIONAL_REF });
    expect(deadline.explanation.en).toBe(
      'filed 27 Nov 2026, 09:00 + 24 h + paused 3 h 12 min → due 28 Nov 2026, 12:12 (national deadline policy v1)',
    );
    expect(deadline.explanation.zh).toBe(
      '2026年11月27日 09:00 提交 + 24 小时 + 暂停 3 小时 12 分 → 2026年11月28日 12:12 到期（全国期限规定第 1 版）',
    );
    expect(deadline.dueAt).toEqual(new Date('2026-11-28T12:12:00+08:00'));
    // 75% of 24 h is 18 h: 11-28 03:00, plus the pause → 06:12.
    expect(deadline.atRiskAt).toEqual(new Date('2026-11-28T06:12:00+08:00'));
    expect(deadline.allowedMs).toBe(24 * HOUR_MS);
    expect(deadline.pausedMs).toBe(paused);
  });

  it('shows a pause that adds up to the shown due time, whatever the seconds (02:12:50 + 24 h + 1 min 30 s)', () => {
    const deadline = computeClockDeadline({
      startAt: new Date('2026-11-27T02:12:50+08:00'),
      hours: 24,
      pausedMs: 90_000,
      policy: XINJIANG,
    });
    // Due 11-28 02:14:20: shown 02:14, so the pause shown is 2 min (02:12 + 24 h + 2 min = 02:14), not 1 min.
    expect(deadline.explanation.zh).toBe(
      '2026年11月27日 02:12 提交 + 24 小时 + 暂停 2 分 → 2026年11月28日 02:14 到期（省份 65 期限规定第 2 版）',
    );
    expect(deadline.explanation.en).toBe(
      'filed 27 Nov 2026, 02:12 + 24 h + paused 2 min → due 28 Nov 2026, 02:14 (deadline policy of province 65 v2)',
    );
  });

  it('leaves the pause out when there was none, and shows Shanghai time on a machine in UTC', () => {
    const deadline = computeClockDeadline({
      startAt: new Date('2026-11-27T23:30:00+08:00'),
      hours: 48,
      policy: NATIONAL_REF,
    });
    expect(deadline.explanation.en).toBe(
      'filed 27 Nov 2026, 23:30 + 48 h → due 29 Nov 2026, 23:30 (national deadline policy v1)',
    );
    expect(deadline.explanation.zh).toBe(
      '2026年11月27日 23:30 提交 + 48 小时 → 2026年11月29日 23:30 到期（全国期限规定第 1 版）',
    );
  });

  it('records every input, as JSON that reads back the same', () => {
    const deadline = computeClockDeadline({ startAt, hours: 24, pausedMs: paused, policy: XINJIANG, rule: 'redHours' });
    expect(deadline.inputs).toEqual({
      basis: 'CLOCK_HOURS',
      startAt: '2026-11-27T01:00:00.000Z',
      startEvent: 'FILED',
      hours: 24,
      pausedMs: paused,
      timeZone: 'Asia/Shanghai',
      policy: { id: 7, version: 2, provinceCode: '65' },
      rule: 'redHours',
    });
    const stored: Prisma.InputJsonObject = deadline.inputs;
    const readBack = readDeadlineInputs(JSON.parse(JSON.stringify(stored)));
    expect(readBack).toEqual(deadline.inputs);
    expect(explainDeadline(readBack, deadline.dueAt)).toEqual(deadline.explanation);
    expect(() => readDeadlineInputs({ ...deadline.inputs, basis: 'LUNAR' })).toThrow(DeadlineError);
  });

  it('refuses hours and pauses that are not whole, non-negative numbers', () => {
    expect(() => computeClockDeadline({ startAt, hours: 0, policy: NATIONAL_REF })).toThrow(/hours must be/);
    expect(() => computeClockDeadline({ startAt, hours: 1.5, policy: NATIONAL_REF })).toThrow(/hours must be/);
    expect(() => computeClockDeadline({ startAt, hours: 24, pausedMs: -1, policy: NATIONAL_REF })).toThrow(
      /pausedMs must be/,
    );
    expect(() => computeClockDeadline({ startAt: new Date('nope'), hours: 24, policy: NATIONAL_REF })).toThrow(
      /not a valid date/,
    );
  });
});

describe('computeWorkingDayDeadline', () => {
  it('explains a second-level review deadline (the request day not counted)', () => {
    // Requested Fri 2026-11-27: Mon 11-30 1, 12-01 2, 12-02 3, 12-03 4, Fri 12-04 5 → end of 12-04.
    const startAt = new Date('2026-11-27T09:00:00+08:00');
    const deadline = computeWorkingDayDeadline({
      startAt,
      workingDays: 5,
      calendar: calendar2020to2026,
      policy: NATIONAL_REF,
    });
    expect(deadline.explanation.en).toBe(
      'requested 27 Nov 2026, 09:00 + 5 working days (calendar 2026 v1) → due 4 Dec 2026, 23:59 (national deadline policy v1)',
    );
    expect(deadline.explanation.zh).toBe(
      '2026年11月27日 09:00 申请复核 + 5 个工作日（日历 2026 第 1 版） → 2026年12月4日 23:59 到期（全国期限规定第 1 版）',
    );
    expect(deadline.dueAt).toEqual(new Date('2026-12-04T23:59:59.999+08:00'));
    expect(deadline.allowedMs).toBe(deadline.dueAt.getTime() - startAt.getTime());
    expect(deadline.atRiskAt.getTime()).toBe(startAt.getTime() + Math.floor(0.75 * deadline.allowedMs));
    expect(deadline.inputs).toMatchObject({
      basis: 'WORKING_DAYS',
      workingDays: 5,
      calendars: [{ year: 2026, version: 1, calendarVersionId: 126 }],
      countedDays: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'],
      policy: NATIONAL_REF,
    });
    expect(readDeadlineInputs(JSON.parse(JSON.stringify(deadline.inputs)))).toEqual(deadline.inputs);
  });

  it('names every calendar version it used across a new year', () => {
    // Mon 2025-12-29: 12-30 1, 12-31 2, 01-01..03 holidays, Sun 01-04 (调休) 3, 01-05 4, 01-06 5.
    const calendar = calendarFromPackage({ 2025: 1, 2026: 2 });
    const deadline = computeWorkingDayDeadline({
      startAt: new Date('2025-12-29T10:00:00+08:00'),
      workingDays: 5,
      calendar,
      policy: NATIONAL_REF,
    });
    expect(deadline.explanation.en).toBe(
      'requested 29 Dec 2025, 10:00 + 5 working days (calendars 2025 v1, 2026 v2) → due 6 Jan 2026, 23:59 (national deadline policy v1)',
    );
    expect(deadline.explanation.zh).toBe(
      '2025年12月29日 10:00 申请复核 + 5 个工作日（日历 2025 第 1 版、2026 第 2 版） → 2026年1月6日 23:59 到期（全国期限规定第 1 版）',
    );
  });

  it('refuses when the calendar lacks a year it needs', () => {
    const attempt = () =>
      computeWorkingDayDeadline({
        startAt: new Date('2026-12-30T10:00:00+08:00'),
        workingDays: 5,
        calendar: calendar2020to2026,
        policy: NATIONAL_REF,
      });
    expect(attempt).toThrow(expect.objectContaining({ code: 'CALENDAR_NOT_COVERED' }));
  });
});

describe('policy', () => {
  it('gives red 24 h, yellow 48 h and recognition complaints 48 h under the national policy', () => {
    expect(firstDecisionHours(NATIONAL, { type: 'CODE_APPEAL', colour: 'RED' })).toBe(NATIONAL.redHours);
    expect(firstDecisionHours(NATIONAL, { type: 'CODE_APPEAL', colour: 'YELLOW' })).toBe(NATIONAL.yellowHours);
    expect(firstDecisionHours(NATIONAL, { type: 'RECOGNITION_COMPLAINT', colour: 'RED' })).toBe(
      NATIONAL.recognitionHours,
    );
    expect([NATIONAL.redHours, NATIONAL.yellowHours, NATIONAL.recognitionHours]).toEqual([24, 48, 48]);
  });

  it('picks the rule by type and colour, not by value', () => {
    const distinct = { ...NATIONAL, redHours: 11, yellowHours: 22, recognitionHours: 33 };
    expect(firstDecisionHours(distinct, { type: 'CODE_APPEAL', colour: 'RED' })).toBe(11);
    expect(firstDecisionHours(distinct, { type: 'CODE_APPEAL', colour: 'YELLOW' })).toBe(22);
    expect(firstDecisionHours(distinct, { type: 'RECOGNITION_COMPLAINT', colour: 'YELLOW' })).toBe(33);
    expect(() => firstDecisionHours(distinct, { type: 'CODE_APPEAL', colour: 'GREEN' })).toThrow(DeadlineError);
  });

  it('honours a provincial 12 h red deadline and records where each value comes from', () => {
    validateProvincialPolicy(NATIONAL, XINJIANG);
    const policy = effectivePolicy(NATIONAL, XINJIANG);
    expect(policy.redHours).toBe(12);
    expect(policy.yellowHours).toBe(48);
    expect(policy.sources.redHours).toEqual({ id: 7, version: 2, provinceCode: '65' });
    expect(policy.provincial).toEqual({ id: 7, version: 2, provinceCode: '65' });
    expect(policy.national).toEqual(NATIONAL_REF);

    const filedAt = new Date('2026-11-27T09:00:00+08:00');
    const deadline = computeFirstDecisionDeadline(policy, { type: 'CODE_APPEAL', colour: 'RED', filedAt });
    expect(deadline.dueAt.getTime() - filedAt.getTime()).toBe(12 * HOUR_MS);
    expect(deadline.inputs.policy).toEqual({ id: 7, version: 2, provinceCode: '65' });
    expect(deadline.inputs.rule).toBe('redHours');
  });

  it('refuses a provincial 30 h red deadline, and never lets one through as effective', () => {
    const tooLong = { ...XINJIANG, redHours: 30 };
    expect(() => validateProvincialPolicy(NATIONAL, tooLong)).toThrow(
      expect.objectContaining({
        code: 'PROVINCIAL_POLICY_TOO_LONG',
        message: expect.stringContaining('red-code first decision 30 h > 24 h'),
      }),
    );
    const policy = effectivePolicy(NATIONAL, tooLong);
    expect(policy.redHours).toBe(24);
    expect(policy.sources.redHours).toEqual(NATIONAL_REF);
  });

  it('lets a province give citizens more time to reply, never less', () => {
    expect(() => validateProvincialPolicy(NATIONAL, { ...XINJIANG, citizenReplyHours: 48 })).toThrow(
      expect.objectContaining({ code: 'PROVINCIAL_POLICY_TOO_SHORT' }),
    );
    expect(effectivePolicy(NATIONAL, { ...XINJIANG, citizenReplyHours: 48 }).citizenReplyHours).toBe(72);
    expect(effectivePolicy(NATIONAL, { ...XINJIANG, citizenReplyHours: 96 }).citizenReplyHours).toBe(96);
    const reply = computeCitizenReplyDeadline(effectivePolicy(NATIONAL, null), new Date('2026-11-27T09:00:00+08:00'));
    expect(reply.explanation.en).toBe(
      'asked 27 Nov 2026, 09:00 + 72 h → due 30 Nov 2026, 09:00 (national deadline policy v1)',
    );
  });

  it('refuses malformed policies', () => {
    expect(() => effectivePolicy(XINJIANG, null)).toThrow(/Expected the national/);
    expect(() => effectivePolicy(NATIONAL, NATIONAL)).toThrow(/Expected a provincial/);
    expect(() => effectivePolicy({ ...NATIONAL, yellowHours: 0 }, null)).toThrow(
      expect.objectContaining({ code: 'INVALID_POLICY' }),
    );
  });

  it('uses the second-review working days of the policy in force', () => {
    const policy = effectivePolicy(NATIONAL, { ...XINJIANG, secondReviewWorkingDays: 3 });
    // Requested Fri 2026-11-27: Mon 11-30 1, Tue 12-01 2, Wed 12-02 3.
    const deadline = computeSecondReviewDeadline(policy, calendar2020to2026, new Date('2026-11-27T09:00:00+08:00'));
    expect(deadline.dueAt).toEqual(new Date('2026-12-02T23:59:59.999+08:00'));
    expect(deadline.inputs.rule).toBe('secondReviewWorkingDays');
  });

  it('never makes a deadline longer than the national one (property)', () => {
    const hours = fc.integer({ min: 1, max: 200 });
    fc.assert(
      fc.property(
        fc.tuple(hours, hours, hours, fc.integer({ min: 1, max: 20 })),
        fc.tuple(hours, hours, hours, fc.integer({ min: 1, max: 20 })),
        (n, p) => {
          const national = {
            ...NATIONAL,
            redHours: n[0],
            yellowHours: n[1],
            recognitionHours: n[2],
            secondReviewWorkingDays: n[3],
          };
          const provincial = {
            ...XINJIANG,
            redHours: p[0],
            yellowHours: p[1],
            recognitionHours: p[2],
            secondReviewWorkingDays: p[3],
          };
          const policy = effectivePolicy(national, provincial);
          for (const rule of ['redHours', 'yellowHours', 'recognitionHours', 'secondReviewWorkingDays'] as const) {
            expect(policy[rule]).toBe(Math.min(national[rule], provincial[rule]));
            expect(policy.sources[rule].provinceCode).toBe(provincial[rule] <= national[rule] ? '65' : null);
          }
          const valid = (['redHours', 'yellowHours', 'recognitionHours', 'secondReviewWorkingDays'] as const).every(
            (rule) => provincial[rule] <= national[rule],
          );
          if (valid) expect(() => validateProvincialPolicy(national, provincial)).not.toThrow();
          else expect(() => validateProvincialPolicy(national, provincial)).toThrow(DeadlineError);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('pause and resume', () => {
  const startAt = new Date('2026-11-27T09:00:00+08:00');
  const running: ClockState = { startAt, allowedMs: 24 * HOUR_MS, pausedMs: 0, pausedSince: null };

  it('moves the deadline by exactly the time paused (3 h 12 min)', () => {
    const before = computeClockDeadline({ startAt, hours: 24, policy: NATIONAL_REF });
    const paused = pauseClock(running, new Date('2026-11-27T10:00:00+08:00'));
    expect(paused.pausedSince).toEqual(new Date('2026-11-27T10:00:00+08:00'));
    expect(paused.dueAt).toEqual(before.dueAt);
    const resumed = resumeClock({ ...running, ...paused }, new Date('2026-11-27T13:12:00+08:00'));
    const span = 3 * HOUR_MS + 12 * MINUTE_MS;
    expect(resumed.pausedMs).toBe(span);
    expect(resumed.pausedSince).toBeNull();
    expect(resumed.dueAt.getTime() - before.dueAt.getTime()).toBe(span);
    expect(resumed.atRiskAt.getTime() - before.atRiskAt.getTime()).toBe(span);
    expect(
      computeClockDeadline({ startAt, hours: 24, pausedMs: resumed.pausedMs, policy: NATIONAL_REF }).dueAt,
    ).toEqual(resumed.dueAt);
  });

  it('refuses pausing twice, resuming a running clock, and travelling back in time', () => {
    const paused = { ...running, ...pauseClock(running, new Date('2026-11-27T10:00:00+08:00')) };
    expect(() => pauseClock(paused, new Date('2026-11-27T11:00:00+08:00'))).toThrow(
      expect.objectContaining({ code: 'ALREADY_PAUSED' }),
    );
    expect(() => resumeClock(running, new Date('2026-11-27T11:00:00+08:00'))).toThrow(
      expect.objectContaining({ code: 'NOT_PAUSED' }),
    );
    expect(() => resumeClock(paused, new Date('2026-11-27T09:59:00+08:00'))).toThrow(/before it was paused/);
    expect(() => pauseClock(running, new Date('2026-11-27T08:59:00+08:00'))).toThrow(/before it started/);
  });

  it('never makes a deadline earlier, whatever the pauses (property)', () => {
    const interval = fc.record({
      runMs: fc.integer({ min: 0, max: 30 * HOUR_MS }),
      pauseMs: fc.integer({ min: 0, max: 80 * HOUR_MS }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }),
        fc.integer({ min: 1, max: 200 }),
        fc.array(interval, { maxLength: 8 }),
        (start, hours, intervals) => {
          const initial = computeClockDeadline({ startAt: new Date(start), hours, policy: NATIONAL_REF });
          let state: ClockState = {
            startAt: new Date(start),
            allowedMs: initial.allowedMs,
            pausedMs: 0,
            pausedSince: null,
          };
          let dueAt = initial.dueAt.getTime();
          let now = start;
          let totalPaused = 0;
          for (const { runMs, pauseMs } of intervals) {
            now += runMs;
            const paused = pauseClock(state, new Date(now));
            expect(paused.dueAt.getTime()).toBe(dueAt);
            state = { ...state, ...paused };
            now += pauseMs;
            const resumed = resumeClock(state, new Date(now));
            expect(resumed.dueAt.getTime()).toBeGreaterThanOrEqual(dueAt);
            expect(resumed.dueAt.getTime() - resumed.atRiskAt.getTime()).toBe(initial.allowedMs / 4);
            dueAt = resumed.dueAt.getTime();
            state = { ...state, ...resumed };
            totalPaused += pauseMs;
          }
          expect(dueAt - initial.dueAt.getTime()).toBe(totalPaused);
          expect(state.pausedMs).toBe(totalPaused);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('deadline properties', () => {
  const instant = fc.integer({
    min: Date.parse('2020-01-01T00:00:00+08:00'),
    max: Date.parse('2026-12-10T00:00:00+08:00'),
  });

  it('is at risk exactly 25% of the allowed time before a clock deadline, and never due before the start', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 * HOUR_MS }),
        (start, hours, pausedMs) => {
          const deadline = computeClockDeadline({ startAt: new Date(start), hours, pausedMs, policy: NATIONAL_REF });
          expect(deadline.allowedMs).toBe(hours * HOUR_MS);
          expect(deadline.dueAt.getTime() - deadline.atRiskAt.getTime()).toBe(deadline.allowedMs / 4);
          expect(deadline.dueAt.getTime()).toBe(start + deadline.allowedMs + pausedMs);
          expect(deadline.atRiskAt.getTime()).toBeGreaterThan(start);
          expect(deadline.explanation.en).toMatch(
            /^filed \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d \+ \d+ h( \+ paused (\d+ h|\d+ min|\d+ h \d+ min|< 1 min))? → due \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d \((national deadline policy|deadline policy of province \d\d) v\d+\)$/,
          );
          // The minutes shown add up: start minute + hours + pause shown = due minute.
          const shown = /paused (?:(\d+) h)? ?(?:(\d+) min)?/.exec(deadline.explanation.en);
          const pauseMinutes = shown ? Number(shown[1] ?? 0) * 60 + Number(shown[2] ?? 0) : 0;
          const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS);
          expect(minuteOf(start) + hours * 60 + pauseMinutes).toBe(minuteOf(deadline.dueAt.getTime()));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts a working-day deadline after the start, with the at-risk point in between', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10 }), (start, workingDays) => {
        const deadline = computeWorkingDayDeadline({
          startAt: new Date(start),
          workingDays,
          calendar: calendar2020to2026,
          policy: NATIONAL_REF,
        });
        expect(deadline.dueAt.getTime()).toBeGreaterThan(start);
        expect(deadline.atRiskAt.getTime()).toBeGreaterThan(start);
        expect(deadline.atRiskAt.getTime()).toBeLessThan(deadline.dueAt.getTime());
        expect(deadline.inputs.countedDays).toHaveLength(workingDays);
      }),
      { numRuns: 300 },
    );
  });
});

describe('deadlineStatus', () => {
  const deadline = computeClockDeadline({
    startAt: new Date('2026-11-27T09:00:00+08:00'),
    hours: 24,
    policy: NATIONAL_REF,
  });
  const running = { dueAt: deadline.dueAt, atRiskAt: deadline.atRiskAt, pausedSince: null };
  const at = (iso: string) => new Date(iso);

  it('is on track, then at risk from 75%, then overdue only after the deadline', () => {
    expect(deadlineStatus(running, at('2026-11-28T02:59:59.999+08:00'))).toEqual({
      status: 'ON_TRACK',
      timeLeftMs: 6 * HOUR_MS + 1,
    });
    expect(deadlineStatus(running, at('2026-11-28T03:00:00+08:00'))).toEqual({
      status: 'AT_RISK',
      timeLeftMs: 6 * HOUR_MS,
    });
    expect(deadlineStatus(running, deadline.dueAt)).toEqual({ status: 'AT_RISK', timeLeftMs: 0 });
    expect(deadlineStatus(running, at('2026-11-28T09:00:00.001+08:00'))).toEqual({ status: 'OVERDUE', timeLeftMs: -1 });
  });

  it('freezes the time left while paused, but a missed deadline stays overdue', () => {
    const paused = { ...running, pausedSince: at('2026-11-27T21:00:00+08:00') };
    expect(deadlineStatus(paused, at('2026-12-01T00:00:00+08:00'))).toEqual({
      status: 'PAUSED',
      timeLeftMs: 12 * HOUR_MS,
    });
    const pausedLate = { ...running, pausedSince: at('2026-11-28T10:00:00+08:00') };
    expect(deadlineStatus(pausedLate, at('2026-11-28T11:00:00+08:00'))).toEqual({
      status: 'OVERDUE',
      timeLeftMs: -HOUR_MS,
    });
  });
});
