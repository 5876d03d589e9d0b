// The steps of interim relief (SPEC §15) inside the caller's transaction, shared by the use cases (request, decide,
// expire), the filing and the first decision: each changes the relief row with a version check, writes its order to
// the outbox and its audit event in the case's chain, and returns the notifications to queue.
import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append';
import type { AuditAction } from '@/lib/audit/actions';
import { SYSTEM_ACTOR, type Actor } from '@/lib/auth/actor';
import { ConflictError, RuleViolationError } from '@/lib/core/errors';
import { formatSmsTime } from '@/lib/i18n/format-date';
import { Prisma, type TransactionClient } from '@/lib/db/client';
import type { Case, CodeColour, InterimRelief } from '@/lib/db/generated/client';
import { deliverAfterCommit } from '@/lib/integration/deliver-webhooks';
import type { InterimReliefOrderPayload } from '@/lib/integration/outbox-payloads';
import { supervisorNotices, type NotificationDraft } from '@/lib/notifications/queue';
import type { NotificationParams, NotificationTemplate } from '@/lib/notifications/templates';
import {
  GROUP_RELIEF_REASON,
  OPEN_RELIEF_STATUSES,
  RELIEF_CASE_STATES,
  reliefColoursFor,
  reliefExpiresAt,
  type ReliefEndCause,
  type ReliefOrderAction,
  type ReliefReason,
  type ReliefStatus,
} from '@/lib/cases/rules/interim-relief';
import { findCaseInScope } from './case-change';
import { correctionProvinceOf } from './correction-order';

export interface ReliefRequestInput {
  reason: ReliefReason;
  detail: string | null;
}

/**
 * Loads the case through the actor's scope and holds a share lock on it until the transaction ends: a decision (which
 * updates the case) waits for a relief step in progress and then sees it, so a request cannot slip past the decision.
 */
export async function lockCaseForRelief(tx: TransactionClient, actor: Actor, caseId: string): Promise<Case> {
  const found = await findCaseInScope(tx, actor, caseId);
  await tx.$queryRaw`SELECT 1 FROM appeal_case WHERE province_code = ${found.provinceCode} AND id = ${found.id}::uuid FOR SHARE`;
  return tx.case.findUniqueOrThrow({ where: { provinceCode_id: { provinceCode: found.provinceCode, id: found.id } } });
}

/** The request or relief of the case still open (REQUESTED or GRANTED), if any. */
export async function findOpenRelief(tx: TransactionClient, current: Case): Promise<InterimRelief | null> {
  return tx.interimRelief.findFirst({
    where: {
      provinceCode: current.provinceCode,
      caseId: current.id,
      status: { in: [...OPEN_RELIEF_STATUSES] },
    },
  });
}

async function auditRelief(
  tx: TransactionClient,
  actor: Actor,
  current: Case,
  action: AuditAction,
  relief: InterimRelief,
  after: Record<string, unknown>,
  now: Date,
  reason: string | null = null,
) {
  await appendAuditEvent(tx, {
    chain: current.provinceCode,
    actorId: actor.id,
    actorRole: actor.role,
    caseId: current.id,
    action,
    // No citizen's words in the chain: the reason code only (the detail stays on the relief row, erasable).
    after: { reference: current.reference, reliefId: relief.id, status: relief.status, ...after },
    reason,
    occurredAt: now,
  });
}

/** Moves the relief from `from` to the data given, refusing when someone changed it since it was read. */
async function moveRelief(
  tx: TransactionClient,
  relief: InterimRelief,
  from: ReliefStatus,
  data: Prisma.InterimReliefUncheckedUpdateManyInput,
): Promise<InterimRelief> {
  const [updated, ...others] = await tx.interimRelief.updateManyAndReturn({
    where: { provinceCode: relief.provinceCode, id: relief.id, status: from, version: relief.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (!updated || others.length > 0) throw new ConflictError();
  return updated;
}

async function queueReliefOrder(
  tx: TransactionClient,
  current: Case,
  relief: InterimRelief,
  order: {
    action: ReliefOrderAction;
    fromColour: CodeColour;
    toColour: CodeColour;
    expiresAt?: Date | null;
    cause?: ReliefEndCause | null;
    decisionId?: string | null;
  },
  now: Date,
): Promise<string> {
  const created = await tx.outboxEvent.create({
    data: {
      provinceCode: correctionProvinceOf(current),
      kind: 'INTERIM_RELIEF_ORDER',
      caseId: current.id,
      payload: {
        reference: current.reference,
        reliefId: relief.id,
        action: order.action,
        issuingUnitCode: current.issuingUnitCode,
        fromColour: order.fromColour,
        toColour: order.toColour,
        codeAssignedAt: current.codeAssignedAt.toISOString(),
        orderedAt: now.toISOString(),
        expiresAt: order.expiresAt?.toISOString() ?? null,
        cause: order.cause ?? null,
        decisionId: order.decisionId ?? null,
      } satisfies InterimReliefOrderPayload,
    },
    select: { id: true },
  });
  deliverAfterCommit(tx);
  return created.id;
}

function smsTo(current: Case, template: NotificationTemplate, params: NotificationParams): NotificationDraft[] {
  if (!current.mobile) return [];
  return [
    { channel: 'SMS', recipientMobile: current.mobile, template, params: { reference: current.reference, ...params } },
  ];
}

/** The people who answer a request: the reviewer holding the case, else the province's supervisors. */
async function deciderNotices(tx: TransactionClient, current: Case): Promise<NotificationDraft[]> {
  const params = { reference: current.reference };
  if (current.assigneeId)
    return [{ channel: 'IN_APP', recipientUserId: current.assigneeId, template: 'INTERIM_RELIEF_REQUESTED', params }];
  return supervisorNotices(tx, current.provinceCode, 'INTERIM_RELIEF_REQUESTED', params);
}

/** Refuses relief on a case whose first decision is no longer awaited, or whose code cannot be made milder. */
export function requireReliefPossible(current: Case): void {
  if (!RELIEF_CASE_STATES.includes(current.state) || reliefColoursFor(current.colour).length === 0)
    throw new RuleViolationError('errors.reliefNotAvailable');
}

/**
 * Records a citizen's request (at filing or from the case page). On a case of prima facie overreach the system grants
 * it at once (to green: the code has no valid basis on its face), audited as the system.
 */
export async function openReliefRequest(
  tx: TransactionClient,
  citizen: Actor,
  current: Case,
  input: ReliefRequestInput,
  now: Date,
): Promise<{ relief: InterimRelief; notifications: NotificationDraft[] }> {
  requireReliefPossible(current);
  if (await findOpenRelief(tx, current)) throw new RuleViolationError('errors.reliefAlreadyOpen');
  let relief: InterimRelief;
  try {
    // The unique index settles two requests racing past the check above: the loser is refused (and rolls back).
    relief = await tx.interimRelief.create({
      data: {
        provinceCode: current.provinceCode,
        caseId: current.id,
        reason: input.reason,
        detail: input.detail,
        requestedAt: now,
        fromColour: current.colour,
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new RuleViolationError('errors.reliefAlreadyOpen');
    throw error;
  }
  await auditRelief(tx, citizen, current, 'INTERIM_RELIEF_REQUESTED', relief, { reliefReason: input.reason }, now);
  if (current.primaFacieOverreach) {
    const granted = await grantRelief(tx, SYSTEM_ACTOR, current, relief, 'GREEN', null, now);
    return granted;
  }
  return { relief, notifications: await deciderNotices(tx, current) };
}

/** Grants a REQUESTED relief: the temporary correction order with its expiry goes to the outbox. */
export async function grantRelief(
  tx: TransactionClient,
  actor: Actor,
  current: Case,
  relief: InterimRelief,
  toColour: CodeColour,
  decisionReason: string | null,
  now: Date,
  /** What else the audit event records (the incident of a group grant). */
  basis: Record<string, unknown> = {},
): Promise<{ relief: InterimRelief; notifications: NotificationDraft[] }> {
  if (!reliefColoursFor(current.colour).includes(toColour))
    throw new RuleViolationError('errors.reliefColourNotAllowed');
  const expiresAt = reliefExpiresAt(now);
  const automatic = actor.role === 'SYSTEM';
  const orderId = await queueReliefOrder(
    tx,
    current,
    relief,
    { action: 'GRANT', fromColour: current.colour, toColour, expiresAt },
    now,
  );
  const granted = await moveRelief(tx, relief, 'REQUESTED', {
    status: 'GRANTED',
    toColour,
    expiresAt,
    decidedAt: now,
    decidedById: actor.id,
    decidedByRole: actor.role,
    decisionReason,
    automatic,
    orderId,
  });
  await auditRelief(
    tx,
    actor,
    current,
    'INTERIM_RELIEF_GRANTED',
    granted,
    {
      fromColour: current.colour,
      toColour,
      expiresAt: expiresAt.toISOString(),
      orderId,
      automatic,
      ...(automatic ? { basis: 'PRIMA_FACIE_OVERREACH', overreachReason: current.overreachReason } : {}),
      ...basis,
    },
    now,
    decisionReason,
  );
  return {
    relief: granted,
    notifications: smsTo(current, 'INTERIM_RELIEF_GRANTED', {
      colour: toColour,
      expiresAt: formatSmsTime(expiresAt),
    }),
  };
}

/**
 * Relief a supervisor grants to a case of a mass incident in one group action (SPEC §15, §16): the citizen's pending
 * request if there is one, otherwise a relief row of its own (reason MASS_INCIDENT), granted at once with its
 * temporary correction order and its audit event naming the incident. A case with relief in force is refused.
 */
export async function grantIncidentRelief(
  tx: TransactionClient,
  actor: Actor,
  current: Case,
  toColour: CodeColour,
  decisionReason: string,
  incidentId: string,
  now: Date,
): Promise<{ relief: InterimRelief; notifications: NotificationDraft[] }> {
  requireReliefPossible(current);
  const open = await findOpenRelief(tx, current);
  if (open?.status === 'GRANTED') throw new RuleViolationError('errors.reliefAlreadyOpen');
  const relief =
    open ??
    (await tx.interimRelief.create({
      data: {
        provinceCode: current.provinceCode,
        caseId: current.id,
        reason: GROUP_RELIEF_REASON,
        requestedAt: now,
        fromColour: current.colour,
      },
    }));
  return grantRelief(tx, actor, current, relief, toColour, decisionReason, now, { incidentId });
}

export async function refuseRelief(
  tx: TransactionClient,
  actor: Actor,
  current: Case,
  relief: InterimRelief,
  decisionReason: string,
  now: Date,
): Promise<{ relief: InterimRelief; notifications: NotificationDraft[] }> {
  const refused = await moveRelief(tx, relief, 'REQUESTED', {
    status: 'REFUSED',
    decidedAt: now,
    decidedById: actor.id,
    decidedByRole: actor.role,
    decisionReason,
  });
  await auditRelief(tx, actor, current, 'INTERIM_RELIEF_REFUSED', refused, {}, now, decisionReason);
  return { relief: refused, notifications: smsTo(current, 'INTERIM_RELIEF_REFUSED', {}) };
}

/**
 * Ends the case's open request or relief: a request nobody answered lapses; a relief in force becomes permanent when
 * the decision corrects the code (the decision's own correction order sets the final colour), and is reverted
 * otherwise (a REVERT order back to the colour before the relief). An expiry also alerts the supervisors.
 */
export async function endOpenRelief(
  tx: TransactionClient,
  actor: Actor,
  current: Case,
  cause: ReliefEndCause,
  now: Date,
  decisionId: string | null = null,
  open?: InterimRelief,
): Promise<NotificationDraft[]> {
  const relief = open ?? (await findOpenRelief(tx, current));
  if (!relief) return [];
  if (relief.status === 'REQUESTED') {
    const lapsed = await moveRelief(tx, relief, 'REQUESTED', { status: 'LAPSED', endedAt: now, endCause: cause });
    await auditRelief(tx, actor, current, 'INTERIM_RELIEF_LAPSED', lapsed, { cause, decisionId }, now);
    return [];
  }
  const temporary = relief.toColour!;
  if (cause === 'DECISION_CORRECTS') {
    await queueReliefOrder(
      tx,
      current,
      relief,
      { action: 'MAKE_PERMANENT', fromColour: temporary, toColour: temporary, cause, decisionId },
      now,
    );
    const permanent = await moveRelief(tx, relief, 'GRANTED', { status: 'PERMANENT', endedAt: now, endCause: cause });
    await auditRelief(tx, actor, current, 'INTERIM_RELIEF_MADE_PERMANENT', permanent, { cause, decisionId }, now);
    return smsTo(current, 'INTERIM_RELIEF_PERMANENT', {});
  }
  const revertOrderId = await queueReliefOrder(
    tx,
    current,
    relief,
    { action: 'REVERT', fromColour: temporary, toColour: relief.fromColour, cause, decisionId },
    now,
  );
  const reverted = await moveRelief(tx, relief, 'GRANTED', {
    status: 'REVERTED',
    endedAt: now,
    endCause: cause,
    revertOrderId,
  });
  await auditRelief(
    tx,
    actor,
    current,
    'INTERIM_RELIEF_REVERTED',
    reverted,
    { cause, decisionId, revertOrderId, fromColour: temporary, toColour: relief.fromColour },
    now,
  );
  const notifications = smsTo(current, 'INTERIM_RELIEF_REVERTED', { cause });
  if (cause === 'EXPIRED')
    notifications.push(
      ...(await supervisorNotices(tx, current.provinceCode, 'INTERIM_RELIEF_EXPIRED', {
        reference: current.reference,
      })),
    );
  return notifications;
}
