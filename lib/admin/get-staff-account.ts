// One staff account for its administration page: scope, status, second factor and sessions, never a password hash
// or a secret.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { notFound } from './errors';
import { staffAccountSelect, type StaffSummary } from './load-staff-account';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';

export interface StaffAccountView extends StaffSummary {
  capacity: number;
  mustChangePassword: boolean;
  secondFactorSince: Date | null;
  lockedUntil: Date | null;
  openSessions: number;
  openCases: number;
  createdAt: Date;
  /** The version token the edit forms send back. */
  updatedAt: string;
}

export async function getStaffAccount(actor: Actor, userId: string, now = new Date()): Promise<StaffAccountView> {
  assertAdmin(actor);
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw notFound();
  const user = await prisma.user.findFirst({
    where: { id: userId, role: { not: 'CITIZEN' } },
    select: { ...staffAccountSelect, lockedUntil: true, createdAt: true },
  });
  if (!user) throw notFound();
  const [openSessions, openCases] = await Promise.all([
    prisma.session.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } }),
    prisma.case.count({ where: { assigneeId: userId, state: { in: [...REVIEWER_LOAD_STATES] } } }),
  ]);
  const { totpEnabledAt, updatedAt, lockedUntil, username, ...rest } = user;
  return {
    ...rest,
    username: username ?? '',
    secondFactorSince: totpEnabledAt,
    lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null,
    openSessions,
    openCases,
    updatedAt: updatedAt.toISOString(),
  };
}
