// The one shape every case use case follows (STYLE.md): load through the actor's scope, check the transitions
// table, apply the change with an optimistic version check, append the audit event in the same transaction;
// its notifications and webhook deliveries go out once it has committed (queueNotifications, queueStatusChangedEvents).
import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append';
import { updateCases, type CaseFields } from '@/lib/db/case-sql';
import { prisma, type TransactionClient } from '@/lib/db/client';
import type { Case, CaseState } from '@/lib/db/generated/client';
import { queueStatusChangedEvent, queueStatusChangedEvents } from '@/lib/integration/queue-status-change';
import { queueNotifications, queueNotificationsOfCases, type NotificationDraft } from '@/lib/notifications/queue';
import { caseScopeWhere, type Actor } from '@/lib/auth/actor';
import { CaseNotFoundError, ConflictError } from '@/lib/core/errors';
import { assigneeRefusal, enforce } from '@/lib/cases/rules/case-guards';
import { runFaultPoint } from './fault-points';
import { adjustReviewerLoads, adjustReviewerLoadsOfCases } from '@/lib/cases/rules/routing';
import { authoriseTransition, TRANSITIONS, type CaseAction } from '@/lib/cases/rules/transitions';

export interface CaseChangeContext {
  tx: TransactionClient;
  current: Case;
  next: CaseState;
  now: Date;
}

export interface CaseChange<T> {
  /** Fields to set besides state and version. */
  data?: Omit<CaseFields, 'state'>;
  /** Related rows (decision, information request, outbox …), written after the case row in the same transaction. */
  afterUpdate?: (tx: TransactionClient, updated: Case) => Promise<void>;
  /** Summaries for the audit event; state before/after are always recorded. */
  audit?: TransitionAudit;
  notifications?: NotificationDraft[] | ((tx: TransactionClient, updated: Case) => Promise<NotificationDraft[]>);
  result?: T;
  /** The province the plan moved the case to (a transfer, lib/cases/engine/move-case.ts): the update finds it there. */
  movedTo?: string;
  /** The new assignee is the reviewer pickReviewer took for the case, who has it counted in their load already. */
  picked?: boolean;
}

export interface CaseChangeResult<T> {
  case: Case;
  result: T | undefined;
}

/** Loads a case the actor may see, or throws CaseNotFoundError (outsiders learn nothing). */
export async function findCaseInScope(db: TransactionClient, actor: Actor, caseId: string): Promise<Case> {
  const found = await db.case.findFirst({ where: { AND: [{ id: caseId }, caseScopeWhere(actor)] } });
  if (!found) throw new CaseNotFoundError();
  return found;
}

export function requireAssignee(current: Case, actor: Actor): void {
  enforce(assigneeRefusal(current, actor));
}

/** What a transition's audit event adds to the state and version it always records. */
export interface TransitionAudit {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string | null;
}

/** The audit event of one case's transition, in the chain of the province that held the case (one shape, both paths). */
function appendTransitionEvent(
  tx: TransactionClient,
  actor: Actor,
  action: CaseAction,
  current: Case,
  fresh: Case,
  audit: TransitionAudit | undefined,
  now: Date,
): Promise<unknown> {
  return appendAuditEvent(tx, {
    chain: current.provinceCode,
    actorId: actor.id,
    actorRole: actor.role,
    caseId: current.id,
    action: TRANSITIONS[action].auditAction,
    before: { reference: current.reference, state: current.state, version: current.version, ...audit?.before },
    after: { state: fresh.state, version: fresh.version, ...audit?.after },
    reason: audit?.reason ?? null,
    occurredAt: now,
  });
}

/** Runs one transition inside the caller's transaction (for use cases that chain two, like transfer + assign). */
export async function applyCaseChange<T>(
  tx: TransactionClient,
  actor: Actor,
  current: Case,
  action: CaseAction,
  plan: (context: CaseChangeContext) => Promise<CaseChange<T>> | CaseChange<T>,
  now: Date,
): Promise<CaseChangeResult<T>> {
  const next = authoriseTransition(current.state, action, actor.role);
  const change = await plan({ tx, current, next, now });
  // The version check: a case changed since `current` was read matches nothing, and the change is refused.
  const [fresh, ...others] = await updateCases(
    tx,
    { provinceCode: change.movedTo ?? current.provinceCode, ids: [current.id], version: current.version },
    { ...change.data, state: next },
  );
  if (!fresh || others.length > 0) throw new ConflictError();
  await change.afterUpdate?.(tx, fresh);
  await recordTransition(tx, actor, action, current, fresh, change, now);
  return { case: fresh, result: change.result };
}

/**
 * What every transition leaves beside the case row, in the caller's transaction: its audit event, the status-change
 * event for the province's system, the reviewers' loads and its notifications (sent once the transaction commits).
 * applyCaseChange calls it after the update; a filing whose case is inserted already assigned calls it for the
 * assignment (lib/cases/engine/auto-assign.ts).
 */
export async function recordTransition(
  tx: TransactionClient,
  actor: Actor,
  action: CaseAction,
  current: Case,
  fresh: Case,
  change: Pick<CaseChange<unknown>, 'audit' | 'notifications' | 'picked'>,
  now: Date,
): Promise<void> {
  await runFaultPoint('after-case-write');
  await appendTransitionEvent(tx, actor, action, current, fresh, change.audit, now);
  await queueStatusChangedEvent(tx, fresh, current.state, now);
  await adjustReviewerLoads(tx, current, fresh, change.picked);
  const drafts =
    typeof change.notifications === 'function' ? await change.notifications(tx, fresh) : (change.notifications ?? []);
  await queueNotifications(tx, fresh.provinceCode, fresh.id, drafts);
}

export interface CaseBatchContext {
  tx: TransactionClient;
  /** The cases, all of one province, each read (and locked) by the caller. */
  currents: readonly Case[];
  next: CaseState;
  now: Date;
}

/** One change applied to many cases of one province (a group action on a mass incident): set-based where it can be. */
export interface CaseBatchChange {
  /** Fields set on every case besides state and version. */
  data?: Omit<CaseFields, 'state'>;
  /** Related rows of all the cases (decisions, outbox …), written after the case rows in the same transaction. */
  afterUpdate?: (tx: TransactionClient, updated: readonly Case[]) => Promise<void>;
  /** Summaries for each case's audit event; state before/after are always recorded. */
  audit?: (current: Case) => TransitionAudit;
  /** Each case's notifications (called after afterUpdate). */
  notifications?: (updated: Case) => NotificationDraft[];
}

/**
 * The batch path of applyCaseChange: one transition applied to many cases of one province in the caller's
 * transaction, with a handful of statements whatever their number (one UPDATE of the cases, the plan's set-based rows,
 * one INSERT of status-change events, one of reviewer loads, one of notifications, and every case's own audit event
 * appended to the province's chain in one call at commit). The version check holds for each case: a case changed
 * since it was read comes back with another version, and the whole batch is refused.
 */
export async function applyCaseChanges(
  tx: TransactionClient,
  actor: Actor,
  currents: readonly Case[],
  action: CaseAction,
  plan: (context: CaseBatchContext) => Promise<CaseBatchChange> | CaseBatchChange,
  now: Date,
): Promise<Case[]> {
  const [first] = currents;
  if (!first) return [];
  const provinceCode = first.provinceCode;
  if (currents.some((current) => current.provinceCode !== provinceCode))
    throw new Error('applyCaseChanges: the cases of one province at a time (single-shard)');
  const next = authoriseTransition(first.state, action, actor.role);
  // One UPDATE sets one state: every case must be allowed the action and reach the same state by it.
  for (const current of currents)
    if (authoriseTransition(current.state, action, actor.role) !== next)
      throw new Error(`applyCaseChanges: ${action} leads the cases to different states`);
  const change = await plan({ tx, currents, next, now });
  const rows = await updateCases(
    tx,
    { provinceCode, ids: currents.map((current) => current.id) },
    {
      ...change.data,
      state: next,
    },
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const updated = currents.map((current) => {
    const fresh = byId.get(current.id);
    if (!fresh || fresh.version !== current.version + 1) throw new ConflictError();
    return fresh;
  });
  await runFaultPoint('after-case-write');
  await change.afterUpdate?.(tx, updated);
  // Inside a transaction each append is queued in memory and the chain is written in one statement at commit.
  for (const [index, current] of currents.entries())
    await appendTransitionEvent(tx, actor, action, current, updated[index]!, change.audit?.(current), now);
  await queueStatusChangedEvents(
    tx,
    updated.map((fresh, index) => ({ updated: fresh, previousState: currents[index]!.state })),
    now,
  );
  await adjustReviewerLoadsOfCases(
    tx,
    updated.map((fresh, index) => ({ before: currents[index]!, after: fresh })),
  );
  await queueNotificationsOfCases(
    tx,
    updated.map((fresh) => ({
      provinceCode: fresh.provinceCode,
      caseId: fresh.id,
      drafts: change.notifications?.(fresh) ?? [],
    })),
  );
  return updated;
}

/**
 * One case action end to end. `expectedVersion` is the version the actor's screen showed: a different current
 * version means someone else changed the case first, and the action is refused rather than applied blindly.
 */
export async function changeCase<T = undefined>(
  actor: Actor,
  args: { caseId: string; action: CaseAction; expectedVersion?: number },
  plan: (context: CaseChangeContext) => Promise<CaseChange<T>> | CaseChange<T>,
  now: Date = new Date(),
): Promise<CaseChangeResult<T>> {
  return prisma.$transaction(async (tx) => {
    const current = await findCaseInScope(tx, actor, args.caseId);
    if (args.expectedVersion !== undefined && current.version !== args.expectedVersion) throw new ConflictError();
    return applyCaseChange(tx, actor, current, args.action, plan, now);
  });
}
