// A citizen withdraws their own case before a decision (SPEC §5).
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { endOpenRelief } from '@/lib/cases/engine/interim-relief';
import type { NotificationDraft } from '@/lib/notifications/queue';
import { withdrawSchema } from '@/lib/cases/forms/schemas';

export async function withdrawCase(actor: Actor, input: z.output<typeof withdrawSchema>, now = new Date()) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'WITHDRAW', expectedVersion: input.expectedVersion },
    ({ now: at }) => {
      let reliefNotifications: NotificationDraft[] = [];
      return {
        data: { closedAt: at, pausedSince: null, withdrawalReason: input.reason ?? null },
        // No decision will come: interim relief in force is reverted, a request waiting lapses (SPEC §15).
        afterUpdate: async (tx, updated) => {
          reliefNotifications = await endOpenRelief(tx, actor, updated, 'WITHDRAWN', at);
        },
        notifications: () => Promise.resolve(reliefNotifications),
      };
    },
    now,
  );
}
