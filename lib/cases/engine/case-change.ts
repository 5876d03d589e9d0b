// The one shape every case use case follows (STYLE.md): load through the actor's scope, check the transitions
// table, apply the change with an optimistic version check, append the audit event in the same transaction,
// and send notifications only after commit.
import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append';
import { prisma, type Prisma, type TransactionClient } from '@/lib/db/client';
import type { Case, CaseState } from '@/lib/db/generated/client';
import { deliverSoon } from '@/lib/integration/deliver-webhooks';
import { queueStatusChangedEvent } from '@/lib/integration/queue-status-change';
import { dispatchNotifications } from '@/lib/notifications/dispatch';
import { queueNotifications, type NotificationDraft } from '@/lib/notifications/queue';
import { caseScopeWhere, type Actor } from '@/lib/auth/actor';
import { CaseNotFoundError, ConflictError } from '@/lib/core/errors';
import { assigneeRefusal, enforce } from '@/lib/cases/rules/case-guards';
import { runFaultPoint } from './fault-points';
import { adjustReviewerLoads } from '@/lib/cases/rules/routing';
import { authoriseTransition, TRANSITIONS, type CaseAction } from '@/lib/cases/rules/transitions';
import { scopedLogger } from '@/lib/security/logger';

export interface CaseChangeContext {
  tx: TransactionClient;
  current: Case;
  next: CaseState;
  now: Date;
}

export interface CaseChange<T> {
  /** Fields to set besides state and version. */
  data?: Omit<Prisma.CaseUncheckedUpdateManyInput, 'state' | 'version'>;
  /** Related rows (decision, information request, outbox …), written after the case row in the same transaction. */
  afterUpdate?: (tx: TransactionClient, updated: Case) => Promise<void>;
  /** Summaries for the audit event; state before/after are always recorded. */
  audit?: { before?: Record<string, unknown>; after?: Record<string, unknown>; reason?: string | null };
  notifications?: NotificationDraft[] | ((tx: TransactionClient, updated: Case) => Promise<NotificationDraft[]>);
  result?: T;
  /** The province the plan moved the case to (a transfer, lib/cases/engine/move-case.ts): the update finds it there. */
  movedTo?: string;
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

/** Runs one transition inside the caller's transaction (for use cases that chain two, like transfer + assign). */
export async function applyCaseChange<T>(
  tx: TransactionClient,
  actor: Actor,
  current: Case,
  action: CaseAction,
  plan: (context: CaseChangeContext) => Promise<CaseChange<T>> | CaseChange<T>,
  now: Date,
): Promise<CaseChangeResult<T> & { notificationIds: string[] }> {
  const next = authoriseTransition(current.state, action, actor.role);
  const change = await plan({ tx, current, next, now });
  // The version check: a case changed since `current` was read matches nothing, and the change is refused.
  const [fresh, ...others] = await tx.case.updateManyAndReturn({
    where: { provinceCode: change.movedTo ?? current.provinceCode, id: current.id, version: current.version },
    data: { ...change.data, state: next, version: { increment: 1 } },
  });
  if (!fresh || others.length > 0) throw new ConflictError();
  await runFaultPoint('after-case-update');
  await change.afterUpdate?.(tx, fresh);
  await appendAuditEvent(tx, {
    chain: current.provinceCode,
    actorId: actor.id,
    actorRole: actor.role,
    caseId: current.id,
    action: TRANSITIONS[action].auditAction,
    before: { reference: current.reference, state: current.state, version: current.version, ...change.audit?.before },
    after: { state: fresh.state, version: fresh.version, ...change.audit?.after },
    reason: change.audit?.reason ?? null,
    occurredAt: now,
  });
  await queueStatusChangedEvent(tx, fresh, current.state, now);
  await adjustReviewerLoads(tx, current, fresh);
  const drafts =
    typeof change.notifications === 'function' ? await change.notifications(tx, fresh) : (change.notifications ?? []);
  const notificationIds = await queueNotifications(tx, fresh.provinceCode, fresh.id, drafts);
  return { case: fresh, result: change.result, notificationIds };
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
  const outcome = await prisma.$transaction(async (tx) => {
    const current = await findCaseInScope(tx, actor, args.caseId);
    if (args.expectedVersion !== undefined && current.version !== args.expectedVersion) throw new ConflictError();
    return applyCaseChange(tx, actor, current, args.action, plan, now);
  });
  await dispatchAfterCommit(outcome.notificationIds);
  return { case: outcome.case, result: outcome.result };
}

/**
 * After a commit: send its notifications, and start a webhook delivery cycle for the outbox events it wrote
 * (the worker delivers whatever this misses). A failed send never undoes a committed change: the notification
 * stays PENDING for the sweep to retry.
 */
export async function dispatchAfterCommit(ids: readonly string[]): Promise<void> {
  if (process.env.NODE_ENV !== 'test') deliverSoon();
  try {
    await dispatchNotifications(ids);
  } catch (error) {
    scopedLogger('notify').error({ err: error }, 'dispatch after commit failed');
  }
}
