// Loads a staff account for an administration change: locks the account row and checks the version the form was based
// on (updatedAt). Its audit event is written at the end of the transaction, like every writer's (lib/audit/append.ts),
// so an administrator and the case engine take rows first and chain heads last, and never deadlock.
import 'server-only';
import { appendAuditEvent, chainOf } from '@/lib/audit/append';
import type { Actor } from '@/lib/auth/actor';
import type { TransactionClient } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { notFound, stale } from './errors';

/** A staff account as every administration screen names it (the list's row, the account page). */
export interface StaffSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  provinceCode: string | null;
  unitCode: string | null;
  active: boolean;
}

/** What every list of staff accounts shows of one. */
export const staffSummarySelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  provinceCode: true,
  unitCode: true,
  active: true,
  totpEnabledAt: true,
} as const;

/** An account as a change reads it (with the version token, updatedAt). */
export const staffAccountSelect = {
  ...staffSummarySelect,
  capacity: true,
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

/** The audit event of a change to a staff account, on the chain of the account's province, in the change's transaction. */
export async function auditStaffChange(
  tx: TransactionClient,
  actor: Actor,
  change: {
    provinceCode: string | null;
    action: 'USER_CREATED' | 'USER_UPDATED';
    before?: Record<string, unknown>;
    after: Record<string, unknown>;
    occurredAt: Date;
  },
): Promise<void> {
  await appendAuditEvent(tx, {
    chain: chainOf(change.provinceCode),
    actorId: actor.id,
    actorRole: actor.role,
    action: change.action,
    before: change.before,
    after: change.after,
    occurredAt: change.occurredAt,
  });
}
