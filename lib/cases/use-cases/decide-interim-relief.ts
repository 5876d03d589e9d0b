// The case's reviewer or a supervisor of its province (or a national one) grants or refuses a citizen's request for
// interim relief, with a reason (SPEC §15). A grant sends the temporary correction order with its expiry through the
// outbox. A case outside the caller's scope is not found and nothing changes.
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { grantRelief, lockCaseForRelief, refuseRelief, requireReliefPossible } from '@/lib/cases/engine/interim-relief';
import type { decideReliefSchema } from '@/lib/cases/forms/schemas';
import { mayDecideRelief } from '@/lib/cases/rules/interim-relief';
import { ConflictError, RuleViolationError } from '@/lib/core/errors';
import { prisma } from '@/lib/db/client';
import { queueNotifications } from '@/lib/notifications/queue';

export async function decideInterimRelief(actor: Actor, input: z.output<typeof decideReliefSchema>, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const current = await lockCaseForRelief(tx, actor, input.caseId);
    if (!mayDecideRelief(actor, current.assigneeId)) throw new RuleViolationError('errors.reliefNotDecider');
    requireReliefPossible(current);
    const relief = await tx.interimRelief.findFirst({
      where: { provinceCode: current.provinceCode, caseId: current.id, id: input.reliefId },
    });
    if (!relief || relief.status !== 'REQUESTED') throw new RuleViolationError('errors.reliefNotPending');
    if (relief.version !== input.expectedVersion) throw new ConflictError();
    const step =
      input.decision === 'GRANT'
        ? await grantRelief(tx, actor, current, relief, input.toColour!, input.reason, now)
        : await refuseRelief(tx, actor, current, relief, input.reason, now);
    await queueNotifications(tx, current.provinceCode, current.id, step.notifications);
    return step.relief;
  });
}
