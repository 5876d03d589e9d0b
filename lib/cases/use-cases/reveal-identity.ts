// The audited "reveal" of a citizen's resident ID number (SPEC §8, §10): screens show the masked form; staff who need
// the full number ask for it, and every reveal is an IDENTITY_REVEALED audit event written in the same transaction.
// The number goes back to the caller only, never into a URL, a log or the audit payload.
import 'server-only';
import { z } from 'zod';
import { appendAuditEvent } from '@/lib/audit/append';
import { prisma } from '@/lib/db/client';
import { decryptIdNumber } from '@/lib/pii/id-number';
import type { Actor } from '@/lib/auth/actor';
import { findCaseInScope } from '@/lib/cases/engine/case-change';
import { enforce, revealRefusal } from '@/lib/cases/rules/case-guards';

export const revealIdentitySchema = z.strictObject(
  { caseId: z.uuid('caseAction.errors.caseIdInvalid') },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'caseAction.errors.unknownField' : 'caseAction.errors.invalidForm',
  },
);

/**
 * The full ID number for a reviewer holding the case or a supervisor of its province (others: not found / forbidden),
 * or null when the case holds none (erased after retention). Nothing is revealed, and nothing audited, without the
 * audit event committing first.
 */
export async function revealIdentity(
  actor: Actor,
  input: z.output<typeof revealIdentitySchema>,
  now = new Date(),
): Promise<{ idNumber: string | null }> {
  return prisma.$transaction(async (tx) => {
    const current = await findCaseInScope(tx, actor, input.caseId);
    enforce(revealRefusal(current, actor));
    if (!current.idNumberCipher) return { idNumber: null };
    const idNumber = decryptIdNumber(current.idNumberCipher);
    await appendAuditEvent(tx, {
      chain: current.provinceCode,
      actorId: actor.id,
      actorRole: actor.role,
      caseId: current.id,
      action: 'IDENTITY_REVEALED',
      after: { reference: current.reference, field: 'idNumber' },
      occurredAt: now,
    });
    return { idNumber };
  });
}
