// Loads a staff account for an administration change: takes the audit chain's lock first (the order every writer
// follows, so an administrator and the case engine never deadlock), then the account row, and checks the version the
// form was based on (updatedAt).
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import { lockAuditChain } from '@/lib/audit/append';
import { adminChainFor } from './audit-chain';
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

export async function loadStaffAccountForUpdate(
  tx: TransactionClient,
  userId: string,
  expectedUpdatedAt: string,
  chainOf: (provinceCode: string | null) => string = adminChainFor,
) {
  const seen = await tx.user.findFirst({ where: { id: userId, role: { not: 'CITIZEN' } }, select: { provinceCode: true } });
  if (!seen) throw notFound();
  await lockAuditChain(tx, chainOf(seen.provinceCode));
  await tx.$queryRaw`SELECT id FROM app_user WHERE id = ${userId}::uuid FOR UPDATE`;
  const account = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: staffAccountSelect });
  // Also catches a province changed between the first read and the lock: the chain locked may then be the wrong one.
  if (account.updatedAt.getTime() !== new Date(expectedUpdatedAt).getTime()) throw stale();
  return account;
}
