// Loading an incident through the supervisor's scope (SPEC §10, §16): a provincial supervisor their province's
// incidents, a national one every province's. Outside the scope the incident is "not found", like a case.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { MassIncident } from '@/lib/db/generated/client';
import type { Actor } from '@/lib/auth/actor';
import { CaseNotFoundError } from '@/lib/core/errors';

export function incidentVisibleTo(actor: Actor, provinceCode: string): boolean {
  return actor.role === 'SUPERVISOR' && (actor.provinceCode === null || actor.provinceCode === provinceCode);
}

/** The incident, read by its full key (province and id), or CaseNotFoundError for anyone outside its scope. */
export async function findIncidentInScope(
  db: TransactionClient,
  actor: Actor,
  key: { provinceCode: string; incidentId: string },
): Promise<MassIncident> {
  if (!incidentVisibleTo(actor, key.provinceCode)) throw new CaseNotFoundError();
  const incident = await db.massIncident.findUnique({
    where: { provinceCode_id: { provinceCode: key.provinceCode, id: key.incidentId } },
  });
  if (!incident) throw new CaseNotFoundError();
  return incident;
}
