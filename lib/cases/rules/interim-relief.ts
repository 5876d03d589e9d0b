// Interim relief (SPEC §15): the one place for its values, who may decide it, when it may be asked for, how long a
// temporary correction lasts and what a decision does to it. Browser-safe (the forms import the value lists).
import type { CaseState, CodeColour, DecisionOutcome } from '@/lib/db/generated/enums';
import type { ActorRole } from '@/lib/auth/actor';
import { CORRECTING } from '@/lib/cases/rules/decision-rules';

/** Why the citizen needs the code corrected now. */
export const RELIEF_REASONS = ['MEDICAL_CARE', 'WORK', 'TRAVEL'] as const;
export type ReliefReason = (typeof RELIEF_REASONS)[number];

/** The reason of a relief a supervisor granted unasked to the cases of a mass incident (SPEC §16), not a citizen's. */
export const GROUP_RELIEF_REASON = 'MASS_INCIDENT' as const;
/** Every value of interim_relief.reason (CHECK constraint). */
export const RELIEF_ROW_REASONS = [...RELIEF_REASONS, GROUP_RELIEF_REASON] as const;

/**
 * REQUESTED → GRANTED | REFUSED; GRANTED → PERMANENT (the decision corrects the code) | REVERTED (the decision keeps
 * it, the case was withdrawn, or the relief expired first); REQUESTED → LAPSED (decided or withdrawn before anyone
 * answered the request).
 */
export const RELIEF_STATUSES = ['REQUESTED', 'GRANTED', 'REFUSED', 'PERMANENT', 'REVERTED', 'LAPSED'] as const;
export type ReliefStatus = (typeof RELIEF_STATUSES)[number];

/** Statuses of a request still open or a relief still in force: at most one per case. */
export const OPEN_RELIEF_STATUSES: readonly ReliefStatus[] = ['REQUESTED', 'GRANTED'];

export const RELIEF_END_CAUSES = ['DECISION_CORRECTS', 'DECISION_UPHOLDS', 'EXPIRED', 'WITHDRAWN'] as const;
export type ReliefEndCause = (typeof RELIEF_END_CAUSES)[number];

/** What an INTERIM_RELIEF_ORDER asks the province's system to do. */
export const RELIEF_ORDER_ACTIONS = ['GRANT', 'REVERT', 'MAKE_PERMANENT'] as const;
export type ReliefOrderAction = (typeof RELIEF_ORDER_ACTIONS)[number];

/** A temporary correction lasts until the decision, at most this long (SPEC §15). */
export const MAX_RELIEF_HOURS = 72;
export const MAX_DETAIL_LENGTH = 500;

/** Relief is about the first decision: it can be asked for and granted only while that decision is awaited. */
export const RELIEF_CASE_STATES: readonly CaseState[] = ['SUBMITTED', 'ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN'];

export function reliefExpiresAt(grantedAt: Date): Date {
  return new Date(grantedAt.getTime() + MAX_RELIEF_HOURS * 3600 * 1000);
}

/** The colours a temporary correction may give a code: always green; yellow only for a red code. */
export function reliefColoursFor(colour: CodeColour): CodeColour[] {
  return colour === 'RED' ? ['GREEN', 'YELLOW'] : colour === 'YELLOW' ? ['GREEN'] : [];
}

/** The case's reviewer (its assignee) or a supervisor whose scope holds it (scope is checked when loading). */
export function mayDecideRelief(actor: { id: string | null; role: ActorRole }, assigneeId: string | null): boolean {
  if (actor.role === 'SUPERVISOR') return true;
  return actor.role === 'REVIEWER' && actor.id !== null && actor.id === assigneeId;
}

/** The first decision makes a relief in force permanent when it corrects the code, and reverts it otherwise. */
export function endCauseOfDecision(outcome: DecisionOutcome): ReliefEndCause {
  return CORRECTING.includes(outcome) ? 'DECISION_CORRECTS' : 'DECISION_UPHOLDS';
}
