// Group interim relief on a mass incident (SPEC §15, §16): a supervisor grants relief to the selected cases in one
// action, through the incident's group frame (scope, national-only rule, selection lock) and the interim relief engine:
// each case its own relief row (the citizen's pending request, or one of its own), temporary correction order with its
// expiry and audit event naming the incident; each citizen their own SMS, queued in one statement.
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { grantIncidentRelief } from '@/lib/cases/engine/interim-relief';
import { RELIEF_CASE_STATES } from '@/lib/cases/rules/interim-relief';
import { queueNotificationsOfCases } from '@/lib/notifications/queue';
import { inIncidentGroup } from './decide-incident';
import type { IncidentReliefInput } from './schemas';

export async function grantReliefToIncident(actor: Actor, input: IncidentReliefInput, now: Date = new Date()) {
  return inIncidentGroup(actor, input, RELIEF_CASE_STATES, async (tx, incident, selected) => {
    const granted = [];
    for (const current of selected) {
      const step = await grantIncidentRelief(tx, actor, current, input.toColour, input.reason, incident.id, now);
      granted.push({ provinceCode: current.provinceCode, caseId: current.id, drafts: step.notifications });
    }
    await queueNotificationsOfCases(tx, granted);
  });
}
