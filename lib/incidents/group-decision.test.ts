// A group finding over 1,000 cases of one incident against a real PostgreSQL (SPEC §16): the engine's batch path
// gives every case its own decision row, its own audit event naming the incident in the province's chain (verified),
// its correction order and its citizen's SMS. The time is printed (the target: seconds), not asserted.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@/lib/audit/verify';
import { getPrisma } from '@/lib/db/client';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { createUser, residentId, validFiling } from '@/test/support/fixtures';
import { rawClient, resetCaseData } from '@/test/support/db';
import { appealCaseColumns, cloneCasesStatement } from '@/test/support/incident-data';
import { decideIncident } from './decide-incident';

const prisma = () => getPrisma();
const GROUP = 1000;

/**
 * Copies the filed case `templateId` `count` times (every column as filed, a fresh id, reference and idempotency key)
 * and links the copies to `incidentId`: 1,000 real filings through submitAppeal would take the test most of a minute.
 */
async function cloneIntoIncident(templateId: string, incidentId: string, count: number): Promise<void> {
  const client = await rawClient();
  try {
    const { rows } = await client.query<{ id: string }>(cloneCasesStatement(await appealCaseColumns(client)), [
      '41',
      templateId,
      count,
      'g',
    ]);
    await client.query(
      `INSERT INTO case_incident (province_code, case_id, incident_id, filed_at, linked_at)
       SELECT c.province_code, c.id, $1::uuid, c.filed_at, now() FROM appeal_case c
        WHERE c.province_code = '41' AND c.id = ANY($2::uuid[])`,
      [incidentId, rows.map((row) => row.id)],
    );
    await client.query(
      `UPDATE mass_incident SET case_count = case_count + $2::int WHERE province_code = '41' AND id = $1::uuid`,
      [incidentId, count],
    );
  } finally {
    await client.end();
  }
}

describe('a group finding over 1,000 cases', () => {
  beforeAll(async () => {
    await resetCaseData();
    const client = await rawClient();
    try {
      await client.query('TRUNCATE mass_incident, case_incident CASCADE');
      await client.query('DELETE FROM incident_policy WHERE province_code IS NOT NULL');
      await client.query(
        `INSERT INTO incident_policy (province_code, version, threshold, window_hours, effective_from)
         VALUES ('41', 1, 2, 24, '2020-01-01T00:00:00Z')`,
      );
    } finally {
      await client.end();
    }
  });

  it('gives every case its own decision, audit event naming the incident, correction order and SMS, in seconds', async () => {
    const citizen = await createUser('CITIZEN');
    const filed = [];
    for (let i = 0; i < 2; i += 1) {
      const { case: one } = await submitAppeal(
        citizen,
        validFiling({
          issuingProvinceCode: '41',
          issuingUnitCode: '410100',
          statedReasonCode: 'NON_EPIDEMIC',
          idNumber: residentId('410104', '19900307', String(200 + i)),
          grounds: 'NON_EPIDEMIC_REASON',
          // The second asks for interim relief at filing: the decision ends it like a reviewer's decision would.
          ...(i === 1 ? { reliefReason: 'WORK' as const, reliefDetail: null } : {}),
        }),
      );
      filed.push(one);
    }
    const incident = await prisma().massIncident.findFirstOrThrow();
    const reliefBefore = await prisma().interimRelief.findFirstOrThrow({ where: { caseId: filed[1]!.id } });
    await cloneIntoIncident(filed[0]!.id, incident.id, GROUP - filed.length);
    const members = await prisma().caseIncident.findMany({ where: { provinceCode: '41', incidentId: incident.id } });
    expect(members).toHaveLength(GROUP);
    const caseIds = members.map((member) => member.caseId);

    const supervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
    const reasons = '经核查，该批红码系以与疫情防控无关的理由赋码，依法撤销，恢复绿码。';
    const started = performance.now();
    const result = await decideIncident(supervisor, {
      provinceCode: '41',
      incidentId: incident.id,
      caseIds,
      outcome: 'REVOKED',
      ruleCode: 'NON_EPIDEMIC',
      reasons,
    });
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `group finding over ${GROUP} cases: ${seconds.toFixed(2)} s in all ` +
        `(transaction ${(result.timings.transactionMs / 1000).toFixed(2)} s, notifications ${(result.timings.notifyMs / 1000).toFixed(2)} s)`,
    );
    expect(result.caseIds).toHaveLength(GROUP);

    const cases = await prisma().case.findMany({ where: { provinceCode: '41', id: { in: caseIds } } });
    expect(cases.every((one) => one.state === 'DECIDED' && one.version === 2)).toBe(true);
    const decisions = await prisma().decision.findMany({ where: { provinceCode: '41', caseId: { in: caseIds } } });
    expect(decisions).toHaveLength(GROUP);
    expect(new Set(decisions.map((decision) => decision.caseId)).size).toBe(GROUP);
    for (const decision of decisions)
      expect(decision).toMatchObject({
        level: 'FIRST',
        outcome: 'REVOKED',
        incidentId: incident.id,
        decidedById: supervisor.id,
        reasons,
      });
    const decisionOf = new Map(decisions.map((decision) => [decision.caseId, decision.id]));

    const events = await prisma().auditEvent.findMany({
      where: { chain: '41', action: 'CASE_DECIDED_AS_GROUP' },
      orderBy: { seq: 'asc' },
    });
    expect(events).toHaveLength(GROUP);
    expect(new Set(events.map((event) => event.caseId))).toEqual(new Set(caseIds));
    for (const event of events) {
      expect(event).toMatchObject({ actorId: supervisor.id, actorRole: 'SUPERVISOR' });
      expect(event.after).toMatchObject({ incidentId: incident.id, outcome: 'REVOKED', state: 'DECIDED' });
    }

    const orders = await prisma().outboxEvent.findMany({
      where: { kind: 'CORRECTION_ORDER', caseId: { in: caseIds } },
    });
    expect(orders).toHaveLength(GROUP);
    for (const order of orders)
      expect(order.payload).toMatchObject({ toColour: 'GREEN', decisionId: decisionOf.get(order.caseId!) });
    const statusEvents = await prisma().outboxEvent.count({
      where: { kind: 'STATUS_CHANGED', caseId: { in: caseIds } },
    });
    // The two real filings each wrote one at filing too (SUBMITTED): the decision wrote one per case.
    expect(statusEvents).toBeGreaterThanOrEqual(GROUP);

    const told = await prisma().notification.findMany({
      where: { provinceCode: '41', template: 'CASE_DECIDED', caseId: { in: caseIds } },
    });
    expect(told).toHaveLength(GROUP);
    expect(new Set(told.map((one) => one.caseId)).size).toBe(GROUP);
    expect(told.every((one) => one.channel === 'SMS' && one.recipientMobile)).toBe(true);

    // Interim relief open at the decision: made permanent when in force, lapsed when still only asked for (SPEC §15).
    const reliefAfter = await prisma().interimRelief.findFirstOrThrow({ where: { id: reliefBefore.id } });
    expect(reliefAfter.status).toBe(reliefBefore.status === 'GRANTED' ? 'PERMANENT' : 'LAPSED');
    expect(reliefAfter.endCause).toBe('DECISION_CORRECTS');

    const verified = await verifyAuditChains(process.env.DATABASE_URL!);
    expect(verified.intact).toBe(true);
  }, 300_000);
});
