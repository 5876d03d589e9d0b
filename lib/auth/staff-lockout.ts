// Staff lockout per account and source (SPEC §11): five wrong passwords or second factors in a row from one address
// lock that account for that address only — 15 minutes, doubling with each further lockout within a day (capped at a
// day). Another address (the member of staff at their desk) is not locked, so a stranger who knows a username cannot
// keep its owner out; guessing from many addresses is bounded by the per-IP failure limit (rate-limit.ts).
import 'server-only';
import { prisma, type TransactionClient } from '@/lib/db/client';
import { scopedLogger } from '@/lib/security/logger';
import { recordRateLimitFailure } from './rate-limit';

export const MAX_FAILURES = 5;
export const FIRST_LOCKOUT_MS = 15 * 60 * 1000;
export const MAX_LOCKOUT_MS = 24 * 3600 * 1000;
/** A day without failures forgets earlier lockouts. */
const MEMORY_MS = 24 * 3600 * 1000;

export interface LockoutState {
  failures: number;
  lockouts: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

export type StaffFailureOutcome = { locked: false } | { locked: true; retryAfterSeconds: number };

function secondsUntil(until: Date | null, now: Date): number {
  return until && until.getTime() > now.getTime() ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
}

/** The state after one more failure at `now` (pure: the back-off rule). */
export function afterFailure(state: LockoutState, now: Date): LockoutState {
  if (secondsUntil(state.lockedUntil, now) > 0) return { ...state, lastFailureAt: now };
  const forgotten = now.getTime() - state.lastFailureAt.getTime() > MEMORY_MS;
  const lockouts = forgotten ? 0 : state.lockouts;
  const failures = (forgotten || state.lockedUntil ? 0 : state.failures) + 1;
  if (failures < MAX_FAILURES) return { failures, lockouts, lockedUntil: null, lastFailureAt: now };
  const length = Math.min(FIRST_LOCKOUT_MS * 2 ** lockouts, MAX_LOCKOUT_MS);
  return { failures: 0, lockouts: lockouts + 1, lockedUntil: new Date(now.getTime() + length), lastFailureAt: now };
}

/** Seconds `userId` is still locked for from `source`, or 0. */
export async function staffLockedForSeconds(userId: string, source: string, now: Date): Promise<number> {
  const row = await prisma.staffLockout.findUnique({
    where: { userId_source: { userId, source: source.slice(0, 64) } },
    select: { lockedUntil: true },
  });
  return secondsUntil(row?.lockedUntil ?? null, now);
}

/** Counts one failed password or second factor against the account from this source, and against the source. */
export async function recordStaffFailure(userId: string, source: string, now: Date): Promise<StaffFailureOutcome> {
  await recordRateLimitFailure({ rule: 'staffFailurePerIp', key: source });
  const key = source.slice(0, 64);
  const state = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO staff_lockout (user_id, source, last_failure_at) VALUES (${userId}::uuid, ${key}, ${now})
                         ON CONFLICT (user_id, source) DO NOTHING`;
    // The row lock serialises concurrent guesses from one source, so none slips past the count.
    const [row] = await tx.$queryRaw<
      { failures: number; lockouts: number; locked_until: Date | null; last_failure_at: Date }[]
    >`SELECT failures, lockouts, locked_until, last_failure_at FROM staff_lockout
       WHERE user_id = ${userId}::uuid AND source = ${key} FOR UPDATE`;
    const next = afterFailure(
      {
        failures: row!.failures,
        lockouts: row!.lockouts,
        lockedUntil: row!.locked_until,
        lastFailureAt: row!.last_failure_at,
      },
      now,
    );
    await tx.staffLockout.update({ where: { userId_source: { userId, source: key } }, data: next });
    return next;
  });
  const seconds = secondsUntil(state.lockedUntil, now);
  if (seconds === 0) return { locked: false };
  // The account id only: never the username typed, a password or a code.
  scopedLogger('auth').warn({ userId, lockedForSeconds: seconds }, 'staff account locked for one source');
  return { locked: true, retryAfterSeconds: seconds };
}

/** A successful sign-in from `source` clears its failures (its lockout history too). */
export async function clearStaffFailures(db: TransactionClient, userId: string, source: string): Promise<void> {
  await db.staffLockout.deleteMany({ where: { userId, source: source.slice(0, 64) } });
}
