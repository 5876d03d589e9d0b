// SPEC §5 effectuation, issue 13 point 4: when the issuing province confirms a correction, the citizen gets an SMS
// (once, after the commit) and their case shows when it was confirmed.
import { beforeEach, describe, expect, it } from 'vitest';
import { getCitizenCase } from '@/lib/cases/views/citizen-queries';
import { getPrisma } from '@/lib/db/client';
import { confirmCorrection } from '@/lib/integration/confirm-correction';
import { createAdmin, decidedCaseWithOrder, resetIntegrationData, setUpProvince } from './helpers';

const db = () => getPrisma();

beforeEach(async () => {
  await resetIntegrationData();
});

describe('a confirmed correction', () => {
  it('sends the citizen one SMS naming the reference, and the case page shows the confirmation', async () => {
    const key = await setUpProvince('34', { admin: await createAdmin() });
    const order = await decidedCaseWithOrder('34');
    const appealCase = await db().case.findFirstOrThrow({ where: { id: order.caseId } });
    const client = { apiKeyId: 'unused', keyId: key.keyId, provinceCode: '34', rateLimitPerMinute: 100 };
    const confirmedAt = new Date();
    const input = { appliedAt: confirmedAt.toISOString(), colour: 'GREEN' as const };
    await confirmCorrection(client, order.orderId, input, confirmedAt);
    await confirmCorrection(client, order.orderId, input, new Date(confirmedAt.getTime() + 60_000));

    const messages = await db().smsMessage.findMany({ where: { to: appealCase.mobile!, purpose: 'NOTIFICATION' } });
    const confirmations = messages.filter((message) => message.body.includes('已确认按决定更正'));
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.body).toContain(appealCase.reference);

    const citizen = await db().user.findUniqueOrThrow({ where: { id: appealCase.citizenId } });
    const view = await getCitizenCase(
      { id: citizen.id, role: citizen.role, provinceCode: citizen.provinceCode },
      appealCase.id,
    );
    expect(view?.correctionConfirmedAt).toEqual(confirmedAt);
  });
});
