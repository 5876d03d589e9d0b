// Notifications (SPEC §7, §11): rows written in the same transaction as the change they announce,
// sent only after that transaction commits (lib/notifications/dispatch.ts).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { afterCommit, Prisma, writeAtCommit, type TransactionClient } from '@/lib/db/client';
import { CLAIM_LEASE_MS, sendAfterCommit, type ClaimedSms } from './dispatch';
import type { NotificationParams, NotificationTemplate } from './templates';

export type NotificationDraft =
  | { channel: 'SMS'; recipientMobile: string; template: NotificationTemplate; params: NotificationParams }
  | { channel: 'IN_APP'; recipientUserId: string; template: NotificationTemplate; params: NotificationParams };

/**
 * Writes a case's notifications in the transaction `tx` (one of `prisma.$transaction`), sent once it has committed:
 * in-app notices are delivered by being written, SMS rows are written already claimed by this process, which sends
 * them after the commit (dispatch.ts). A rolled-back transaction sends nothing.
 */
export async function queueNotifications(
  tx: TransactionClient,
  provinceCode: string,
  caseId: string | null,
  drafts: readonly NotificationDraft[],
): Promise<void> {
  await queueNotificationsOfCases(tx, [{ provinceCode, caseId, drafts }]);
}

/** The notifications of several cases in one statement (the sweep escalates hundreds at a time); returns how many. */
export async function queueNotificationsOfCases(
  tx: TransactionClient,
  entries: readonly { provinceCode: string; caseId: string | null; drafts: readonly NotificationDraft[] }[],
): Promise<number> {
  const now = new Date();
  const lockedUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const claimed: ClaimedSms[] = [];
  const rows = entries.flatMap(({ provinceCode, caseId, drafts }) =>
    drafts.map((draft) => {
      const id = randomUUID();
      const sms = draft.channel === 'SMS';
      if (sms)
        claimed.push({
          id,
          provinceCode,
          mobile: draft.recipientMobile,
          template: draft.template,
          params: draft.params,
          attempts: 0,
          lockedUntil,
        });
      // One text for every mix of channels (a prepared statement per number of rows): status, sent time, attempts
      // and claim are parameters.
      return Prisma.sql`(${id}::uuid, ${provinceCode}, ${caseId}::uuid, ${draft.channel},
        ${sms ? null : draft.recipientUserId}::uuid, ${sms ? draft.recipientMobile : null}, ${draft.template},
        ${JSON.stringify(draft.params)}::jsonb, ${sms ? 'PENDING' : 'SENT'}, ${sms ? null : now}::timestamptz,
        ${sms ? 0 : 1}::int, ${sms ? lockedUntil : null}::timestamptz)`;
    }),
  );
  if (rows.length === 0) return 0;
  if (claimed.length > 0 && !afterCommit(tx, () => sendAfterCommit(claimed)))
    throw new Error('an SMS notification is queued inside prisma.$transaction, which sends it once it commits');
  // Nothing in the transaction reads them back: written in its last statement (lib/db/client.ts).
  await writeAtCommit(
    tx,
    Prisma.sql`INSERT INTO notification
                 (id, province_code, case_id, channel, recipient_user_id, recipient_mobile, template, params,
                  status, sent_at, attempts, locked_until)
               VALUES ${Prisma.join(rows)}`,
  );
  return rows.length;
}

/** In-app notices for the supervisors of a province (national supervisors when the province has none). */
export async function supervisorNotices(
  tx: TransactionClient,
  provinceCode: string,
  template: NotificationTemplate,
  params: NotificationParams,
): Promise<NotificationDraft[]> {
  const provincial = await tx.user.findMany({
    where: { role: 'SUPERVISOR', active: true, provinceCode },
    select: { id: true },
  });
  const recipients =
    provincial.length > 0
      ? provincial
      : await tx.user.findMany({
          where: { role: 'SUPERVISOR', active: true, provinceCode: null },
          select: { id: true },
        });
  return recipients.map((user) => ({ channel: 'IN_APP' as const, recipientUserId: user.id, template, params }));
}
