// The citizen's answer to an information request (SPEC §5, §7): the clock resumes.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { changeCase, findCaseInScope } from '@/lib/cases/engine/case-change';
import { resumedDeadlineFields } from '@/lib/cases/rules/clock-fields';
import { discardEvidenceFiles, storeEvidenceFiles, type SavedEvidence } from '@/lib/evidence/store';
import { IllegalTransitionError, ValidationError } from '@/lib/core/errors';
import { checkEvidenceFiles, evidenceFieldErrors, type EvidenceFileInput } from '@/lib/cases/rules/evidence-rules';
import { citizenReplySchema } from '@/lib/cases/forms/schemas';

/**
 * The citizen answers the open information request, optionally with evidence files (checked by content, images
 * stripped of metadata, stored as REPLY evidence); the clock resumes. Files of a reply that fails are removed again.
 */
export async function replyToRequest(
  actor: Actor,
  input: z.output<typeof citizenReplySchema>,
  evidence: readonly EvidenceFileInput[] = [],
  now = new Date(),
) {
  const checked = await checkEvidenceFiles(evidence);
  if (!checked.ok) throw new ValidationError(evidenceFieldErrors(checked));
  // Outsiders are turned away before any file is decoded; images are re-encoded outside the transaction.
  const target = await findCaseInScope(prisma, actor, input.caseId);
  const stored: SavedEvidence[] = await storeEvidenceFiles(target.provinceCode, checked.files, evidence);
  try {
    return await changeCase(
      actor,
      { caseId: input.caseId, action: 'CITIZEN_REPLY', expectedVersion: input.expectedVersion },
      async ({ current, now, tx }) => {
        const open = await tx.informationRequest.findFirst({
          where: { caseId: current.id, repliedAt: null },
          orderBy: { requestedAt: 'desc' },
        });
        if (!open) throw new IllegalTransitionError(current.state, 'CITIZEN_REPLY');
        return {
          data: resumedDeadlineFields(current, now),
          afterUpdate: async (innerTx) => {
            await innerTx.informationRequest.update({
              where: { provinceCode_id: { provinceCode: open.provinceCode, id: open.id } },
              data: { replyText: input.replyText, repliedAt: now },
            });
            if (stored.length > 0) {
              await innerTx.evidence.createMany({
                data: stored.map((file) => ({
                  caseId: current.id,
                  provinceCode: current.provinceCode,
                  kind: 'REPLY' as const,
                  fileName: file.name,
                  mimeType: file.mimeType,
                  sizeBytes: file.sizeBytes,
                  sha256: file.sha256,
                  storageKey: file.key,
                })),
              });
            }
          },
          audit: { after: { clock: 'RUNNING', evidenceFiles: stored.length } },
          notifications: current.assigneeId
            ? [
                {
                  channel: 'IN_APP',
                  recipientUserId: current.assigneeId,
                  template: 'CITIZEN_REPLIED',
                  params: { reference: current.reference },
                },
              ]
            : [],
        };
      },
      now,
    );
  } catch (error) {
    await discardEvidenceFiles(stored.map((file) => file.key));
    throw error;
  }
}
