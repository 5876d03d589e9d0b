import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import { CaseState, Role } from '@/lib/db/generated/enums';
import { ForbiddenActionError, IllegalTransitionError } from '@/lib/core/errors';
import {
  ACTOR_ROLES,
  type ActorRole,
  allowedActions,
  authoriseTransition,
  CASE_ACTIONS,
  canTransition,
  type CaseAction,
  nextState,
  OPEN_STATES,
  REVIEWER_LOAD_STATES,
  TERMINAL_STATES,
  TRANSITIONS,
} from '@/lib/cases/rules/transitions';

const STATES = Object.values(CaseState);

/** SPEC §5 written out independently of the table: `STATE ACTION` → next state. Anything not listed is illegal. */
const EXPECTED: Record<string, CaseState> = {
  'SUBMITTED ASSIGN': 'ASSIGNED',
  'SUBMITTED CLAIM': 'ASSIGNED',
  'SUBMITTED WITHDRAW': 'WITHDRAWN',
  'ASSIGNED RELEASE': 'SUBMITTED',
  'ASSIGNED REASSIGN': 'ASSIGNED',
  'ASSIGNED START_REVIEW': 'IN_REVIEW',
  'ASSIGNED WITHDRAW': 'WITHDRAWN',
  'ASSIGNED TRANSFER': 'SUBMITTED',
  'IN_REVIEW RELEASE': 'SUBMITTED',
  'IN_REVIEW REASSIGN': 'IN_REVIEW',
  'IN_REVIEW REQUEST_INFORMATION': 'AWAITING_CITIZEN',
  'IN_REVIEW DECIDE': 'DECIDED',
  'SUBMITTED DECIDE_AS_GROUP': 'DECIDED',
  'ASSIGNED DECIDE_AS_GROUP': 'DECIDED',
  'IN_REVIEW DECIDE_AS_GROUP': 'DECIDED',
  'IN_REVIEW WITHDRAW': 'WITHDRAWN',
  'IN_REVIEW TRANSFER': 'SUBMITTED',
  'AWAITING_CITIZEN REASSIGN': 'AWAITING_CITIZEN',
  'AWAITING_CITIZEN CITIZEN_REPLY': 'IN_REVIEW',
  'AWAITING_CITIZEN REPLY_WINDOW_CLOSED': 'IN_REVIEW',
  'AWAITING_CITIZEN DECIDE': 'DECIDED',
  'AWAITING_CITIZEN WITHDRAW': 'WITHDRAWN',
  'DECIDED REQUEST_SECOND_REVIEW': 'SECOND_REVIEW_REQUESTED',
  'DECIDED CLOSE': 'CLOSED',
  'SECOND_REVIEW_REQUESTED START_SECOND_REVIEW': 'IN_SECOND_REVIEW',
  'IN_SECOND_REVIEW DECIDE_SECOND_REVIEW': 'FINAL',
};

describe('the transition table', () => {
  const pairs = STATES.flatMap((state) => CASE_ACTIONS.map((action) => [state, action] as const));

  it('covers every state of the database enum and every action', () => {
    expect(pairs).toHaveLength(STATES.length * CASE_ACTIONS.length);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it.each(pairs)('%s + %s: the declared next state, or IllegalTransitionError', (state, action) => {
    const expected = EXPECTED[`${state} ${action}`];
    if (expected) {
      expect(canTransition(state, action)).toBe(true);
      expect(nextState(state, action)).toBe(expected);
    } else {
      expect(canTransition(state, action)).toBe(false);
      expect(() => nextState(state, action)).toThrow(IllegalTransitionError);
      try {
        nextState(state, action);
      } catch (error) {
        expect(error).toMatchObject({
          code: 'ILLEGAL_TRANSITION',
          from: state,
          action,
          messageKey: 'errors.illegalTransition',
          status: 409,
        });
      }
    }
  });

  it('terminal states are exactly those with no way out', () => {
    const withoutExit = STATES.filter((state) => CASE_ACTIONS.every((action) => !canTransition(state, action)));
    expect([...TERMINAL_STATES].sort()).toEqual(withoutExit.sort());
    expect([...TERMINAL_STATES].sort()).toEqual(['CLOSED', 'FINAL', 'WITHDRAWN']);
  });

  it('sorts every state into open, terminal or decided, and every state is reachable from SUBMITTED', () => {
    for (const state of STATES) {
      const kinds = [OPEN_STATES.includes(state), TERMINAL_STATES.includes(state), state === 'DECIDED'].filter(Boolean);
      expect(kinds, state).toHaveLength(1);
    }
    const reached = new Set<CaseState>(['SUBMITTED']);
    for (let grew = true; grew;) {
      grew = false;
      for (const [state, action] of pairs) {
        if (reached.has(state) && canTransition(state, action) && !reached.has(nextState(state, action))) {
          reached.add(nextState(state, action));
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATES].sort());
    expect(REVIEWER_LOAD_STATES.every((state) => OPEN_STATES.includes(state))).toBe(true);
  });

  it('records each action under a known audit action, each under its own', () => {
    const auditActions = CASE_ACTIONS.map((action) => TRANSITIONS[action].auditAction);
    for (const auditAction of auditActions) expect(AUDIT_ACTIONS).toContain(auditAction);
    expect(new Set(auditActions).size).toBe(auditActions.length);
  });
});

describe('who may act', () => {
  it('knows every database role plus SYSTEM', () => {
    expect([...ACTOR_ROLES].sort()).toEqual([...Object.values(Role), 'SYSTEM'].sort());
  });

  it.each<[CaseState, ActorRole, CaseAction[]]>([
    ['SUBMITTED', 'CITIZEN', ['WITHDRAW']],
    ['SUBMITTED', 'REVIEWER', ['CLAIM']],
    ['SUBMITTED', 'SUPERVISOR', ['ASSIGN', 'DECIDE_AS_GROUP']],
    ['SUBMITTED', 'SYSTEM', ['ASSIGN']],
    ['ASSIGNED', 'REVIEWER', ['RELEASE', 'START_REVIEW', 'TRANSFER']],
    ['ASSIGNED', 'SUPERVISOR', ['RELEASE', 'REASSIGN', 'DECIDE_AS_GROUP']],
    ['IN_REVIEW', 'REVIEWER', ['RELEASE', 'REQUEST_INFORMATION', 'DECIDE', 'TRANSFER']],
    ['IN_REVIEW', 'CITIZEN', ['WITHDRAW']],
    ['AWAITING_CITIZEN', 'CITIZEN', ['CITIZEN_REPLY', 'WITHDRAW']],
    ['AWAITING_CITIZEN', 'REVIEWER', ['DECIDE']],
    ['AWAITING_CITIZEN', 'SYSTEM', ['REPLY_WINDOW_CLOSED']],
    ['DECIDED', 'CITIZEN', ['REQUEST_SECOND_REVIEW']],
    ['DECIDED', 'REVIEWER', []],
    ['DECIDED', 'SYSTEM', ['CLOSE']],
    ['DECIDED', 'SUPERVISOR', ['CLOSE']],
    ['SECOND_REVIEW_REQUESTED', 'SUPERVISOR', ['START_SECOND_REVIEW']],
    ['IN_SECOND_REVIEW', 'SUPERVISOR', ['DECIDE_SECOND_REVIEW']],
    ['IN_SECOND_REVIEW', 'REVIEWER', []],
    ['FINAL', 'SUPERVISOR', []],
  ])('%s, %s: %j', (state, role, actions) => {
    expect(allowedActions(state, role)).toEqual(actions);
  });

  it('administrators manage the system, not cases', () => {
    for (const state of STATES) expect(allowedActions(state, 'ADMIN')).toEqual([]);
  });

  it('authoriseTransition checks the role first, then the state', () => {
    expect(authoriseTransition('IN_REVIEW', 'DECIDE', 'REVIEWER')).toBe('DECIDED');
    expect(() => authoriseTransition('IN_REVIEW', 'DECIDE', 'CITIZEN')).toThrow(ForbiddenActionError);
    expect(() => authoriseTransition('FINAL', 'DECIDE', 'CITIZEN')).toThrow(ForbiddenActionError);
    expect(() => authoriseTransition('FINAL', 'DECIDE', 'REVIEWER')).toThrow(IllegalTransitionError);
  });
});
