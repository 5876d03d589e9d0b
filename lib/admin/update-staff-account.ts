// An administrator changes a staff member's name, role or scope. A role or scope change ends every session of that
// person in the same transaction, so the next request already runs with the new rights (or none). Audited as USER_UPDATED.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { assertScopeExists } from './staff-scope';
import { AppError } from '@/lib/core/errors';
import { auditStaffChange, loadStaffAccountForUpdate } from './load-staff-account';
import { adminUseCase } from './require-admin';
import { updateStaffSchema } from './schemas';

export interface StaffAccountUpdate {
  changed: boolean;
  sessionsEnded: number;
}

export const updateStaffAccount = adminUseCase(
  updateStaffSchema,
  async (actor, input, now): Promise<StaffAccountUpdate> => {
    await assertScopeExists(input.provinceCode, input.unitCode);
    return prisma.$transaction(async (tx) => {
      const current = await loadStaffAccountForUpdate(tx, input.userId, input.expectedUpdatedAt);
      const rightsChanged =
        current.role !== input.role ||
        current.provinceCode !== input.provinceCode ||
        current.unitCode !== input.unitCode;
      if (!rightsChanged && current.displayName === input.displayName) return { changed: false, sessionsEnded: 0 };
      // An administrator cannot take away their own rights (there is always one administrator left to fix mistakes).
      if (rightsChanged && current.id === actor.id) throw new AppError('admin.errors.self', 409);
      const movesCases =
        current.role === 'REVIEWER' && (input.role !== 'REVIEWER' || input.provinceCode !== current.provinceCode);
      if (movesCases) {
        const open = await tx.case.count({
          where: { assigneeId: current.id, state: { in: [...REVIEWER_LOAD_STATES] } },
        });
        if (open > 0) throw new AppError('admin.errors.hasOpenCases', 409);
      }
      await tx.user.update({
        where: { id: current.id },
        data: {
          displayName: input.displayName,
          role: input.role,
          provinceCode: input.provinceCode,
          unitCode: input.unitCode,
          updatedAt: now,
        },
      });
      const sessionsEnded = rightsChanged ? await revokeUserSessions(tx, current.id, now) : 0;
      await auditStaffChange(tx, actor, {
        provinceCode: input.provinceCode ?? current.provinceCode,
        action: 'USER_UPDATED',
        before: {
          userId: current.id,
          role: current.role,
          provinceCode: current.provinceCode,
          unitCode: current.unitCode,
        },
        after: {
          userId: current.id,
          role: input.role,
          provinceCode: input.provinceCode,
          unitCode: input.unitCode,
          displayNameChanged: current.displayName !== input.displayName,
          sessionsEnded,
        },
        occurredAt: now,
      });
      return { changed: true, sessionsEnded };
    });
  },
);
