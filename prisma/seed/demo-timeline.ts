// When things happen in a demo case: the offsets of its steps from filing, and where "now" falls for open cases
// (comfortable, at risk or overdue).
import { CaseState } from '@/lib/db/generated/enums';
import type { Random } from './random';
import {
  CLOCK_RUNNING_STATES,
  FIRST_LEVEL_OPEN_STATES,
  SECOND_REVIEW_PATH_STATES,
} from '@/lib/cases/rules/transitions';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Past the 15-day window for a second review, however the calendar ends it (a day's margin), and the sweep's beat. */
const SECOND_REVIEW_WINDOW_PASSED_MS = 16 * DAY + 5 * MINUTE;

// ───────────────────────────── timeline (offsets in ms from filing)

export interface Timeline {
  assigned: number | null;
  /** A SUBMITTED case can be back in the pool, released by the reviewer it was first given to. */
  released: number | null;
  started: number | null;
  infoRequested: number | null;
  replied: number | null;
  pausedMs: number;
  decided: number | null;
  secondRequested: number | null;
  secondStarted: number | null;
  secondDecided: number | null;
  closed: number | null;
  withdrawn: number | null;
  withdrawnFrom: CaseState | null;
  /** For open cases: where "now" falls; otherwise null (the case may sit anywhere in the last days). */
  nowOffset: number | null;
  span: number;
}

export const seconds = (ms: number): number => Math.round(ms / SECOND) * SECOND;

export function planTimeline(state: CaseState, allowedMs: number, rng: Random): Timeline {
  const t: Timeline = {
    assigned: null,
    released: null,
    started: null,
    infoRequested: null,
    replied: null,
    pausedMs: 0,
    decided: null,
    secondRequested: null,
    secondStarted: null,
    secondDecided: null,
    closed: null,
    withdrawn: null,
    withdrawnFrom: null,
    nowOffset: null,
    span: 0,
  };
  const withdrawnFrom =
    state === CaseState.WITHDRAWN ? rng.pick([CaseState.SUBMITTED, CaseState.ASSIGNED, CaseState.IN_REVIEW]) : null;
  const reached = (s: CaseState): boolean => {
    const order: CaseState[] = [CaseState.SUBMITTED, CaseState.ASSIGNED, CaseState.IN_REVIEW];
    const effective = withdrawnFrom ?? state;
    if (order.includes(effective)) return order.indexOf(effective) >= order.indexOf(s);
    return true;
  };

  // Automatic assignment happens in the filing transaction; a pooled case was released by its reviewer.
  if (reached(CaseState.ASSIGNED)) t.assigned = 0;
  if (state === CaseState.SUBMITTED) {
    t.assigned = 0;
    t.released = seconds(rng.between(20 * MINUTE, 3 * HOUR));
  }
  if (reached(CaseState.IN_REVIEW) && t.assigned !== null)
    t.started = seconds(t.assigned + rng.between(15 * MINUTE, 4 * HOUR));

  const awaiting = state === CaseState.AWAITING_CITIZEN;
  const hadReply =
    !awaiting && t.started !== null && withdrawnFrom === null && state !== CaseState.ASSIGNED && rng.chance(0.25);
  if ((awaiting || hadReply) && t.started !== null) {
    t.infoRequested = seconds(t.started + rng.between(20 * MINUTE, 3 * HOUR));
    if (hadReply) {
      t.pausedMs = seconds(rng.between(2 * HOUR, 30 * HOUR));
      t.replied = t.infoRequested + t.pausedMs;
    }
  }
  const activeFloor = (t.released ?? t.infoRequested ?? t.started ?? t.assigned ?? 0) + 10 * MINUTE;

  // First-level work whose clock runs (waiting on the citizen has its own timeline below).
  if (FIRST_LEVEL_OPEN_STATES.includes(state) && CLOCK_RUNNING_STATES.includes(state)) {
    // Where the clock stands now: comfortable, at risk (≥ 75 %) or overdue.
    const posture = rng.pickWeighted([
      { item: 'comfortable', weight: 5 },
      { item: 'atRisk', weight: 2.5 },
      { item: 'overdue', weight: 2.5 },
    ]);
    const range =
      posture === 'comfortable'
        ? [activeFloor, 0.7 * allowedMs]
        : posture === 'atRisk'
          ? [0.76 * allowedMs, 0.97 * allowedMs]
          : [1.03 * allowedMs, allowedMs + 30 * HOUR];
    const active = rng.between(Math.max(activeFloor, range[0] ?? 0), Math.max(activeFloor + MINUTE, range[1] ?? 0));
    t.nowOffset = seconds(active + t.pausedMs);
    t.span = t.nowOffset;
    return t;
  }
  if (awaiting && t.infoRequested !== null) {
    // Within the citizen's 72 hours to answer (the sweep resumes the clock of a window that has closed).
    t.nowOffset = seconds(t.infoRequested + rng.between(30 * MINUTE, 66 * HOUR));
    t.span = t.nowOffset;
    return t;
  }
  if (withdrawnFrom) {
    t.withdrawnFrom = withdrawnFrom;
    t.withdrawn = seconds((t.started ?? t.assigned ?? 0) + rng.between(30 * MINUTE, 10 * HOUR));
    t.span = t.withdrawn;
    return t;
  }

  // Decided, mostly within the allowed time, sometimes late.
  const activeDecision = rng.chance(0.85)
    ? rng.between(activeFloor + 20 * MINUTE, 0.95 * allowedMs)
    : rng.between(1.02 * allowedMs, 1.6 * allowedMs);
  t.decided = seconds(activeDecision + t.pausedMs);
  t.span = t.decided;
  if (SECOND_REVIEW_PATH_STATES.includes(state)) {
    t.secondRequested = seconds(t.decided + rng.between(3 * HOUR, 6 * DAY));
    t.span = t.secondRequested;
    if (state !== CaseState.SECOND_REVIEW_REQUESTED) {
      t.secondStarted = seconds(t.secondRequested + rng.between(HOUR, 20 * HOUR));
      t.span = t.secondStarted;
    }
    if (state === CaseState.FINAL && t.secondStarted !== null) {
      t.secondDecided = seconds(t.secondStarted + rng.between(2 * HOUR, 40 * HOUR));
      t.span = t.secondDecided;
    }
  }
  if (state === CaseState.CLOSED) {
    // Closed by the sweep once the 15-day window for a second review has passed without a request.
    t.closed = t.decided + SECOND_REVIEW_WINDOW_PASSED_MS;
    t.span = t.closed;
  }
  return t;
}
