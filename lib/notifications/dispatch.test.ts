// Dispatch after commit against a real PostgreSQL and the built-in SMS provider: given the province of the ids (one
// case's notifications), the claim is one statement that also marks the in-app notices sent; what it sends and
// records is what the province-by-province path does, and it leaves other provinces' and other ids' rows alone.
import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { createUser } from '@/test/support/fixtures';
import { dispatchNotifications } from './dispatch';
import { queueNotificationsOfCases } from './queue';

async function queue(provinceCode: string, mobile: string, recipientUserId: string): Promise<string[]> {
  return prisma.$transaction((tx) =>
    queueNotificationsOfCases(tx, [
      {
        provinceCode,
        caseId: null,
        drafts: [
          { channel: 'SMS', recipientMobile: mobile, template: 'CASE_FILED', params: { reference: 'R', dueAt: 'D' } },
          { channel: 'IN_APP', recipientUserId, template: 'CASE_FILED', params: { reference: 'R' } },
        ],
      },
    ]),
  );
}

const rowsOf = (ids: string[]) =>
  prisma.notification.findMany({
    where: { id: { in: ids } },
    orderBy: { channel: 'asc' }, // IN_APP, then SMS (the enum's order)
    select: { channel: true, status: true, attempts: true, lockedUntil: true, lastError: true },
  });

describe('dispatchNotifications', () => {
  beforeEach(async () => {
    await resetCaseData();
  });

  it('with the province of the ids: sends the SMS and marks the in-app notice, nothing else', async () => {
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
    const anhui = await queue('34', '13600000034', supervisor.id);
    const anhuiOther = await queue('34', '13600000035', supervisor.id);
    const henan = await queue('41', '13600000041', supervisor.id);

    expect(await dispatchNotifications(anhui, { provinceCode: '34' })).toBe(2);
    const sent = { status: 'SENT', attempts: 1, lockedUntil: null, lastError: null };
    expect(await rowsOf(anhui)).toEqual([
      { channel: 'IN_APP', ...sent },
      { channel: 'SMS', ...sent },
    ]);
    const pending = { status: 'PENDING', attempts: 0, lockedUntil: null, lastError: null };
    for (const untouched of [anhuiOther, henan])
      expect(await rowsOf(untouched)).toEqual([
        { channel: 'IN_APP', ...pending },
        { channel: 'SMS', ...pending },
      ]);
    expect((await prisma.smsMessage.findMany({ select: { to: true } })).map((sms) => sms.to)).toEqual(['13600000034']);
    expect(await prisma.smsDelivery.count({ where: { outcome: 'SENT', purpose: 'NOTIFICATION' } })).toBe(1);

    // Sent once: a second dispatch of the same ids finds nothing pending.
    expect(await dispatchNotifications(anhui, { provinceCode: '34' })).toBe(0);
    // The ids of another province named with the wrong province are not claimed (they wait for the sweep).
    expect(await dispatchNotifications(henan, { provinceCode: '34' })).toBe(0);
    expect(await rowsOf(henan)).toEqual([
      { channel: 'IN_APP', ...pending },
      { channel: 'SMS', ...pending },
    ]);
    // Without a province the ids are claimed province by province, with the same outcome.
    expect(await dispatchNotifications([...henan, ...anhuiOther])).toBe(4);
    for (const done of [henan, anhuiOther])
      expect(await rowsOf(done)).toEqual([
        { channel: 'IN_APP', ...sent },
        { channel: 'SMS', ...sent },
      ]);
    expect(await prisma.smsMessage.count()).toBe(3);
  });
});
