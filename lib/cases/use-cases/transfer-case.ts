// Transfer of a misrouted case to another province (SPEC §6): a reason is required, the case and its related rows
// move to the other province's pool, and the deadline keeps running from the original filing.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { autoAssign } from '@/lib/cases/engine/auto-assign';
import { applyCaseChange, dispatchAfterCommit, findCaseInScope, requireAssignee } from '@/lib/cases/engine/case-change';
import { ConflictError, RuleViolationError } from '@/lib/core/errors';
import { transferSchema } from '@/lib/cases/forms/schemas';
import { queueNotifications, supervisorNotices } from '@/lib/notifications/queue';
import { provinceExists } from '@/lib/reference/divisions';

export async function transferCase(actor: Actor, input: z.output<typeof transferSchema>, now = new Date()) {
  const outcome = await prisma.$transaction(async (tx) => {
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
        if (!(await provinceExists(input.toProvinceCode, tx)))
          throw new RuleViolationError('errors.transferSameProvince');
        return {
          // The case's rows (evidence, information requests, decisions, exclusions, notifications) follow it through
          // their foreign keys' ON UPDATE CASCADE: province_code is their distribution key (docs/scaling.md).
          // Outbox events stay: their province is the system they are addressed to, which a transfer does not change.
          data: { provinceCode: input.toProvinceCode, assigneeId: null, assignedAt: null },
          audit: {
            before: { provinceCode: current.provinceCode, assigneeId: current.assigneeId },
            after: { provinceCode: input.toProvinceCode },
            reason: input.reason,
          },
        };
      },
      now,
    );
    const assigned = await autoAssign(tx, moved.case, now);
    const notices = assigned
      ? []
      : await supervisorNotices(tx, input.toProvinceCode, 'CASE_TRANSFERRED_IN', { reference: current.reference });
    const noticeIds = await queueNotifications(tx, input.toProvinceCode, current.id, notices);
    return {
      case: assigned?.case ?? moved.case,
      notificationIds: [...moved.notificationIds, ...(assigned?.notificationIds ?? []), ...noticeIds],
    };
  });
  await dispatchAfterCommit(outcome.notificationIds);
  return { case: outcome.case };
}
