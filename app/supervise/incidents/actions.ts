'use server';
// The group finding, group interim relief and closing a mass incident (SPEC §15, §16): through defineAction (schema, session, role) to the use case,
// which loads the incident through the supervisor's scope (outsiders: 404, nothing changes).
import { revalidatePath } from 'next/cache';
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { closeIncident } from '@/lib/incidents/close-incident';
import { decideIncident } from '@/lib/incidents/decide-incident';
import { grantReliefToIncident } from '@/lib/incidents/grant-incident-relief';
import { closeIncidentSchema, decideIncidentSchema, incidentReliefSchema } from '@/lib/incidents/schemas';

const decide = defineAction({
  schema: decideIncidentSchema,
  roles: ['SUPERVISOR'],
  handler: async (input, { user }) => ({ decided: (await decideIncident(user, input)).caseIds.length }),
});

/** Called with the form's values (the same schema checks them in the browser first). */
export async function decideIncidentAction(input: unknown): Promise<ActionResult<{ decided: number }>> {
  const result = await decide(input);
  if (result.ok) revalidatePath('/supervise', 'layout');
  return result;
}

const close = defineAction({
  schema: closeIncidentSchema,
  roles: ['SUPERVISOR'],
  handler: async (input, { user }) => ({ closed: (await closeIncident(user, input)).id }),
});

export async function closeIncidentAction(input: unknown): Promise<ActionResult<{ closed: string }>> {
  const result = await close(input);
  if (result.ok) revalidatePath('/supervise', 'layout');
  return result;
}

const grant = defineAction({
  schema: incidentReliefSchema,
  roles: ['SUPERVISOR'],
  handler: async (input, { user }) => ({ granted: (await grantReliefToIncident(user, input)).caseIds.length }),
});

export async function grantIncidentReliefAction(input: unknown): Promise<ActionResult<{ granted: number }>> {
  const result = await grant(input);
  if (result.ok) revalidatePath('/supervise', 'layout');
  return result;
}
