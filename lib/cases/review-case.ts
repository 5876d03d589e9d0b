// The reviewer's work on a case (SPEC §5, §7): start the review, ask the citizen for information (the clock pauses),
// and the citizen's answer (the clock resumes).
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Case } from '@/lib/db/generated/client';
import type { Actor } from './actor';
import { changeCase, findCaseInScope, requireAssignee } from './case-change';
import {
  computeCitizenReplyDeadline,
  explainDeadline,
  pauseClock,
  readDeadlineInputs,
  resumeClock,
  storedDeadlineInputs,
} from './deadlines';
import { formatShanghaiTime } from './format-time';
import { loadDeadlinePolicy } from './load-deadline-rules';
import { discardEvidenceFiles, storeEvidenceFiles, type SavedEvidence } from '@/lib/evidence/store';
import { IllegalTransitionError, ValidationError } from './errors';
import { checkEvidenceFiles, type EvidenceCheck, type EvidenceFileInput } from './evidence-rules';
import { parseInput } from './parse-input';
import { caseActionSchema, citizenReplySchema, requestInformationSchema } from './schemas';

export function clockStateOf(current: Case) {
  return {
    startAt: current.filedAt,
    allowedMs: Number(current.allowedMs),
    pausedMs: Number(current.pausedMs),
    pausedSince: current.pausedSince,
  };
}

/** The deadline fields after a resume: new due and at-risk times, the stored inputs and explanation brought up to date. */
export function resumedDeadlineFields(current: Case, now: Date) {
  const resumed = resumeClock(clockStateOf(current), now);
  const inputs = { ...readDeadlineInputs(current.deadlineInputs), pausedMs: resumed.pausedMs };
  return {
    pausedMs: BigInt(resumed.pausedMs),
    pausedSince: null,
    dueAt: resumed.dueAt,
    atRiskAt: resumed.atRiskAt,
    deadlineInputs: storedDeadlineInputs(inputs),
    deadlineExplanation: explainDeadline(inputs, resumed.dueAt).zh,
    // Marks are re-earned against the moved deadline.
    atRiskMarkedAt: resumed.atRiskAt > now ? null : current.atRiskMarkedAt,
    overdueMarkedAt: resumed.dueAt > now ? null : current.overdueMarkedAt,
  };
}

export async function startReview(actor: Actor, raw: unknown) {
  const input = parseInput(caseActionSchema, raw);
  return changeCase(
    actor,
    { caseId: input.caseId, action: 'START_REVIEW', expectedVersion: input.expectedVersion },
    ({ current }) => {
      requireAssignee(current, actor);
      return {};
    },
  );
}

export async function requestInformation(actor: Actor, raw: unknown) {
  const input = parseInput(requestInformationSchema, raw);
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
                params: { reference: current.reference, replyDueAt: formatShanghaiTime(replyDueAt) },
              },
            ]
          : [],
      };
    },
  );
}

/**
 * The citizen answers the open information request, optionally with evidence files (checked by content, images
 * stripped of metadata, stored as REPLY evidence); the clock resumes. Files of a reply that fails are removed again.
 */
export async function replyToRequest(actor: Actor, raw: unknown, evidence: readonly EvidenceFileInput[] = []) {
  const input = parseInput(citizenReplySchema, raw);
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
    );
  } catch (error) {
    await discardEvidenceFiles(stored.map((file) => file.key));
    throw error;
  }
}

/** `{ evidence: key }` for too many files, `{ 'evidence.N': key }` for each refused file. */
function evidenceFieldErrors(check: EvidenceCheck): Record<string, string> {
  const errors: Record<string, string> = check.error ? { evidence: check.error } : {};
  check.files.forEach((file, index) => {
    if (!file.ok) errors[`evidence.${index}`] = file.error;
  });
  return errors;
}
