// The rules beyond the transitions table that decide whether a person may act on a case now ("only the reviewer
// holding it", "not while the citizen's reply window is open", "not the first decider" …), written once. The use case
// throws the refusal a guard returns; a view's button flag is the same guard's `can…` (the table, then the refusal),
// so a screen never offers what the use case refuses (lib/cases/views/view-flags.test.ts: every state and role).
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenActionError, RuleViolationError, type AppError } from '@/lib/core/errors';
import type { CaseState } from '@/lib/db/generated/enums';
import { canTransition, mayPerform, type CaseAction } from './transitions';
import { isWithinDeadline } from './within-deadline';

/** The facts of a case the guards read (a case row, or a view's projection of one). */
export interface GuardedCase {
  state: CaseState;
  assigneeId: string | null;
}

export type Caller = Pick<Actor, 'id' | 'role'>;

/** What a guard answers: the refusal the use case throws, or null when the action may go ahead. */
export type Refusal = AppError | null;

/** Throws the guard's refusal, if any. */
export function enforce(refusal: Refusal): void {
  if (refusal) throw refusal;
}

/** The transitions table allows `action` to `caller`'s role from the case's state. */
export function tableAllows(current: Pick<GuardedCase, 'state'>, caller: Caller, action: CaseAction): boolean {
  return mayPerform(caller.role, action) && canTransition(current.state, action);
}

/** Only the reviewer holding the case (or the supervisor holding a second review). */
export function assigneeRefusal(current: GuardedCase, caller: Caller): Refusal {
  return !caller.id || current.assigneeId !== caller.id ? new RuleViolationError('errors.notAssignee') : null;
}

/** Claiming from the pool: the case is unassigned and the reviewer is not excluded from it (conflict of interest). */
export function claimRefusal(current: GuardedCase, caller: Caller, excluded: boolean): Refusal {
  if (current.assigneeId) return new RuleViolationError('errors.notInPool');
  if (!caller.id) return new RuleViolationError('errors.reviewerNotEligible');
  if (excluded) return new RuleViolationError('errors.excludedReviewer');
  return null;
}

/**
 * Deciding (first level): the reviewer holding the case; waiting on the citizen, only once the open request's reply
 * window has passed (SPEC §7). `openReplyDueAt` is the reply deadline of the request still unanswered, if any.
 */
export function decideRefusal(current: GuardedCase, caller: Caller, now: Date, openReplyDueAt: Date | null): Refusal {
  return assigneeRefusal(current, caller) ?? replyWindowRefusal(current, now, openReplyDueAt);
}

/** A case waiting on the citizen is decided on the record only once their time to answer has run out (SPEC §7). */
export function replyWindowRefusal(current: GuardedCase, now: Date, openReplyDueAt: Date | null): Refusal {
  return current.state === 'AWAITING_CITIZEN' && openReplyDueAt && isWithinDeadline(now, openReplyDueAt)
    ? new RuleViolationError('errors.replyWindowOpen')
    : null;
}

/** Releasing to the pool: a reviewer only their own case; a supervisor any case of their scope. */
export function releaseRefusal(current: GuardedCase, caller: Caller): Refusal {
  return caller.role === 'REVIEWER' ? assigneeRefusal(current, caller) : null;
}

/** Revealing the ID number (SPEC §8): a supervisor of the case's scope, or the reviewer holding it. */
export function revealRefusal(current: GuardedCase, caller: Caller): Refusal {
  if (caller.role !== 'REVIEWER' && caller.role !== 'SUPERVISOR') return new ForbiddenActionError('REVEAL_IDENTITY');
  return releaseRefusal(current, caller);
}

/** A second-level review is never taken or decided by the person who made the first decision. */
export function secondReviewerRefusal(caller: Caller, firstDeciderId: string | null): Refusal {
  if (firstDeciderId === null) return new RuleViolationError('errors.illegalTransition');
  return firstDeciderId === caller.id ? new RuleViolationError('errors.sameDecider') : null;
}

/** Deciding a second-level review: not the first decider, and the supervisor who took it up. */
export function decideSecondReviewRefusal(
  current: GuardedCase,
  caller: Caller,
  firstDeciderId: string | null,
): Refusal {
  return secondReviewerRefusal(caller, firstDeciderId) ?? assigneeRefusal(current, caller);
}

/** The citizen asks for a second-level review within the window the first decision opened (SPEC §5). */
export function secondReviewRequestRefusal(windowEndsAt: Date | null, now: Date): Refusal {
  return !windowEndsAt || now > windowEndsAt ? new RuleViolationError('errors.secondReviewWindowClosed') : null;
}

// What a view may offer: the table for the caller's role, then the same refusal the use case would throw.

export const canClaim = (current: GuardedCase, caller: Caller, excluded: boolean): boolean =>
  tableAllows(current, caller, 'CLAIM') && !claimRefusal(current, caller, excluded);

export const canStartReview = (current: GuardedCase, caller: Caller): boolean =>
  tableAllows(current, caller, 'START_REVIEW') && !assigneeRefusal(current, caller);

export const canRequestInformation = (current: GuardedCase, caller: Caller): boolean =>
  tableAllows(current, caller, 'REQUEST_INFORMATION') && !assigneeRefusal(current, caller);

export const canDecide = (current: GuardedCase, caller: Caller, now: Date, openReplyDueAt: Date | null): boolean =>
  tableAllows(current, caller, 'DECIDE') && !decideRefusal(current, caller, now, openReplyDueAt);

export const canTransfer = (current: GuardedCase, caller: Caller): boolean =>
  tableAllows(current, caller, 'TRANSFER') && !assigneeRefusal(current, caller);

export const canRelease = (current: GuardedCase, caller: Caller): boolean =>
  tableAllows(current, caller, 'RELEASE') && !releaseRefusal(current, caller);

export const canRevealIdentity = (current: GuardedCase, caller: Caller): boolean => !revealRefusal(current, caller);

export const canReassign = (current: GuardedCase, caller: Caller): boolean => tableAllows(current, caller, 'REASSIGN');

export const canStartSecondReview = (current: GuardedCase, caller: Caller, firstDeciderId: string | null): boolean =>
  tableAllows(current, caller, 'START_SECOND_REVIEW') && !secondReviewerRefusal(caller, firstDeciderId);

export const canDecideSecondReview = (current: GuardedCase, caller: Caller, firstDeciderId: string | null): boolean =>
  tableAllows(current, caller, 'DECIDE_SECOND_REVIEW') && !decideSecondReviewRefusal(current, caller, firstDeciderId);

export const canWithdraw = (current: Pick<GuardedCase, 'state'>, caller: Caller): boolean =>
  tableAllows(current, caller, 'WITHDRAW');

export const canRequestSecondReview = (
  current: Pick<GuardedCase, 'state'>,
  caller: Caller,
  windowEndsAt: Date | null,
  now: Date,
): boolean => tableAllows(current, caller, 'REQUEST_SECOND_REVIEW') && !secondReviewRequestRefusal(windowEndsAt, now);
