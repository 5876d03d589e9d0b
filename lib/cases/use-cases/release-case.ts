// A case goes back to the province pool (SPEC §6): released by the reviewer holding it, or by a supervisor.
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { changeCase } from '@/lib/cases/engine/case-change';
import { enforce, releaseRefusal } from '@/lib/cases/rules/case-guards';

/** Back to the province pool, unassigned: by the reviewer holding it, or by a supervisor. */
export async function releaseCase(
  actor: Actor,
  input: { caseId: string; expectedVersion: number; reason?: string },
  now = new Date(),
) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'RELEASE', expectedVersion: input.expectedVersion },
    ({ current }) => {
      enforce(releaseRefusal(current, actor));
      return {
        data: { assigneeId: null, assignedAt: null },
        audit: {
          before: { assigneeId: current.assigneeId },
          after: { assigneeId: null },
          reason: input.reason ?? null,
        },
      };
    },
    now,
  );
}
