// The stored clock of a case (SPEC §7): its state for the deadline arithmetic, and the fields a resume writes.
import type { Case } from '@/lib/db/generated/client';
import { explainDeadline, readDeadlineInputs, resumeClock, storedDeadlineInputs } from '@/lib/cases/rules/deadlines';

export function clockStateOf(current: Case) {
  return {
    startAt: current.filedAt,
    allowedMs: Number(current.allowedMs),
    pausedMs: Number(current.pausedMs),
    pausedSince: current.pausedSince,
  };
}

/** The deadline fields after a resume: new due and at-risk times, the stored inputs and explanation brought up to date. */
export function resumedDeadlineFields(current: Case, now: Date) {
  const resumed = resumeClock(clockStateOf(current), now);
  const inputs = { ...readDeadlineInputs(current.deadlineInputs), pausedMs: resumed.pausedMs };
  return {
    pausedMs: BigInt(resumed.pausedMs),
    pausedSince: null,
    dueAt: resumed.dueAt,
    atRiskAt: resumed.atRiskAt,
    deadlineInputs: storedDeadlineInputs(inputs),
    deadlineExplanation: explainDeadline(inputs, resumed.dueAt).zh,
    // Marks are re-earned against the moved deadline.
    atRiskMarkedAt: resumed.atRiskAt > now ? null : current.atRiskMarkedAt,
    overdueMarkedAt: resumed.dueAt > now ? null : current.overdueMarkedAt,
  };
}
