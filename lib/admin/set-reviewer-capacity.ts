// An administrator sets how many open cases a reviewer of a provincial pool may hold (SPEC §6; default 50).
// Audited as USER_UPDATED in the province's chain.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { notFound } from './errors';
import { auditStaffChange, loadStaffAccountForUpdate } from './load-staff-account';
import { adminUseCase } from './require-admin';
import { setReviewerCapacitySchema } from './schemas';

export const setReviewerCapacity = adminUseCase(
  setReviewerCapacitySchema,
  async (actor, input, now): Promise<{ capacity: number; changed: boolean }> => {
    return prisma.$transaction(async (tx) => {
      const current = await loadStaffAccountForUpdate(tx, input.userId, input.expectedUpdatedAt);
      if (current.role !== 'REVIEWER') throw notFound();
      if (current.capacity === input.capacity) return { capacity: current.capacity, changed: false };
      await tx.user.update({ where: { id: current.id }, data: { capacity: input.capacity, updatedAt: now } });
      await auditStaffChange(tx, actor, {
        provinceCode: current.provinceCode,
        action: 'USER_UPDATED',
        before: { userId: current.id, capacity: current.capacity },
        after: { userId: current.id, capacity: input.capacity },
        occurredAt: now,
      });
      return { capacity: input.capacity, changed: true };
    });
  },
);
