// An administrator creates a staff account with a temporary password (shown once, to be replaced at first sign-in);
// supervisors and administrators then enrol their second factor. Audited as USER_CREATED in the same transaction.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { assertScopeExists } from './staff-scope';
import { fieldRefusal } from './errors';
import { auditStaffChange } from './load-staff-account';
import { adminUseCase } from './require-admin';
import { createStaffSchema } from './schemas';
import { generateTemporaryPassword } from './temporary-password';

export interface CreatedStaffAccount {
  userId: string;
  username: string;
  /** Shown to the administrator once; only its hash is stored. */
  temporaryPassword: string;
}

export const createStaffAccount = adminUseCase(
  createStaffSchema,
  async (actor, input, now): Promise<CreatedStaffAccount> => {
    await assertScopeExists(input.provinceCode, input.unitCode);
    if (await prisma.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
      throw fieldRefusal({ username: 'admin.errors.usernameTaken' });
    }
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    const userId = await prisma
      .$transaction(async (tx) => {
        const user = await tx.user.create({
          data: {
            role: input.role,
            username: input.username,
            displayName: input.displayName,
            provinceCode: input.provinceCode,
            unitCode: input.unitCode,
            passwordHash,
            mustChangePassword: true,
            createdAt: now,
          },
          select: { id: true },
        });
        await auditStaffChange(tx, actor, {
          provinceCode: input.provinceCode,
          action: 'USER_CREATED',
          after: {
            userId: user.id,
            username: input.username,
            role: input.role,
            provinceCode: input.provinceCode,
            unitCode: input.unitCode,
          },
          occurredAt: now,
        });
        return user.id;
      })
      .catch((error: unknown) => {
        // Two administrators creating the same username at once: the unique index decides.
        if (error instanceof Error && 'code' in error && error.code === 'P2002')
          throw fieldRefusal({ username: 'admin.errors.usernameTaken' });
        throw error;
      });
    return { userId, username: input.username, temporaryPassword };
  },
);
