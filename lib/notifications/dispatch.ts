// Sends queued notifications after their transaction committed: SMS through the provider interface, in-app notices
// simply become visible. SMS rows are claimed with a lease (FOR UPDATE SKIP LOCKED, committed at once, like the
// webhooks), so no row lock is held while the provider answers and several dispatchers never send one twice; only the
// holder of a lease may record the outcome. Every provider call is recorded in sms_delivery (lib/sms/send.ts).
import 'server-only';
import { alongside, prisma, Prisma, sqlRows, sqlRun } from '@/lib/db/client';
import { provincesWith } from '@/lib/db/provinces';
import { sendSms } from '@/lib/sms/send';
import type { NotificationParams, NotificationTemplate } from './queue';

const MAX_ATTEMPTS = 5;
const DEFAULT_LEASE_MS = 120_000;
const BATCH = 500;

interface ClaimedNotification {
  id: string;
  province_code: string;
  recipient_mobile: string;
  template: string;
  params: unknown;
  attempts: number;
  locked_until: Date;
}

export interface DispatchOptions {
  /** How long a claim lasts; must exceed the SMS provider's timeout (SMS_TIMEOUT_MS). */
  leaseMs?: number;
  /** The province of every given notification (a case's own): the claim is then one statement on its shard. */
  provinceCode?: string;
}

/** Pending notices with nothing to deliver: in-app ones (and an SMS without a number). */
const IN_APP_PENDING = Prisma.sql`status = 'PENDING' AND (channel <> 'SMS' OR recipient_mobile IS NULL)`;

/**
 * Claims the pending SMS rows of one province (FOR UPDATE SKIP LOCKED, single-shard); with `markInApp`, the same
 * statement also marks the province's pending in-app notices sent. Returns the claimed rows and that count.
 */
async function claimInProvince(
  province: string,
  only: Prisma.Sql,
  now: Date,
  leaseUntil: Date,
  markInApp: boolean,
): Promise<{ inApp: number; sms: ClaimedNotification[] }> {
  const inApp = markInApp
    ? Prisma.sql`in_app AS (
        UPDATE notification SET status = 'SENT', sent_at = ${now}, attempts = attempts + 1
         WHERE province_code = ${province} AND ${IN_APP_PENDING} ${only}
        RETURNING 1),`
    : Prisma.empty;
  const rows = await sqlRows<Partial<ClaimedNotification> & { in_app: number }>(
    prisma,
    Prisma.sql`
    WITH ${inApp} due AS (
      SELECT province_code, id FROM notification
       WHERE province_code = ${province} AND status = 'PENDING' AND channel = 'SMS' AND recipient_mobile IS NOT NULL
         AND (locked_until IS NULL OR locked_until <= ${now}) ${only}
       ORDER BY created_at LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE notification n SET locked_until = ${leaseUntil}
        FROM due WHERE n.province_code = ${province} AND n.id = due.id
      RETURNING n.id::text, n.province_code, n.recipient_mobile, n.template, n.params, n.attempts, n.locked_until
    )
    SELECT c.*, ${markInApp ? Prisma.sql`(SELECT count(*) FROM in_app)` : Prisma.sql`0`}::int AS in_app
      FROM (SELECT 1) AS one LEFT JOIN claimed c ON TRUE`,
  );
  return {
    inApp: rows[0]?.in_app ?? 0,
    sms: rows.filter((row): row is ClaimedNotification & { in_app: number } => row.id != null),
  };
}

/** Marks pending in-app notices sent (nothing to deliver) and claims pending SMS rows; both commit at once. */
async function claim(
  ids: readonly string[] | undefined,
  { leaseMs = DEFAULT_LEASE_MS, provinceCode }: DispatchOptions,
): Promise<{ inApp: number; sms: ClaimedNotification[] }> {
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const only = ids ? Prisma.sql`AND id = ANY(${[...ids]}::uuid[])` : Prisma.empty;
  if (ids && provinceCode) return claimInProvince(provinceCode, only, now, leaseUntil, true);
  const inApp = await sqlRun(
    prisma,
    Prisma.sql`
    UPDATE notification SET status = 'SENT', sent_at = ${now}, attempts = attempts + 1
     WHERE ${IN_APP_PENDING} ${only}`,
  );
  // SMS rows are claimed province by province (one shard per claim on Citus, docs/scaling.md), in the provinces that
  // have some pending.
  const provinces = await provincesWith(
    Prisma.sql`notification`,
    Prisma.sql`status = 'PENDING' AND channel = 'SMS' AND recipient_mobile IS NOT NULL ${only}`,
  );
  const sms: ClaimedNotification[] = [];
  for (const province of provinces) sms.push(...(await claimInProvince(province, only, now, leaseUntil, false)).sms);
  return { inApp, sms };
}

/** Sends the given notifications, or every pending one when no ids are given; returns how many were sent. */
export async function dispatchNotifications(ids?: readonly string[], options: DispatchOptions = {}): Promise<number> {
  if (ids && ids.length === 0) return 0;
  const { inApp, sms } = await claim(ids, options);
  let sent = inApp;
  for (const notification of sms) {
    let recorded = 0;
    const outcome = await sendSms(
      {
        to: notification.recipient_mobile,
        kind: notification.template as NotificationTemplate,
        params: notification.params as NotificationParams,
        purpose: 'NOTIFICATION',
        reference: notification.id,
      },
      {
        notificationId: notification.id,
        // The attempt and the notification's outcome in one statement. Fenced by the lease: a dispatcher whose lease
        // ran out records nothing on the notification (the next holder decides); the attempt is recorded anyway.
        recordWith: async (outcome, deliveryInsert) => {
          const failedForGood = !outcome.ok && (!outcome.error.retryable || notification.attempts + 1 >= MAX_ATTEMPTS);
          recorded = await sqlRun(
            prisma,
            alongside(
              [deliveryInsert],
              Prisma.sql`
              UPDATE notification
                 SET attempts = attempts + 1, locked_until = NULL,
                     status = ${outcome.ok ? 'SENT' : failedForGood ? 'FAILED' : 'PENDING'}::"DeliveryStatus",
                     sent_at = ${outcome.ok ? new Date() : null},
                     last_error = ${outcome.ok ? null : outcome.error.code}
               WHERE province_code = ${notification.province_code} AND id = ${notification.id}::uuid
                 AND locked_until = ${notification.locked_until}`,
            ),
          );
        },
      },
    );
    if (outcome.ok && recorded === 1) sent += 1;
  }
  return sent;
}
