// Transfer of a misrouted case to another province (SPEC §6): a reason is required, the case and its related rows
// move to the other province's pool, and the deadline keeps running from the original filing.
import 'server-only';
import type { z } from 'zod';
import { appendAuditEvent } from '@/lib/audit/append';
import { prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { autoAssign } from '@/lib/cases/engine/auto-assign';
import { applyCaseChange, findCaseInScope, requireAssignee } from '@/lib/cases/engine/case-change';
import { moveCaseToProvince } from '@/lib/cases/engine/move-case';
import { ConflictError, RuleViolationError } from '@/lib/core/errors';
import { transferSchema } from '@/lib/cases/forms/schemas';
import { queueNotifications, supervisorNotices } from '@/lib/notifications/queue';
import { provinceExists } from '@/lib/reference/divisions';

export async function transferCase(actor: Actor, input: z.output<typeof transferSchema>, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const current = await findCaseInScope(tx, actor, input.caseId);
    if (current.version !== input.expectedVersion) throw new ConflictError();
    // Both provinces' chains get events, written at the end of the transaction in one order (lib/audit/append.ts).
    const moved = await applyCaseChange(
      tx,
      actor,
      current,
      'TRANSFER',
      async () => {
        requireAssignee(current, actor);
        if (input.toProvinceCode === current.provinceCode) throw new RuleViolationError('errors.transferSameProvince');
        if (!(await provinceExists(input.toProvinceCode))) throw new RuleViolationError('errors.transferSameProvince');
        // The case and its rows (evidence, information requests, decisions, exclusions, notifications …) move to the
        // new province: province_code is their distribution key (docs/scaling.md). Outbox events stay: their
        // province is the system they are addressed to, which a transfer does not change.
        await moveCaseToProvince(tx, current, input.toProvinceCode);
        return {
          movedTo: input.toProvinceCode,
          data: { assigneeId: null, assignedAt: null },
          audit: {
            before: { provinceCode: current.provinceCode, assigneeId: current.assigneeId },
            after: { provinceCode: input.toProvinceCode },
            reason: input.reason,
          },
        };
      },
      now,
    );
    // The old chain holds the transfer (above); the new one records the case's arrival.
    await appendAuditEvent(tx, {
      chain: input.toProvinceCode,
      actorId: actor.id,
      actorRole: actor.role,
      caseId: current.id,
      action: 'CASE_TRANSFERRED',
      before: { reference: current.reference, provinceCode: current.provinceCode },
      after: { provinceCode: input.toProvinceCode, state: moved.case.state, version: moved.case.version },
      reason: input.reason,
      occurredAt: now,
    });
    const assigned = await autoAssign(tx, moved.case, now);
    const notices = assigned
      ? []
      : await supervisorNotices(tx, input.toProvinceCode, 'CASE_TRANSFERRED_IN', { reference: current.reference });
    await queueNotifications(tx, input.toProvinceCode, current.id, notices);
    return { case: assigned ?? moved.case };
  });
}
