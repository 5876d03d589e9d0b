// An administrator disables (or enables again) a staff account. Disabling ends every session of that person in the
// same transaction: their very next request is refused. Their open cases stay for supervisors to reassign (SPEC §6).
import 'server-only';
import { prisma } from '@/lib/db/client';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { AppError } from '@/lib/core/errors';
import { auditStaffChange, loadStaffAccountForUpdate } from './load-staff-account';
import { adminUseCase } from './require-admin';
import { setStaffActiveSchema } from './schemas';

export interface StaffActiveChange {
  active: boolean;
  sessionsEnded: number;
  /** Open cases still assigned to a disabled reviewer (for supervisors to reassign). */
  openCases: number;
}

export const setStaffActive = adminUseCase(
  setStaffActiveSchema,
  async (actor, input, now): Promise<StaffActiveChange> => {
    return prisma.$transaction(async (tx) => {
      const current = await loadStaffAccountForUpdate(tx, input.userId, input.expectedUpdatedAt);
      if (current.id === actor.id) throw new AppError('admin.errors.self', 409);
      const openCases = input.active
        ? 0
        : await tx.case.count({ where: { assigneeId: current.id, state: { in: [...REVIEWER_LOAD_STATES] } } });
      if (current.active === input.active) return { active: current.active, sessionsEnded: 0, openCases };
      await tx.user.update({ where: { id: current.id }, data: { active: input.active, updatedAt: now } });
      const sessionsEnded = input.active ? 0 : await revokeUserSessions(tx, current.id, now);
      await auditStaffChange(tx, actor, {
        provinceCode: current.provinceCode,
        action: 'USER_UPDATED',
        before: { userId: current.id, active: current.active },
        after: { userId: current.id, active: input.active, sessionsEnded },
        occurredAt: now,
      });
      return { active: input.active, sessionsEnded, openCases };
    });
  },
);
