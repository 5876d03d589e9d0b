// The one table of allowed case transitions (SPEC §5): which action may move a case from which states, to where,
// by whom, and which audit action records it. Every use case checks its move here and nowhere else.
import type { AuditAction } from '@/lib/audit/actions';
import { CaseState, Role } from '@/lib/db/generated/enums';
import { ForbiddenActionError, IllegalTransitionError } from '@/lib/core/errors';
import type { ActorRole } from '@/lib/auth/actor';

export const CASE_ACTIONS = [
  'ASSIGN',
  'CLAIM',
  'RELEASE',
  'REASSIGN',
  'START_REVIEW',
  'REQUEST_INFORMATION',
  'CITIZEN_REPLY',
  'REPLY_WINDOW_CLOSED',
  'DECIDE',
  'DECIDE_AS_GROUP',
  'WITHDRAW',
  'TRANSFER',
  'REQUEST_SECOND_REVIEW',
  'START_SECOND_REVIEW',
  'DECIDE_SECOND_REVIEW',
  'CLOSE',
] as const;

export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Staff and citizen roles, plus SYSTEM for the automatic assigner and the scheduled sweep. */
export type { ActorRole };
export const ACTOR_ROLES: readonly ActorRole[] = [...Object.values(Role), 'SYSTEM'];

/** The action leaves the state as it is (only who holds the case changes). */
export const UNCHANGED = 'UNCHANGED';

export interface Transition {
  from: readonly CaseState[];
  to: CaseState | typeof UNCHANGED;
  roles: readonly ActorRole[];
  auditAction: AuditAction;
}

const {
  SUBMITTED,
  ASSIGNED,
  IN_REVIEW,
  AWAITING_CITIZEN,
  DECIDED,
  SECOND_REVIEW_REQUESTED,
  IN_SECOND_REVIEW,
  FINAL,
  CLOSED,
  WITHDRAWN,
} = CaseState;

/**
 * Rules that depend on more than the state (the 72-hour reply window, the 15-day second-review window, "not the
 * first decider", "only your own case") belong to the use case; this table answers only "may this action happen now".
 */
export const TRANSITIONS: Readonly<Record<CaseAction, Transition>> = {
  // Automatic routing, or a supervisor placing a pooled case with a reviewer.
  ASSIGN: { from: [SUBMITTED], to: ASSIGNED, roles: ['SYSTEM', 'SUPERVISOR'], auditAction: 'CASE_ASSIGNED' },
  // A reviewer of the province takes a case that waits unassigned in the pool.
  CLAIM: { from: [SUBMITTED], to: ASSIGNED, roles: ['REVIEWER'], auditAction: 'CASE_CLAIMED' },
  // Back to the pool, unassigned.
  RELEASE: {
    from: [ASSIGNED, IN_REVIEW],
    to: SUBMITTED,
    roles: ['REVIEWER', 'SUPERVISOR'],
    auditAction: 'CASE_RELEASED',
  },
  // A new reviewer takes over where the case stands: review work already done and a pending question to the
  // citizen (whose clock is paused) must not be undone by a change of staff.
  REASSIGN: {
    from: [ASSIGNED, IN_REVIEW, AWAITING_CITIZEN],
    to: UNCHANGED,
    roles: ['SUPERVISOR'],
    auditAction: 'CASE_REASSIGNED',
  },
  START_REVIEW: { from: [ASSIGNED], to: IN_REVIEW, roles: ['REVIEWER'], auditAction: 'REVIEW_STARTED' },
  REQUEST_INFORMATION: {
    from: [IN_REVIEW],
    to: AWAITING_CITIZEN,
    roles: ['REVIEWER'],
    auditAction: 'INFORMATION_REQUESTED',
  },
  CITIZEN_REPLY: { from: [AWAITING_CITIZEN], to: IN_REVIEW, roles: ['CITIZEN'], auditAction: 'CITIZEN_REPLIED' },
  // The sweep restarts the clock when the citizen's time to answer has run out (§7); the reviewer decides on the record.
  REPLY_WINDOW_CLOSED: { from: [AWAITING_CITIZEN], to: IN_REVIEW, roles: ['SYSTEM'], auditAction: 'CLOCK_RESUMED' },
  // From AWAITING_CITIZEN only once the citizen's reply window has passed: the reviewer then decides on the record.
  DECIDE: { from: [IN_REVIEW, AWAITING_CITIZEN], to: DECIDED, roles: ['REVIEWER'], auditAction: 'CASE_DECIDED' },
  // A supervisor's group finding on a mass incident (SPEC §16), applied to each selected case as its own decision;
  // a case waiting on the citizen is decided on its own. Its event names the incident.
  DECIDE_AS_GROUP: {
    from: [SUBMITTED, ASSIGNED, IN_REVIEW],
    to: DECIDED,
    roles: ['SUPERVISOR'],
    auditAction: 'CASE_DECIDED_AS_GROUP',
  },
  WITHDRAW: {
    from: [SUBMITTED, ASSIGNED, IN_REVIEW, AWAITING_CITIZEN],
    to: WITHDRAWN,
    roles: ['CITIZEN'],
    auditAction: 'CASE_WITHDRAWN',
  },
  // Misrouted: the case goes, unassigned, to the other province's pool; its deadline keeps running.
  TRANSFER: { from: [ASSIGNED, IN_REVIEW], to: SUBMITTED, roles: ['REVIEWER'], auditAction: 'CASE_TRANSFERRED' },
  REQUEST_SECOND_REVIEW: {
    from: [DECIDED],
    to: SECOND_REVIEW_REQUESTED,
    roles: ['CITIZEN'],
    auditAction: 'SECOND_REVIEW_REQUESTED',
  },
  START_SECOND_REVIEW: {
    from: [SECOND_REVIEW_REQUESTED],
    to: IN_SECOND_REVIEW,
    roles: ['SUPERVISOR'],
    auditAction: 'SECOND_REVIEW_STARTED',
  },
  DECIDE_SECOND_REVIEW: {
    from: [IN_SECOND_REVIEW],
    to: FINAL,
    roles: ['SUPERVISOR'],
    auditAction: 'SECOND_REVIEW_DECIDED',
  },
  // After the 15-day second-review window has passed without a request.
  CLOSE: { from: [DECIDED], to: CLOSED, roles: ['SYSTEM', 'SUPERVISOR'], auditAction: 'CASE_CLOSED' },
};

/** Every state, in the order of the lifecycle (SPEC §5): the order screens and counts list them in. */
export const CASE_STATES: readonly CaseState[] = Object.values(CaseState);

/** No action leads out of these. */
export const TERMINAL_STATES: readonly CaseState[] = [FINAL, CLOSED, WITHDRAWN];

/** Work is outstanding and a deadline runs (a DECIDED case waits only on the citizen's option of a second review). */
export const OPEN_STATES: readonly CaseState[] = [
  SUBMITTED,
  ASSIGNED,
  IN_REVIEW,
  AWAITING_CITIZEN,
  SECOND_REVIEW_REQUESTED,
  IN_SECOND_REVIEW,
];

/** States in which a case counts against its first-level reviewer's capacity (SPEC §6): a reviewer's own work. */
export const REVIEWER_LOAD_STATES = [ASSIGNED, IN_REVIEW, AWAITING_CITIZEN] as const satisfies readonly CaseState[];

/** First-level work of a province: waiting in the pool or with a reviewer. */
export const FIRST_LEVEL_OPEN_STATES: readonly CaseState[] = [SUBMITTED, ...REVIEWER_LOAD_STATES];

/** A second-level review requested or under way. */
export const SECOND_REVIEW_STATES: readonly CaseState[] = [SECOND_REVIEW_REQUESTED, IN_SECOND_REVIEW];

/** A first-level decision has been made (whatever happened after it). */
export const FIRST_DECISION_STATES: readonly CaseState[] = [
  DECIDED,
  SECOND_REVIEW_REQUESTED,
  IN_SECOND_REVIEW,
  FINAL,
  CLOSED,
];

/** A second-level review was requested: under way or decided. */
export const SECOND_REVIEW_PATH_STATES: readonly CaseState[] = [SECOND_REVIEW_REQUESTED, IN_SECOND_REVIEW, FINAL];

/** Open states whose clock runs toward the deadline (AWAITING_CITIZEN is paused). */
export const CLOCK_RUNNING_STATES: readonly CaseState[] = OPEN_STATES.filter((state) => state !== AWAITING_CITIZEN);

/**
 * `'A', 'B'` for `state IN (…)`: a state set as SQL literals (never parameters, so the planner can match the partial
 * indexes on `state`). The states come from the generated enum, never from input.
 */
export function stateListSql(states: readonly CaseState[]): string {
  if (!states.every((state) => /^[A-Z_]+$/.test(state))) throw new Error('not a case state');
  return states.map((state) => `'${state}'`).join(', ');
}

export function canTransition(state: CaseState, action: CaseAction): boolean {
  return TRANSITIONS[action].from.includes(state);
}

/** The state the action leads to from `state`; throws IllegalTransitionError when the table does not allow it. */
export function nextState(state: CaseState, action: CaseAction): CaseState {
  if (!canTransition(state, action)) throw new IllegalTransitionError(state, action);
  const { to } = TRANSITIONS[action];
  return to === UNCHANGED ? state : to;
}

export function mayPerform(role: ActorRole, action: CaseAction): boolean {
  return TRANSITIONS[action].roles.includes(role);
}

/** The role check, then the state check: ForbiddenActionError or IllegalTransitionError, else the next state. */
export function authoriseTransition(state: CaseState, action: CaseAction, role: ActorRole): CaseState {
  if (!mayPerform(role, action)) throw new ForbiddenActionError(action);
  return nextState(state, action);
}

/** What a person in `role` may do to a case in `state` (for showing only the buttons that can work). */
export function allowedActions(state: CaseState, role: ActorRole): CaseAction[] {
  return CASE_ACTIONS.filter((action) => canTransition(state, action) && mayPerform(role, action));
}
