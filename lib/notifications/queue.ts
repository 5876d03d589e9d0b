// Notifications (SPEC §7, §11): rows written in the same transaction as the change they announce,
// sent only after that transaction commits (lib/notifications/dispatch.ts).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { Prisma, writeAtCommit, type TransactionClient } from '@/lib/db/client';

export const NOTIFICATION_TEMPLATES = [
  'CASE_FILED',
  'INFORMATION_REQUESTED',
  'CITIZEN_REPLIED',
  'CASE_DECIDED',
  'DEADLINE_OVERDUE',
  'SECOND_REVIEW_REQUESTED',
  'SECOND_REVIEW_DECIDED',
  'CASE_TRANSFERRED_IN',
  'DATA_REQUEST_FILED',
  'DATA_REQUEST_ANSWERED',
  'CORRECTION_CONFIRMED',
  'INTERIM_RELIEF_REQUESTED',
  'INTERIM_RELIEF_GRANTED',
  'INTERIM_RELIEF_REFUSED',
  'INTERIM_RELIEF_CONFIRMED',
  'INTERIM_RELIEF_PERMANENT',
  'INTERIM_RELIEF_REVERTED',
  'INTERIM_RELIEF_EXPIRED',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** Params carry references and times only, never personal data. */
export type NotificationParams = Record<string, string>;

export type NotificationDraft =
  | { channel: 'SMS'; recipientMobile: string; template: NotificationTemplate; params: NotificationParams }
  | { channel: 'IN_APP'; recipientUserId: string; template: NotificationTemplate; params: NotificationParams };

export async function queueNotifications(
  tx: TransactionClient,
  provinceCode: string,
  caseId: string | null,
  drafts: readonly NotificationDraft[],
): Promise<string[]> {
  return queueNotificationsOfCases(tx, [{ provinceCode, caseId, drafts }]);
}

/** The notifications of several cases in one statement (the sweep escalates hundreds at a time). */
export async function queueNotificationsOfCases(
  tx: TransactionClient,
  entries: readonly { provinceCode: string; caseId: string | null; drafts: readonly NotificationDraft[] }[],
): Promise<string[]> {
  const rows = entries.flatMap(({ provinceCode, caseId, drafts }) =>
    drafts.map((draft) => {
      const id = randomUUID();
      return {
        id,
        values: Prisma.sql`(${id}::uuid, ${provinceCode}, ${caseId}::uuid, ${draft.channel},
          ${draft.channel === 'IN_APP' ? draft.recipientUserId : null}::uuid,
          ${draft.channel === 'SMS' ? draft.recipientMobile : null}, ${draft.template}, ${JSON.stringify(draft.params)}::jsonb)`,
      };
    }),
  );
  if (rows.length === 0) return [];
  // Nothing in the transaction reads them back: written in its last statement (lib/db/client.ts).
  const insert = Prisma.sql`INSERT INTO notification
                 (id, province_code, case_id, channel, recipient_user_id, recipient_mobile, template, params)
               VALUES ${Prisma.join(rows.map((row) => row.values))}`;
  await writeAtCommit(tx, insert);
  return rows.map((row) => row.id);
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
