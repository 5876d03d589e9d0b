// A supervisor's group finding on a mass incident (SPEC §16): one finding applied to each selected case as its own
// first-level decision, through the case engine (applyCaseChange with the DECIDE_AS_GROUP transition and the plan of
// lib/cases/use-cases/decide-case.ts): each case gets its decision row and audit event naming the incident, its
// correction order (one batch, one transaction) and its own SMS after commit. Cases left out are untouched.
import 'server-only';
import { prisma, Prisma, type TransactionClient } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import type { Actor } from '@/lib/auth/actor';
import {
  applyCaseChange,
  dispatchAfterCommit,
  type CaseChange,
  type CaseChangeContext,
} from '@/lib/cases/engine/case-change';
import { TRANSITIONS, stateListSql, type CaseAction } from '@/lib/cases/rules/transitions';
import { planFirstDecision } from '@/lib/cases/use-cases/decide-case';
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
 * The extension point of every group action on an incident (a group finding here; group interim relief, SPEC §15, is
 * to be built on it): in one transaction, load the incident through the actor's scope, check they may handle it, lock
 * the selected cases that belong to it and are in a state `action` allows (all of them, or the whole group is
 * refused), and apply `plan` to each through the case engine. Notifications go out after commit.
 */
export async function applyIncidentGroupChange(
  actor: Actor,
  key: { provinceCode: string; incidentId: string; caseIds: readonly string[] },
  action: CaseAction,
  plan: (incident: MassIncident) => (context: CaseChangeContext) => Promise<CaseChange<undefined>>,
  now: Date = new Date(),
): Promise<IncidentGroupChange> {
  const started = performance.now();
  const outcome = await prisma.$transaction(async (tx) => {
    const incident = await findIncidentInScope(tx, actor, key);
    if (!mayHandleIncident(actor, incident)) throw new RuleViolationError('errors.incidentNationalOnly');
    if (!TRANSITIONS[action].roles.includes(actor.role)) throw new ForbiddenActionError(action);
    const selected = await lockSelectedCases(tx, incident, key.caseIds, action);
    const casePlan = plan(incident);
    const notificationIds: string[] = [];
    for (const current of selected) {
      const changed = await applyCaseChange(tx, actor, current, action, casePlan, now);
      notificationIds.push(...changed.notificationIds);
    }
    return { incident, caseIds: selected.map((row) => row.id), notificationIds };
  }, GROUP_TRANSACTION);
  const committed = performance.now();
  await dispatchAfterCommit(outcome.notificationIds);
  return {
    incident: outcome.incident,
    caseIds: outcome.caseIds,
    timings: { transactionMs: committed - started, notifyMs: performance.now() - committed },
  };
}

/** Locks the selection in id order (rows first, audit chain heads last); any case not in the incident or no longer in an allowed state refuses the group. */
async function lockSelectedCases(
  tx: TransactionClient,
  incident: MassIncident,
  caseIds: readonly string[],
  action: CaseAction,
): Promise<Case[]> {
  const unique = [...new Set(caseIds)];
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id::text FROM appeal_case c
    JOIN case_incident ci ON ci.province_code = c.province_code AND ci.case_id = c.id
    WHERE c.province_code = ${incident.provinceCode} AND ci.incident_id = ${incident.id}::uuid
      AND c.id IN (${Prisma.join(unique.map((id) => Prisma.sql`${id}::uuid`))})
      AND c.state IN (${Prisma.raw(stateListSql(TRANSITIONS[action].from))})
    ORDER BY c.id
    FOR UPDATE OF c`;
  if (locked.length !== unique.length) throw new RuleViolationError('errors.incidentSelectionChanged');
  return tx.case.findMany({
    where: { provinceCode: incident.provinceCode, id: { in: unique } },
    orderBy: { id: 'asc' },
  });
}

/** The group finding: each selected case decided on its own, naming the incident. */
export async function decideIncident(actor: Actor, input: DecideIncidentInput, now: Date = new Date()) {
  const finding = { outcome: input.outcome, ruleCode: input.ruleCode, reasons: input.reasons };
  return applyIncidentGroupChange(
    actor,
    input,
    'DECIDE_AS_GROUP',
    (incident) => planFirstDecision(actor, finding, { id: incident.id }),
    now,
  );
}
