// Notifications against a real PostgreSQL and the built-in SMS provider: a transaction's own are sent once it has
// committed (in-app notices by being written, SMS rows written already claimed by this process), never when it rolls
// back; the sweep sends what is left only once a claim's lease has run out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { createUser } from '@/test/support/fixtures';
import { dispatchNotifications } from './dispatch';
import { queueNotificationsOfCases } from './queue';
import type { TransactionClient } from '@/lib/db/client';

function queue(tx: TransactionClient, provinceCode: string, mobile: string, recipientUserId: string) {
  return queueNotificationsOfCases(tx, [
    {
      provinceCode,
      caseId: null,
      drafts: [
        { channel: 'SMS', recipientMobile: mobile, template: 'CASE_FILED', params: { reference: 'R', dueAt: 'D' } },
        { channel: 'IN_APP', recipientUserId, template: 'CASE_FILED', params: { reference: 'R' } },
      ],
    },
  ]);
}

const rows = () =>
  prisma.notification.findMany({
    orderBy: [{ recipientMobile: 'asc' }, { channel: 'asc' }],
    select: { channel: true, recipientMobile: true, status: true, attempts: true, lockedUntil: true, sentAt: true },
  });

const sentSms = async () => (await prisma.smsMessage.findMany({ select: { to: true } })).map((sms) => sms.to).sort();

describe('notifications of a transaction', () => {
  beforeEach(async () => {
    await resetCaseData();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are sent once it has committed, each once, in every province it wrote to', async () => {
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    await prisma.$transaction(async (tx) => {
      await queue(tx, '34', '13600000034', supervisor.id);
      await queue(tx, '41', '13600000041', supervisor.id);
      // Inside the transaction nothing has gone out yet.
      expect(await prisma.smsMessage.count()).toBe(0);
    });

    const sent = { status: 'SENT', attempts: 1, lockedUntil: null, sentAt: expect.any(Date) };
    expect(await rows()).toEqual([
      { channel: 'SMS', recipientMobile: '13600000034', ...sent },
      { channel: 'SMS', recipientMobile: '13600000041', ...sent },
      { channel: 'IN_APP', recipientMobile: null, ...sent },
      { channel: 'IN_APP', recipientMobile: null, ...sent },
    ]);
    expect(await sentSms()).toEqual(['13600000034', '13600000041']);
    expect(await prisma.smsDelivery.count({ where: { outcome: 'SENT', purpose: 'NOTIFICATION' } })).toBe(2);
    // The sweep finds nothing left to send.
    expect(await dispatchNotifications()).toBe(0);
    expect(await prisma.smsMessage.count()).toBe(2);
  });

  it('are neither written nor sent when it rolls back', async () => {
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    await expect(
      prisma.$transaction(async (tx) => {
        await queue(tx, '34', '13600000034', supervisor.id);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await prisma.notification.count()).toBe(0);
    expect(await prisma.smsMessage.count()).toBe(0);
  });

  it('must be queued inside prisma.$transaction, which sends them', async () => {
    await expect(queue(prisma, '34', '13600000034', (await createUser('SUPERVISOR')).id)).rejects.toThrow(
      'prisma.$transaction',
    );
    expect(await prisma.notification.count()).toBe(0);
  });

  it('an SMS whose claim ran half out before the commit waits for the sweep, which sends it once the lease is over', async () => {
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    vi.useFakeTimers({ toFake: ['Date'] });
    await prisma.$transaction(async (tx) => {
      await queue(tx, '34', '13600000034', supervisor.id);
      // A transaction that took a minute: the provider's timeout could outlast what is left of the lease.
      vi.setSystemTime(Date.now() + 61_000);
    });
    vi.useRealTimers();
    const [sms] = await rows();
    expect(sms).toMatchObject({ channel: 'SMS', status: 'PENDING', attempts: 0, lockedUntil: expect.any(Date) });
    expect(await prisma.smsMessage.count()).toBe(0);

    // Still claimed: the sweep leaves it alone while the lease lasts.
    expect(await dispatchNotifications()).toBe(0);
    expect(await prisma.smsMessage.count()).toBe(0);

    await prisma.notification.updateMany({
      where: { channel: 'SMS' },
      data: { lockedUntil: new Date(Date.now() - 1) },
    });
    expect(await dispatchNotifications()).toBe(1);
    expect(await sentSms()).toEqual(['13600000034']);
    expect((await rows())[0]).toMatchObject({ status: 'SENT', attempts: 1, lockedUntil: null });
  });
});
