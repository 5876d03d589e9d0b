// A citizen withdraws their own case before a decision (SPEC §5).
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { withdrawSchema } from '@/lib/cases/forms/schemas';

export async function withdrawCase(actor: Actor, input: z.output<typeof withdrawSchema>, now = new Date()) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'WITHDRAW', expectedVersion: input.expectedVersion },
    ({ now: at }) => ({
      data: { closedAt: at, pausedSince: null, withdrawalReason: input.reason ?? null },
    }),
    now,
  );
}
