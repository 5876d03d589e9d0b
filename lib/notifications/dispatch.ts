// Sends notifications. SMS rows are claimed with a lease (`locked_until`), so no row lock is held while the provider
// answers and several dispatchers never send one twice; only the holder of a lease may record the outcome. A
// transaction's own notifications are inserted already claimed by the process that wrote them (queue.ts), and sent
// by it once the transaction has committed; the sweep claims what is left (an earlier failure, a process gone before
// it sent, a lease run out) province by province (FOR UPDATE SKIP LOCKED, committed at once, like the webhooks). Every
// provider call is recorded in sms_delivery (lib/sms/send.ts).
import 'server-only';
import { afterResponse } from '@/lib/core/after-response';
import { alongside, prisma, Prisma, sqlRows, sqlRun } from '@/lib/db/client';
import { provincesWith } from '@/lib/db/provinces';
import { scopedLogger } from '@/lib/security/logger';
import { sendSms } from '@/lib/sms/send';
import type { NotificationParams, NotificationTemplate } from './templates';

const MAX_ATTEMPTS = 5;
/** How long a claim lasts: twice the longest provider timeout SMS_TIMEOUT_MS allows (lib/sms/config.ts). */
export const CLAIM_LEASE_MS = 120_000;
const BATCH = 500;

/** An SMS notification this process holds the lease of, as it is sent. */
export interface ClaimedSms {
  id: string;
  provinceCode: string;
  mobile: string;
  template: NotificationTemplate;
  params: NotificationParams;
  /** Attempts before this one. */
  attempts: number;
  /** The lease; it also fences the outcome: only the holder of this exact lease records it. */
  lockedUntil: Date;
}

/** Pending notices with nothing to deliver: in-app ones (and an SMS without a number). */
const IN_APP_PENDING = Prisma.sql`status = 'PENDING' AND (channel <> 'SMS' OR recipient_mobile IS NULL)`;

/** Claims the pending SMS rows of one province whose lease is free (FOR UPDATE SKIP LOCKED, single-shard). */
async function claimInProvince(province: string, now: Date, leaseUntil: Date): Promise<ClaimedSms[]> {
  const rows = await sqlRows<{
    id: string;
    recipient_mobile: string;
    template: NotificationTemplate;
    params: NotificationParams;
    attempts: number;
    locked_until: Date;
  }>(
    prisma,
    Prisma.sql`
    WITH due AS (
      SELECT province_code, id FROM notification
       WHERE province_code = ${province} AND status = 'PENDING' AND channel = 'SMS' AND recipient_mobile IS NOT NULL
         AND (locked_until IS NULL OR locked_until <= ${now})
       ORDER BY created_at LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED
    )
    UPDATE notification n SET locked_until = ${leaseUntil}
      FROM due WHERE n.province_code = ${province} AND n.id = due.id
    RETURNING n.id::text, n.recipient_mobile, n.template, n.params, n.attempts, n.locked_until`,
  );
  return rows.map((row) => ({
    id: row.id,
    provinceCode: province,
    mobile: row.recipient_mobile,
    template: row.template,
    params: row.params,
    attempts: row.attempts,
    lockedUntil: row.locked_until,
  }));
}

/** Sends claimed SMS one after another and records each outcome; returns how many were sent. */
async function sendClaimed(claimed: readonly ClaimedSms[]): Promise<number> {
  let sent = 0;
  for (const notification of claimed) {
    let recorded = 0;
    const outcome = await sendSms(
      {
        to: notification.mobile,
        kind: notification.template,
        params: notification.params,
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
               WHERE province_code = ${notification.provinceCode} AND id = ${notification.id}::uuid
                 AND locked_until = ${notification.lockedUntil}`,
            ),
          );
        },
      },
    );
    if (outcome.ok && recorded === 1) sent += 1;
  }
  return sent;
}

/**
 * Sends the SMS a transaction inserted already claimed, once it has committed (queue.ts registers this): after the
 * response inside a request, at once outside one. A claim with less than half its lease left (the transaction took a
 * minute) is left for the sweep, which takes it over when it runs out: the provider's timeout could outlast it. A
 * failed send never undoes the committed change: the notification stays PENDING for the sweep to retry.
 */
export function sendAfterCommit(claimed: readonly ClaimedSms[]): Promise<void> {
  return afterResponse(async () => {
    const inTime = claimed.filter(
      (notification) => notification.lockedUntil.getTime() - Date.now() > CLAIM_LEASE_MS / 2,
    );
    try {
      await sendClaimed(inTime);
    } catch (error) {
      scopedLogger('notify').error({ err: error }, 'dispatch after commit failed');
    }
  });
}

/**
 * Sends every pending notification whose claim is free (the sweep: earlier failures, leases run out): pending in-app
 * notices are marked sent, SMS rows claimed and sent province by province (one shard per claim on Citus,
 * docs/scaling.md), in the provinces that have some pending. Returns how many were sent.
 */
export async function dispatchNotifications(): Promise<number> {
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const inApp = await sqlRun(
    prisma,
    Prisma.sql`UPDATE notification SET status = 'SENT', sent_at = ${now}, attempts = attempts + 1 WHERE ${IN_APP_PENDING}`,
  );
  const provinces = await provincesWith(
    Prisma.sql`notification`,
    Prisma.sql`status = 'PENDING' AND channel = 'SMS' AND recipient_mobile IS NOT NULL`,
  );
  let sent = inApp;
  for (const province of provinces) sent += await sendClaimed(await claimInProvince(province, now, leaseUntil));
  return sent;
}
