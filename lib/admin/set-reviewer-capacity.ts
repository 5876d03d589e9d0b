// An administrator sets how many open cases a reviewer of a provincial pool may hold (SPEC §6; default 50).
// Audited as USER_UPDATED in the province's chain.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { appendAuditEvent } from '@/lib/audit/append';
import { parseInput } from '@/lib/core/parse-input';
import { chainOf } from '@/lib/audit/append';
import { notFound } from './errors';
import { loadStaffAccountForUpdate } from './load-staff-account';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';
import { setReviewerCapacitySchema } from './schemas';

export async function setReviewerCapacity(
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<{ capacity: number; changed: boolean }> {
  assertAdmin(actor);
  const input = parseInput(setReviewerCapacitySchema, raw);
  return prisma.$transaction(async (tx) => {
    const current = await loadStaffAccountForUpdate(tx, input.userId, input.expectedUpdatedAt);
    if (current.role !== 'REVIEWER') throw notFound();
    if (current.capacity === input.capacity) return { capacity: current.capacity, changed: false };
    await tx.user.update({ where: { id: current.id }, data: { capacity: input.capacity, updatedAt: now } });
    await appendAuditEvent(tx, {
      chain: chainOf(current.provinceCode),
      actorId: actor.id,
      actorRole: actor.role,
      action: 'USER_UPDATED',
      before: { userId: current.id, capacity: current.capacity },
      after: { userId: current.id, capacity: input.capacity },
      occurredAt: now,
    });
    return { capacity: input.capacity, changed: true };
  });
}
