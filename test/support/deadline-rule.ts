// SPEC §7's deadline rule written out one case at a time, for tests that check the SQL forms (deadline-filters.ts) and
// the board's counts against it: a clock is judged where it stopped, if it had stopped by `now`.
import type { CaseState } from '@/lib/db/generated/enums';
import { OPEN_STATES } from '@/lib/cases/rules/transitions';

export interface ClockedCase {
  state: CaseState;
  dueAt: Date;
  atRiskAt: Date;
  pausedSince: Date | null;
}

export const isOverdue = (c: ClockedCase, now: Date) =>
  OPEN_STATES.includes(c.state) && c.dueAt < (c.pausedSince && c.pausedSince < now ? c.pausedSince : now);

export const isAtRisk = (c: ClockedCase, now: Date) =>
  OPEN_STATES.includes(c.state) && c.pausedSince === null && c.atRiskAt <= now && c.dueAt >= now;
