// What a stored case row carries in each state, by the lifecycle's rules (the state sets of transitions.ts, the
// deadline schedule, the sweep's marks): the one row builder behind the benchmark loader (scripts/bench/load-cases.ts)
// and the test builders (test/support/), which write cases straight to the database in a given state.
import type { CaseState } from '@/lib/db/generated/enums';
import { scheduleDeadline } from './deadlines';
import {
  CLOCK_RUNNING_STATES,
  FIRST_DECISION_STATES,
  OPEN_STATES,
  SECOND_REVIEW_STATES,
  TERMINAL_STATES,
} from './transitions';
import { isWithinDeadline } from './within-deadline';

export interface CaseRowShape {
  /** Work outstanding, a deadline running or paused. */
  open: boolean;
  /** Waiting on the citizen: the clock is paused. */
  paused: boolean;
  /** The clock runs toward the deadline: the sweep marks the case at risk and overdue. */
  clockRunning: boolean;
  /** A first-level decision exists. */
  decided: boolean;
  /** Decided and the citizen's 15-day window for a second review not yet used up (decided, or review under way). */
  recentlyDecided: boolean;
  /** Nothing more happens to it. */
  terminal: boolean;
}

export function caseRowShape(state: CaseState): CaseRowShape {
  return {
    open: OPEN_STATES.includes(state),
    paused: state === 'AWAITING_CITIZEN',
    clockRunning: CLOCK_RUNNING_STATES.includes(state),
    decided: FIRST_DECISION_STATES.includes(state),
    recentlyDecided: state === 'DECIDED' || SECOND_REVIEW_STATES.includes(state),
    terminal: TERMINAL_STATES.includes(state),
  };
}

/** The deadline fields of a case filed at `filedAt` with `allowedMs` to decide in, before any pause. */
export function caseDeadlineFields(
  filedAt: Date,
  allowedMs: number,
): { dueAt: Date; atRiskAt: Date; allowedMs: number } {
  return { ...scheduleDeadline(filedAt, allowedMs), allowedMs };
}

/** The marks the deadline sweep has set by `now` on a case in `state` (lib/cases/use-cases/sweep-deadlines.ts). */
export function sweepMarks(
  state: CaseState,
  deadline: { dueAt: Date; atRiskAt: Date },
  now: Date,
): { atRiskMarkedAt: Date | null; overdueMarkedAt: Date | null } {
  const running = CLOCK_RUNNING_STATES.includes(state);
  return {
    atRiskMarkedAt: running && deadline.atRiskAt <= now ? now : null,
    overdueMarkedAt: running && !isWithinDeadline(now, deadline.dueAt) ? now : null,
  };
}
