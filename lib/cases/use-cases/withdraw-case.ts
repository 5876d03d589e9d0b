// A citizen withdraws their own case before a decision (SPEC §5).
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { parseInput } from '@/lib/core/parse-input';
import { withdrawSchema } from '@/lib/cases/forms/schemas';

export async function withdrawCase(actor: Actor, raw: unknown) {
  const input = parseInput(withdrawSchema, raw);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'WITHDRAW', expectedVersion: input.expectedVersion },
    () => ({
      data: { closedAt: new Date(), pausedSince: null, withdrawalReason: input.reason ?? null },
    }),
  );
}
