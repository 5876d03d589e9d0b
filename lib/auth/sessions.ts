// Server-side session rows (SPEC §11, §14): created at sign-in, read on every request, revoked at sign-out.
import 'server-only';
import { prisma, type TransactionClient } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { appendAuditEvent, NATIONAL_CHAIN } from '@/lib/audit/append';
import { SESSION_ABSOLUTE_MS, isStaffRole } from './session-policy';

export interface SessionUser {
  id: string;
  role: Role;
  active: boolean;
  displayName: string;
  provinceCode: string | null;
  unitCode: string | null;
}

export interface LoadedSession {
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  user: SessionUser;
}

export function auditChainFor(provinceCode: string | null): string {
  return provinceCode ?? NATIONAL_CHAIN;
}

export async function createSession(tx: TransactionClient, userId: string, now: Date): Promise<string> {
  const session = await tx.session.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
    select: { id: true },
  });
  return session.id;
}

export async function loadSession(sessionId: string): Promise<LoadedSession | null> {
  return prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      revokedAt: true,
      user: { select: { id: true, role: true, active: true, displayName: true, provinceCode: true, unitCode: true } },
    },
  });
}

export async function touchSession(sessionId: string, now: Date, notSince: Date): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, lastSeenAt: { lt: notSince } }, data: { lastSeenAt: now } });
}

/** Ends one session; for staff the sign-out is audited in the same transaction. Safe to call twice. */
export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const revoked = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 0) return;
    const session = await tx.session.findUnique({
      where: { id: sessionId },
      select: { user: { select: { id: true, role: true, provinceCode: true } } },
    });
    if (!session || !isStaffRole(session.user.role)) return;
    await appendAuditEvent(tx, {
      chain: auditChainFor(session.user.provinceCode),
      actorId: session.user.id,
      actorRole: session.user.role,
      action: 'STAFF_SIGNED_OUT',
      after: { sessionId },
      occurredAt: now,
    });
  });
}

/** Ends every open session of a user (account disabled, role changed). */
export async function revokeUserSessions(tx: TransactionClient, userId: string, now = new Date()): Promise<number> {
  const revoked = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return revoked.count;
}
