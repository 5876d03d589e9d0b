// A supervisor's group finding on a mass incident (SPEC §16): one finding applied to each selected case as its own
// first-level decision, through the case engine's batch path (applyCaseChanges with the DECIDE_AS_GROUP transition):
// each case gets its decision row and audit event naming the incident, its correction order (one batch, one
// transaction) and its own SMS after commit, in a handful of set-based statements whatever the group's size. Cases
// left out are untouched.
import 'server-only';
import { afterCommit, prisma, Prisma, type TransactionClient } from '@/lib/db/client';
import type { Case, CaseState } from '@/lib/db/generated/client';
import type { Actor } from '@/lib/auth/actor';
import { applyCaseChanges, type CaseBatchChange, type CaseBatchContext } from '@/lib/cases/engine/case-change';
import { correctionOrderRow } from '@/lib/cases/engine/correction-order';
import { endOpenRelief } from '@/lib/cases/engine/interim-relief';
import { decisionRuleRefusal } from '@/lib/cases/rules/decision-outcome';
import { CORRECTING } from '@/lib/cases/rules/decision-rules';
import { endCauseOfDecision, OPEN_RELIEF_STATUSES } from '@/lib/cases/rules/interim-relief';
import { secondReviewWindowEnd } from '@/lib/cases/rules/legal-periods';
import { TRANSITIONS, stateListSql, type CaseAction } from '@/lib/cases/rules/transitions';
import { isWithinDeadline } from '@/lib/cases/rules/within-deadline';
import type { DecisionFinding } from '@/lib/cases/use-cases/decide-case';
import type { NotificationDraft } from '@/lib/notifications/queue';
import { loadWorkingDayCalendar } from '@/lib/reference/deadline-rules';
import { ForbiddenActionError, RuleViolationError } from '@/lib/core/errors';
import type { MassIncident } from '@/lib/db/generated/client';
import { findIncidentInScope } from './find-incident';
import { mayHandleIncident } from './incident-rules';
import type { DecideIncidentInput } from './schemas';

/** A group of 1,000+ cases takes seconds, well past the client's default interactive-transaction timeout. */
const GROUP_TRANSACTION = { timeout: 180_000, maxWait: 15_000 } as const;

export interface IncidentGroupChange {
  incident: MassIncident;
  caseIds: string[];
  /** Milliseconds to commit the group, then to hand its notifications to the SMS provider (the benchmark prints both). */
  timings: { transactionMs: number; notifyMs: number };
}

/**
 * The frame of every group action on an incident, in one transaction: load the incident through the actor's scope,
 * check they may handle it, lock the selected cases that belong to it and are in one of `states` (all of them, or the
 * whole group is refused), and hand them to `work`; the notifications it queues are sent once the group has committed.
 */
export async function inIncidentGroup(
  actor: Actor,
  key: { provinceCode: string; incidentId: string; caseIds: readonly string[] },
  states: readonly CaseState[],
  work: (tx: TransactionClient, incident: MassIncident, selected: Case[]) => Promise<void>,
): Promise<IncidentGroupChange> {
  const started = performance.now();
  let committed = started;
  const outcome = await prisma.$transaction(async (tx) => {
    // The first of the after-commit hooks: the notifications' come after it.
    afterCommit(tx, async () => {
      committed = performance.now();
    });
    const incident = await findIncidentInScope(tx, actor, key);
    if (!mayHandleIncident(actor, incident)) throw new RuleViolationError('errors.incidentNationalOnly');
    const selected = await lockSelectedCases(tx, incident, key.caseIds, states);
    await work(tx, incident, selected);
    return { incident, caseIds: selected.map((row) => row.id) };
  }, GROUP_TRANSACTION);
  return {
    incident: outcome.incident,
    caseIds: outcome.caseIds,
    timings: { transactionMs: committed - started, notifyMs: performance.now() - committed },
  };
}

/**
 * The extension point of every group transition on an incident (a group finding here): the group's frame
 * (inIncidentGroup) with the cases in a state `action` allows, and `plan` applied to all of them through the case
 * engine's batch path.
 */
export async function applyIncidentGroupChange(
  actor: Actor,
  key: { provinceCode: string; incidentId: string; caseIds: readonly string[] },
  action: CaseAction,
  plan: (incident: MassIncident) => (context: CaseBatchContext) => Promise<CaseBatchChange>,
  now: Date = new Date(),
): Promise<IncidentGroupChange> {
  return inIncidentGroup(actor, key, TRANSITIONS[action].from, async (tx, incident, selected) => {
    // After the scope (outsiders learn nothing: 404 first).
    if (!TRANSITIONS[action].roles.includes(actor.role)) throw new ForbiddenActionError(action);
    await applyCaseChanges(tx, actor, selected, action, plan(incident), now);
  });
}

/** Locks the selection in id order (rows first, audit chain heads last); any case not in the incident or no longer in an allowed state refuses the group. */
async function lockSelectedCases(
  tx: TransactionClient,
  incident: MassIncident,
  caseIds: readonly string[],
  states: readonly CaseState[],
): Promise<Case[]> {
  const unique = [...new Set(caseIds)];
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id::text FROM appeal_case c
    JOIN case_incident ci ON ci.province_code = c.province_code AND ci.case_id = c.id
    WHERE c.province_code = ${incident.provinceCode} AND ci.incident_id = ${incident.id}::uuid
      AND c.id IN (${Prisma.join(unique.map((id) => Prisma.sql`${id}::uuid`))})
      AND c.state IN (${Prisma.raw(stateListSql(states))})
    ORDER BY c.id
    FOR UPDATE OF c`;
  if (locked.length !== unique.length) throw new RuleViolationError('errors.incidentSelectionChanged');
  return tx.case.findMany({
    where: { provinceCode: incident.provinceCode, id: { in: unique } },
    orderBy: { id: 'asc' },
  });
}

/**
 * The first-level decision of every selected case at once: the same rules as a reviewer's decision (planFirstDecision
 * in lib/cases/use-cases/decide-case.ts: the catalogue check, the second-review window, the correction order, interim
 * relief made permanent or reverted, the citizen's SMS), with the decision rows and correction orders written in one
 * statement each. The group's states (DECIDE_AS_GROUP) exclude a case waiting on the citizen, so no clock resumes.
 */
function planGroupDecision(
  actor: Actor,
  finding: DecisionFinding,
  incident: { id: string },
): (context: CaseBatchContext) => Promise<CaseBatchChange> {
  return async ({ tx, currents, now }) => {
    const [first] = currents;
    const provinceCode = first!.provinceCode;
    const rules = await tx.reason.findMany({
      where: {
        catalogueVersionId: { in: [...new Set(currents.map((current) => current.catalogueVersionId))] },
        code: finding.ruleCode,
      },
      select: { catalogueVersionId: true, maxColour: true, validity: true },
    });
    for (const current of currents) {
      const rule = rules.find((candidate) => candidate.catalogueVersionId === current.catalogueVersionId);
      if (!rule) throw new RuleViolationError('errors.ruleNotInCatalogue');
      const refusal = decisionRuleRefusal(rule, finding.outcome, current.colour);
      if (refusal) throw new RuleViolationError(refusal);
    }
    const secondReviewDeadlineAt = secondReviewWindowEnd(await loadWorkingDayCalendar(tx), now).endsAt;
    const correcting = CORRECTING.includes(finding.outcome);
    const reliefNotifications = new Map<string, NotificationDraft[]>();
    return {
      data: {
        decidedAt: now,
        secondReviewDeadlineAt,
        // A new order restarts effectuation (as queueCorrectionOrder does for one case).
        ...(correcting ? { correctionSentAt: null, correctionConfirmedAt: null } : {}),
      },
      afterUpdate: async (innerTx, updated) => {
        const decisions = await innerTx.decision.createManyAndReturn({
          data: updated.map((one) => ({
            caseId: one.id,
            provinceCode,
            level: 'FIRST' as const,
            outcome: finding.outcome,
            ruleCode: finding.ruleCode,
            reasons: finding.reasons,
            decidedById: actor.id!,
            decidedAt: now,
            deadlineAt: one.dueAt,
            incidentId: incident.id,
          })),
          select: { id: true, caseId: true },
        });
        const decisionOf = new Map(decisions.map((decision) => [decision.caseId, decision.id]));
        if (correcting)
          await innerTx.outboxEvent.createMany({
            data: currents.map((current) =>
              correctionOrderRow(current, decisionOf.get(current.id)!, finding.outcome, now),
            ),
          });
        // The decision makes interim relief in force permanent or reverts it (SPEC §15): the few cases that have one.
        const reliefs = await innerTx.interimRelief.findMany({
          where: {
            provinceCode,
            caseId: { in: currents.map((current) => current.id) },
            status: { in: [...OPEN_RELIEF_STATUSES] },
          },
        });
        for (const relief of reliefs) {
          const current = currents.find((one) => one.id === relief.caseId)!;
          const cause = endCauseOfDecision(finding.outcome);
          const decisionId = decisionOf.get(current.id)!;
          reliefNotifications.set(
            current.id,
            await endOpenRelief(innerTx, actor, current, cause, now, decisionId, relief),
          );
        }
      },
      audit: (current) => ({
        after: {
          outcome: finding.outcome,
          ruleCode: finding.ruleCode,
          correctionOrdered: correcting,
          withinDeadline: isWithinDeadline(now, current.dueAt),
          incidentId: incident.id,
        },
      }),
      notifications: (updated) => [
        ...(updated.mobile
          ? [
              {
                channel: 'SMS' as const,
                recipientMobile: updated.mobile,
                template: 'CASE_DECIDED' as const,
                params: { reference: updated.reference },
              },
            ]
          : []),
        ...(reliefNotifications.get(updated.id) ?? []),
      ],
    };
  };
}

/** The group finding: each selected case decided on its own, naming the incident. */
export async function decideIncident(actor: Actor, input: DecideIncidentInput, now: Date = new Date()) {
  const finding = { outcome: input.outcome, ruleCode: input.ruleCode, reasons: input.reasons };
  return applyIncidentGroupChange(
    actor,
    input,
    'DECIDE_AS_GROUP',
    (incident) => planGroupDecision(actor, finding, { id: incident.id }),
    now,
  );
}
