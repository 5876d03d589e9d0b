// A supervisor closes a handled mass incident with a reason (SPEC §16): it leaves the board, its page shows it closed,
// and matching appeals filed afterwards count afresh (a new incident opens when they reach the policy's threshold:
// the closed incident's cases stay linked to it and are not counted again). Audited in the province's chain.
import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append';
import type { Actor } from '@/lib/auth/actor';
import { ConflictError, RuleViolationError } from '@/lib/core/errors';
import { prisma } from '@/lib/db/client';
import { markOpenIncident } from './detect-incident';
import { findIncidentInScope } from './find-incident';
import { mayHandleIncident } from './incident-rules';
import type { CloseIncidentInput } from './schemas';

export async function closeIncident(actor: Actor, input: CloseIncidentInput, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const incident = await findIncidentInScope(tx, actor, input);
    if (!mayHandleIncident(actor, incident)) throw new RuleViolationError('errors.incidentNationalOnly');
    if (incident.status !== 'OPEN') throw new RuleViolationError('errors.incidentClosed');
    if (incident.version !== input.expectedVersion) throw new ConflictError();
    // The key's lock first (as a filing takes it, then the incident's row): a filing waiting on it then finds the
    // incident closed and counts afresh.
    await markOpenIncident(tx, incident, incident.id, false);
    const [closed, ...others] = await tx.massIncident.updateManyAndReturn({
      where: { provinceCode: incident.provinceCode, id: incident.id, status: 'OPEN', version: input.expectedVersion },
      data: {
        status: 'CLOSED',
        closedAt: now,
        closedById: actor.id,
        closeReason: input.reason,
        version: { increment: 1 },
      },
    });
    if (!closed || others.length > 0) throw new ConflictError();
    await appendAuditEvent(tx, {
      chain: incident.provinceCode,
      actorId: actor.id,
      actorRole: actor.role,
      caseId: null,
      action: 'INCIDENT_CLOSED',
      before: { incidentId: incident.id, status: 'OPEN', caseCount: incident.caseCount, version: incident.version },
      after: {
        incidentId: incident.id,
        status: 'CLOSED',
        issuingUnitCode: incident.issuingUnitCode,
        version: closed.version,
      },
      reason: input.reason,
      occurredAt: now,
    });
    return closed;
  });
}
