// Sends queued notifications after their transaction committed: SMS through the provider interface,
// in-app notices simply become visible. Rows are claimed with SKIP LOCKED, so several instances never send one twice.
import 'server-only';
import { prisma, Prisma } from '@/lib/db/client';
import { getSmsProvider } from '@/lib/sms/get-provider';
import type { NotificationParams, NotificationTemplate } from './queue';
import { scopedLogger } from '@/lib/security/logger';

const MAX_ATTEMPTS = 5;

interface PendingNotification {
  id: string;
  province_code: string;
  channel: string;
  recipient_mobile: string | null;
  template: string;
  params: unknown;
  attempts: number;
}

/** The SMS texts, in Chinese (the citizen's phone); params are references and times only. */
const SMS_TEXTS: Record<NotificationTemplate, (p: NotificationParams) => string> = {
  CASE_FILED: (p) =>
    `【健康码申诉】您的申诉已受理，编号 ${p.reference}，预计 ${p.dueAt} 前作出决定。可凭编号查询进度。`,
  INFORMATION_REQUESTED: (p) => `【健康码申诉】申诉 ${p.reference} 需要您补充材料，请在 ${p.replyDueAt} 前登录答复。`,
  CITIZEN_REPLIED: (p) => `【健康码申诉】申诉 ${p.reference} 已收到申诉人答复。`,
  CASE_DECIDED: (p) => `【健康码申诉】申诉 ${p.reference} 已作出决定，请登录查看。如不服，可在 15 日内申请复核。`,
  DEADLINE_OVERDUE: (p) => `【健康码申诉】申诉 ${p.reference} 已超过办理期限，已上报督导。`,
  SECOND_REVIEW_REQUESTED: (p) => `【健康码申诉】申诉 ${p.reference} 已申请复核。`,
  SECOND_REVIEW_DECIDED: (p) => `【健康码申诉】申诉 ${p.reference} 的复核已作出决定，请登录查看。`,
  CASE_TRANSFERRED_IN: (p) => `【健康码申诉】申诉 ${p.reference} 已移送本省办理。`,
  DATA_REQUEST_FILED: () => `【健康码申诉】有新的个人信息权利请求待办理。`,
  DATA_REQUEST_ANSWERED: () => `【健康码申诉】您提出的个人信息权利请求已答复，请登录“我的个人信息”查看。`,
  CORRECTION_CONFIRMED: (p) =>
    `【健康码申诉】申诉 ${p.reference}：赋码省份已确认按决定更正您的健康码（${p.confirmedAt}）。可登录查看。`,
};

export function renderSms(template: NotificationTemplate, params: NotificationParams): string {
  return SMS_TEXTS[template](params);
}

/** Sends the given notifications, or every pending one when no ids are given; returns how many were sent. */
export async function dispatchNotifications(ids?: readonly string[]): Promise<number> {
  if (ids && ids.length === 0) return 0;
  const provider = getSmsProvider();
  return prisma.$transaction(
    async (tx) => {
      const columns = Prisma.sql`id::text, province_code, channel::text AS channel, recipient_mobile, template, params, attempts`;
      const rows = ids
        ? await tx.$queryRaw<
            PendingNotification[]
          >`SELECT ${columns} FROM notification WHERE id::text = ANY(${[...ids]}) AND status = 'PENDING' FOR UPDATE SKIP LOCKED`
        : await tx.$queryRaw<
            PendingNotification[]
          >`SELECT ${columns} FROM notification WHERE status = 'PENDING' ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED`;
      // In-app notices need no sending: they become visible together.
      const inApp = rows.filter((row) => row.channel !== 'SMS' || !row.recipient_mobile);
      if (inApp.length > 0) {
        await tx.$executeRaw`UPDATE notification SET status = 'SENT', sent_at = ${new Date()}, attempts = attempts + 1
                            WHERE id::text = ANY(${inApp.map((row) => row.id)})`;
      }
      let sent = inApp.length;
      for (const notification of rows.filter((row) => !inApp.includes(row))) {
        const where = { provinceCode_id: { provinceCode: notification.province_code, id: notification.id } };
        try {
          await provider.send(
            {
              to: notification.recipient_mobile!,
              body: renderSms(notification.template as NotificationTemplate, notification.params as NotificationParams),
              purpose: 'NOTIFICATION',
            },
            { db: tx },
          );
          await tx.notification.update({
            where,
            data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 } },
          });
          sent += 1;
        } catch (error) {
          scopedLogger('notify').error(
            { err: error, template: notification.template, notificationId: notification.id },
            'send failed',
          );
          await tx.notification.update({
            where,
            data: {
              attempts: { increment: 1 },
              status: notification.attempts + 1 >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING',
            },
          });
        }
      }
      return sent;
    },
    { timeout: 60_000 },
  );
}
