// The reviewer asks the citizen for information (SPEC §5, §7): the clock pauses until the citizen answers.
import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { changeCase, requireAssignee } from '@/lib/cases/engine/case-change';
import { computeCitizenReplyDeadline, pauseClock } from '@/lib/cases/rules/deadlines';
import { clockStateOf } from '@/lib/cases/rules/clock-fields';
import { formatSmsTime } from '@/lib/i18n/format-date';
import { loadDeadlinePolicy } from '@/lib/reference/deadline-rules';
import { requestInformationSchema } from '@/lib/cases/forms/schemas';

export async function requestInformation(
  actor: Actor,
  input: z.output<typeof requestInformationSchema>,
  now = new Date(),
) {
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'REQUEST_INFORMATION', expectedVersion: input.expectedVersion },
    async ({ current, now, tx }) => {
      requireAssignee(current, actor);
      const paused = pauseClock(clockStateOf(current), now);
      const policy = await loadDeadlinePolicy(tx, current.provinceCode, now);
      const replyDueAt = computeCitizenReplyDeadline(policy, now).dueAt;
      return {
        data: { pausedSince: paused.pausedSince },
        afterUpdate: async (innerTx) => {
          await innerTx.informationRequest.create({
            data: {
              caseId: current.id,
              provinceCode: current.provinceCode,
              message: input.message,
              requestedById: actor.id!,
              requestedAt: now,
              replyDueAt,
            },
          });
        },
        audit: { after: { replyDueAt: replyDueAt.toISOString(), clock: 'PAUSED' } },
        notifications: current.mobile
          ? [
              {
                channel: 'SMS',
                recipientMobile: current.mobile,
                template: 'INFORMATION_REQUESTED',
                params: { reference: current.reference, replyDueAt: formatSmsTime(replyDueAt) },
              },
            ]
          : [],
      };
    },
    now,
  );
}
