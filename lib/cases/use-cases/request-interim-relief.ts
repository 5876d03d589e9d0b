// A citizen asks for interim relief on their own case from its page (SPEC §15); at filing, submit-appeal does the same
// step in the filing's transaction. Granted at once by the system on prima facie overreach. Another citizen's case is
// not found and nothing changes.
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { lockCaseForRelief, openReliefRequest } from '@/lib/cases/engine/interim-relief';
import type { requestReliefSchema } from '@/lib/cases/forms/schemas';
import { ForbiddenActionError } from '@/lib/core/errors';
import { prisma } from '@/lib/db/client';
import { queueNotifications } from '@/lib/notifications/queue';

export async function requestInterimRelief(
  actor: Actor,
  input: z.output<typeof requestReliefSchema>,
  now = new Date(),
) {
  if (actor.role !== 'CITIZEN' || !actor.id) throw new ForbiddenActionError('REQUEST_INTERIM_RELIEF');
  return prisma.$transaction(async (tx) => {
    const current = await lockCaseForRelief(tx, actor, input.caseId);
    const { relief, notifications } = await openReliefRequest(
      tx,
      actor,
      current,
      { reason: input.reason, detail: input.detail },
      now,
    );
    await queueNotifications(tx, current.provinceCode, current.id, notifications);
    return relief;
  });
}
