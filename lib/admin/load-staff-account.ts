// Loads a staff account for an administration change: locks the account row and checks the version the form was based
// on (updatedAt). Its audit event is written at the end of the transaction, like every writer's (lib/audit/append.ts),
// so an administrator and the case engine take rows first and chain heads last, and never deadlock.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import { notFound, stale } from './errors';

export const staffAccountSelect = {
  id: true,
  role: true,
  username: true,
  displayName: true,
  provinceCode: true,
  unitCode: true,
  active: true,
  capacity: true,
  totpEnabledAt: true,
  mustChangePassword: true,
  updatedAt: true,
} as const;

export async function loadStaffAccountForUpdate(tx: TransactionClient, userId: string, expectedUpdatedAt: string) {
  const [row] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM app_user WHERE id = ${userId}::uuid AND role <> 'CITIZEN' FOR UPDATE`;
  if (!row) throw notFound();
  const account = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: staffAccountSelect });
  if (account.updatedAt.getTime() !== new Date(expectedUpdatedAt).getTime()) throw stale();
  return account;
}
