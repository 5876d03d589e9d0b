// Mass incidents against a real PostgreSQL (SPEC §16): detection inside the filing transaction (threshold, window,
// reason rules, provincial authorities to the national supervisors), and the group finding through the case engine
// (each case its own decision and audit event naming the incident, left-out cases untouched, scope = 404).
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@/lib/audit/verify';
import { getPrisma } from '@/lib/db/client';
import { CaseNotFoundError, ConflictError, RuleViolationError } from '@/lib/core/errors';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { createUser, residentId, validFiling, type TestUser } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { runSql } from '@/test/support/incident-data';
import { closeIncident } from './close-incident';
import { decideIncident } from './decide-incident';
import { grantReliefToIncident } from './grant-incident-relief';
import { getIncident } from './incident-views';

const prisma = () => getPrisma();

const sql = runSql;

/** A province's own policy: `threshold` appeals within `windowHours`. */
async function policy(provinceCode: string, threshold: number, windowHours: number) {
  await prisma().incidentPolicy.create({
    data: { provinceCode, version: 1, threshold, windowHours, effectiveFrom: new Date('2020-01-01T00:00:00Z') },
  });
}

let citizens: TestUser[] = [];
let sequence = 0;

/** A red-code appeal against `unit` of `province` for `reason`, filed now by the next test citizen. */
async function file(province: string, unit: string, reason: string | null) {
  sequence += 1;
  const citizen = citizens[sequence % citizens.length]!;
  const { case: filed } = await submitAppeal(
    citizen,
    validFiling({
      issuingProvinceCode: province,
      issuingUnitCode: unit,
      statedReasonCode: reason,
      idNumber: residentId(`${province}0104`, '19900307', String(100 + (sequence % 800))),
      grounds: 'NON_EPIDEMIC_REASON',
    }),
  );
  return filed;
}

const linkOf = (caseId: string) => prisma().caseIncident.findFirst({ where: { caseId } });

beforeEach(async () => {
  await resetCaseData();
  await sql('TRUNCATE mass_incident, case_incident, incident_filing_count CASCADE');
  await sql('DELETE FROM incident_policy WHERE province_code IS NOT NULL');
  citizens = [await createUser('CITIZEN'), await createUser('CITIZEN'), await createUser('CITIZEN')];
});

describe('detection as cases arrive', () => {
  it('opens an incident when the threshold is reached, with every appeal of the window, and grows it', async () => {
    await policy('41', 3, 2);
    const first = await file('41', '410100', 'NON_EPIDEMIC');
    const second = await file('41', '410100', 'NON_EPIDEMIC');
    expect(await prisma().massIncident.count()).toBe(0);
    expect(await linkOf(first.id)).toBeNull();

    const third = await file('41', '410100', 'NON_EPIDEMIC');
    const incident = await prisma().massIncident.findFirstOrThrow();
    expect(incident).toMatchObject({
      provinceCode: '41',
      issuingUnitCode: '410100',
      reasonKey: 'NO_VALID_REASON',
      escalation: 'PROVINCIAL',
      status: 'OPEN',
      caseCount: 3,
      threshold: 3,
      windowHours: 2,
    });
    for (const filed of [first, second, third]) expect((await linkOf(filed.id))?.incidentId).toBe(incident.id);
    const opened = await prisma().auditEvent.findMany({ where: { action: 'INCIDENT_OPENED' } });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ chain: '41', caseId: null, actorRole: 'SYSTEM' });
    expect(opened[0]!.after).toMatchObject({
      incidentId: incident.id,
      openedBy: third.id,
      cases: 3,
      escalation: 'PROVINCIAL',
    });
    const filedEvent = await prisma().auditEvent.findFirstOrThrow({
      where: { caseId: third.id, action: 'CASE_FILED' },
    });
    expect(filedEvent.after).toMatchObject({ incidentId: incident.id });

    const fourth = await file('41', '410100', 'NON_EPIDEMIC');
    expect((await linkOf(fourth.id))?.incidentId).toBe(incident.id);
    expect((await prisma().massIncident.findFirstOrThrow()).caseCount).toBe(4);
    expect(await prisma().massIncident.count()).toBe(1);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it('uses the national default (20 in 24 hours) where a province has no policy of its own', async () => {
    for (let i = 0; i < 19; i += 1) await file('42', '420100', 'NON_EPIDEMIC');
    expect(await prisma().massIncident.count()).toBe(0);
    await file('42', '420100', 'NON_EPIDEMIC');
    expect(await prisma().massIncident.findFirstOrThrow()).toMatchObject({ caseCount: 20, threshold: 20 });
  });

  it('counts only appeals within the window', async () => {
    await policy('41', 3, 2);
    const old = [await file('41', '410100', 'NON_EPIDEMIC'), await file('41', '410100', 'NON_EPIDEMIC')];
    // A constant, not filed_at - interval: Citus refuses a STABLE function of a column in an UPDATE (test:citus).
    await sql(`UPDATE appeal_case SET filed_at = $2 WHERE province_code = '41' AND id = ANY($1::uuid[])`, [
      old.map((c) => c.id),
      new Date(Date.now() - 3 * 3600_000),
    ]);
    await file('41', '410100', 'NON_EPIDEMIC');
    await file('41', '410100', 'NON_EPIDEMIC');
    expect(await prisma().massIncident.count()).toBe(0);
    const third = await file('41', '410100', 'NON_EPIDEMIC');
    const incident = await prisma().massIncident.findFirstOrThrow();
    expect(incident.caseCount).toBe(3);
    expect((await linkOf(third.id))?.incidentId).toBe(incident.id);
    for (const filed of old) expect(await linkOf(filed.id)).toBeNull();
  });

  it('groups "no reason stated", a missing reason and non-epidemic reasons together, and nothing else', async () => {
    await policy('41', 3, 2);
    await file('41', '410100', 'NO_REASON_STATED');
    await file('41', '410100', null);
    // Another reason, another unit, another province, and a recognition complaint: none of them counts.
    await file('41', '410100', 'CLOSE_CONTACT');
    await file('41', '410200', 'NON_EPIDEMIC');
    await file('42', '420100', 'NON_EPIDEMIC');
    expect(await prisma().massIncident.count()).toBe(0);
    const third = await file('41', '410100', 'NON_EPIDEMIC');
    const incident = await prisma().massIncident.findFirstOrThrow();
    expect(incident).toMatchObject({ issuingUnitCode: '410100', reasonKey: 'NO_VALID_REASON', caseCount: 3 });
    expect((await linkOf(third.id))?.incidentId).toBe(incident.id);

    // A valid stated reason forms its own incidents, by its own code.
    await file('41', '410100', 'CLOSE_CONTACT');
    await file('41', '410100', 'CLOSE_CONTACT');
    const contacts = await prisma().massIncident.findFirstOrThrow({ where: { reasonKey: 'CLOSE_CONTACT' } });
    expect(contacts.caseCount).toBe(3);
  });

  it('sends an incident against a provincial-level authority to the national supervisors', async () => {
    await policy('31', 2, 2);
    // Shanghai's city-level division is the municipality's own government.
    await file('31', '310100', 'NON_EPIDEMIC');
    await file('31', '310100', 'NON_EPIDEMIC');
    const incident = await prisma().massIncident.findFirstOrThrow();
    expect(incident.escalation).toBe('NATIONAL');
    const cases = await prisma().caseIncident.findMany({ where: { incidentId: incident.id } });

    const provincial = await createUser('SUPERVISOR', { provinceCode: '31' });
    const finding = {
      provinceCode: '31',
      incidentId: incident.id,
      caseIds: cases.map((c) => c.caseId),
      outcome: 'REVOKED' as const,
      ruleCode: 'NON_EPIDEMIC',
      reasons: '赋码理由与疫情防控无关，依法撤销红码并恢复绿码。',
    };
    await expect(decideIncident(provincial, finding)).rejects.toMatchObject({
      messageKey: 'errors.incidentNationalOnly',
    });
    expect(await prisma().decision.count()).toBe(0);
    const national = await createUser('SUPERVISOR', { provinceCode: null });
    const decided = await decideIncident(national, finding);
    expect(decided.caseIds).toHaveLength(2);
  });
});

describe('the group finding', () => {
  const reasons = '经核查，该批红码系以与疫情防控无关的理由赋码，依法撤销，恢复绿码。';

  async function incidentOf(size: number) {
    await policy('41', size, 2);
    const filed = [];
    for (let i = 0; i < size; i += 1) filed.push(await file('41', '410100', 'NON_EPIDEMIC'));
    const incident = await prisma().massIncident.findFirstOrThrow();
    return { incident, filed };
  }

  it('decides each selected case on its own, naming the incident, and leaves the others untouched', async () => {
    const { incident, filed } = await incidentOf(5);
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
    const [leftOut, ...selected] = filed;
    const leftOutBefore = await prisma().case.findFirstOrThrow({ where: { id: leftOut!.id } });

    const result = await decideIncident(supervisor, {
      provinceCode: '41',
      incidentId: incident.id,
      caseIds: selected.map((c) => c.id),
      outcome: 'REVOKED',
      ruleCode: 'NON_EPIDEMIC',
      reasons,
    });
    expect(result.caseIds.sort()).toEqual(selected.map((c) => c.id).sort());

    for (const one of selected) {
      const after = await prisma().case.findFirstOrThrow({ where: { id: one.id } });
      expect(after.state).toBe('DECIDED');
      const decisions = await prisma().decision.findMany({ where: { caseId: one.id } });
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({
        level: 'FIRST',
        outcome: 'REVOKED',
        incidentId: incident.id,
        decidedById: supervisor.id,
        reasons,
      });
      const events = await prisma().auditEvent.findMany({ where: { caseId: one.id, action: 'CASE_DECIDED_AS_GROUP' } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ chain: '41', actorId: supervisor.id, actorRole: 'SUPERVISOR' });
      expect(events[0]!.after).toMatchObject({ incidentId: incident.id, outcome: 'REVOKED', correctionOrdered: true });
      const orders = await prisma().outboxEvent.findMany({ where: { caseId: one.id, kind: 'CORRECTION_ORDER' } });
      expect(orders).toHaveLength(1);
      expect(orders[0]!.payload).toMatchObject({ toColour: 'GREEN', decisionId: decisions[0]!.id });
      const told = await prisma().notification.findMany({ where: { caseId: one.id, template: 'CASE_DECIDED' } });
      expect(told).toHaveLength(1);
    }
    const leftOutAfter = await prisma().case.findFirstOrThrow({ where: { id: leftOut!.id } });
    expect(leftOutAfter).toEqual(leftOutBefore);
    expect(await prisma().decision.count({ where: { caseId: leftOut!.id } })).toBe(0);
    expect(await prisma().outboxEvent.count({ where: { caseId: leftOut!.id, kind: 'CORRECTION_ORDER' } })).toBe(0);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);

    // The incident page: each case's decision and whether its correction was ordered (read from the issuing
    // province's outbox, apart from the cases).
    const page = await getIncident(supervisor, { provinceCode: '41', incidentId: incident.id });
    expect(page.decidedByIncident).toBe(selected.length);
    expect(page.correctionOrders).toBe(selected.length);
    const rowOf = (id: string) => page.cases.find((row) => row.id === id);
    expect(rowOf(leftOut!.id)).toMatchObject({ decision: null, decidable: true, correction: { ordered: false } });
    for (const one of selected)
      expect(rowOf(one.id)).toMatchObject({
        decision: { outcome: 'REVOKED', byIncident: true },
        correction: { ordered: true },
      });
  });

  it('answers another province\'s supervisor and a reviewer "not found" and changes nothing', async () => {
    const { incident, filed } = await incidentOf(3);
    const input = {
      provinceCode: '41',
      incidentId: incident.id,
      caseIds: filed.map((c) => c.id),
      outcome: 'REVOKED' as const,
      ruleCode: 'NON_EPIDEMIC',
      reasons,
    };
    const eventsBefore = await prisma().auditEvent.count();
    const outsider = await createUser('SUPERVISOR', { provinceCode: '34' });
    await expect(decideIncident(outsider, input)).rejects.toBeInstanceOf(CaseNotFoundError);
    const reviewer = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410200' });
    await expect(decideIncident(reviewer, input)).rejects.toBeInstanceOf(CaseNotFoundError);
    // The province in the key is the incident's own: another province's key finds nothing, even for a national supervisor.
    const national = await createUser('SUPERVISOR', { provinceCode: null });
    await expect(decideIncident(national, { ...input, provinceCode: '34' })).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await prisma().decision.count()).toBe(0);
    expect(await prisma().auditEvent.count()).toBe(eventsBefore);
    expect(await prisma().case.count({ where: { state: 'DECIDED' } })).toBe(0);
  });

  it('refuses the whole group when a selected case is not in the incident or was decided meanwhile', async () => {
    const { incident, filed } = await incidentOf(3);
    const stranger = await file('41', '410200', 'CLOSE_CONTACT');
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
    const input = {
      provinceCode: '41',
      incidentId: incident.id,
      caseIds: [...filed.map((c) => c.id), stranger.id],
      outcome: 'REVOKED' as const,
      ruleCode: 'NON_EPIDEMIC',
      reasons,
    };
    await expect(decideIncident(supervisor, input)).rejects.toBeInstanceOf(RuleViolationError);
    expect(await prisma().decision.count()).toBe(0);

    await decideIncident(supervisor, { ...input, caseIds: [filed[0]!.id] });
    await expect(decideIncident(supervisor, { ...input, caseIds: filed.map((c) => c.id) })).rejects.toMatchObject({
      messageKey: 'errors.incidentSelectionChanged',
    });
    expect(await prisma().decision.count()).toBe(1);
  });

  it('refuses a finding the catalogue does not allow, for the whole group', async () => {
    const { incident, filed } = await incidentOf(3);
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
    await expect(
      decideIncident(supervisor, {
        provinceCode: '41',
        incidentId: incident.id,
        caseIds: filed.map((c) => c.id),
        outcome: 'UPHELD',
        ruleCode: 'NON_EPIDEMIC',
        reasons,
      }),
    ).rejects.toMatchObject({ messageKey: 'errors.ruleNotValidBasis' });
    expect(await prisma().decision.count()).toBe(0);
    expect(await prisma().case.count({ where: { state: 'DECIDED' } })).toBe(0);
  });
});

describe('closing an incident', () => {
  const reason = '事件已处理完毕，相关案件均已作出决定。';

  it('closes it with a reason, audited; later matching appeals count afresh and open a new one', async () => {
    await policy('41', 3, 2);
    const first = [];
    for (let i = 0; i < 3; i += 1) first.push(await file('41', '410100', 'NON_EPIDEMIC'));
    const incident = await prisma().massIncident.findFirstOrThrow();
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
    const key = { provinceCode: '41', incidentId: incident.id };

    await expect(
      closeIncident(supervisor, { ...key, expectedVersion: incident.version + 1, reason }),
    ).rejects.toBeInstanceOf(ConflictError);
    const closed = await closeIncident(supervisor, { ...key, expectedVersion: incident.version, reason });
    expect(closed).toMatchObject({ status: 'CLOSED', closedById: supervisor.id, closeReason: reason });
    expect(closed.closedAt).toBeInstanceOf(Date);
    const events = await prisma().auditEvent.findMany({ where: { action: 'INCIDENT_CLOSED' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ chain: '41', actorId: supervisor.id, actorRole: 'SUPERVISOR', reason });
    expect(events[0]!.after).toMatchObject({ incidentId: incident.id, status: 'CLOSED' });
    await expect(closeIncident(supervisor, { ...key, expectedVersion: closed.version, reason })).rejects.toMatchObject({
      messageKey: 'errors.incidentClosed',
    });

    // The page shows it closed; the board no longer lists it.
    const page = await getIncident(supervisor, key);
    expect(page).toMatchObject({ status: 'CLOSED', closeReason: reason });

    // Two new appeals stay outside (the closed incident's three are not counted again); the third opens a new one.
    const later = [await file('41', '410100', 'NON_EPIDEMIC'), await file('41', '410100', 'NON_EPIDEMIC')];
    for (const one of later) expect(await linkOf(one.id)).toBeNull();
    const third = await file('41', '410100', 'NON_EPIDEMIC');
    const reopened = await prisma().massIncident.findFirstOrThrow({ where: { status: 'OPEN' } });
    expect(reopened.id).not.toBe(incident.id);
    expect(reopened.caseCount).toBe(3);
    for (const one of [...later, third]) expect((await linkOf(one.id))?.incidentId).toBe(reopened.id);
    for (const one of first) expect((await linkOf(one.id))?.incidentId).toBe(incident.id);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });

  it('answers outsiders "not found", refuses a provincial supervisor a national incident, changes nothing', async () => {
    await policy('31', 2, 2);
    await file('31', '310100', 'NON_EPIDEMIC');
    await file('31', '310100', 'NON_EPIDEMIC');
    const incident = await prisma().massIncident.findFirstOrThrow();
    const input = { provinceCode: '31', incidentId: incident.id, expectedVersion: incident.version, reason };
    await expect(closeIncident(await createUser('SUPERVISOR', { provinceCode: '34' }), input)).rejects.toBeInstanceOf(
      CaseNotFoundError,
    );
    await expect(
      closeIncident(await createUser('REVIEWER', { provinceCode: '31', unitCode: '310100' }), input),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(closeIncident(await createUser('SUPERVISOR', { provinceCode: '31' }), input)).rejects.toMatchObject({
      messageKey: 'errors.incidentNationalOnly',
    });
    expect((await prisma().massIncident.findFirstOrThrow()).status).toBe('OPEN');
    expect(await prisma().auditEvent.count({ where: { action: 'INCIDENT_CLOSED' } })).toBe(0);
    const national = await createUser('SUPERVISOR', { provinceCode: null });
    expect((await closeIncident(national, input)).status).toBe('CLOSED');
  });
});

describe('group interim relief', () => {
  const reason = '同一机关以非疫情理由批量赋红码，先行临时转码以保障通行和就医。';

  it('grants each selected case its own relief, order and audit event naming the incident; a decision ends it', async () => {
    await policy('41', 3, 2);
    const filed = [];
    for (let i = 0; i < 3; i += 1) filed.push(await file('41', '410100', 'NON_EPIDEMIC'));
    const incident = await prisma().massIncident.findFirstOrThrow();
    const supervisor = await createUser('SUPERVISOR', { provinceCode: '41' });
    const [leftOut, ...selected] = filed;
    const input = {
      provinceCode: '41',
      incidentId: incident.id,
      caseIds: selected.map((c) => c.id),
      toColour: 'YELLOW' as const,
      reason,
    };
    await expect(
      grantReliefToIncident(await createUser('SUPERVISOR', { provinceCode: '34' }), input),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await prisma().interimRelief.count()).toBe(0);

    const result = await grantReliefToIncident(supervisor, input);
    expect(result.caseIds.sort()).toEqual(selected.map((c) => c.id).sort());
    for (const one of selected) {
      const reliefs = await prisma().interimRelief.findMany({ where: { caseId: one.id } });
      expect(reliefs).toHaveLength(1);
      expect(reliefs[0]).toMatchObject({
        status: 'GRANTED',
        reason: 'MASS_INCIDENT',
        toColour: 'YELLOW',
        decidedById: supervisor.id,
        decisionReason: reason,
      });
      expect(reliefs[0]!.expiresAt).toBeInstanceOf(Date);
      const orders = await prisma().outboxEvent.findMany({ where: { caseId: one.id, kind: 'INTERIM_RELIEF_ORDER' } });
      expect(orders).toHaveLength(1);
      expect(orders[0]!.id).toBe(reliefs[0]!.orderId);
      expect(orders[0]!.payload).toMatchObject({ action: 'GRANT', toColour: 'YELLOW', reliefId: reliefs[0]!.id });
      const events = await prisma().auditEvent.findMany({
        where: { caseId: one.id, action: 'INTERIM_RELIEF_GRANTED' },
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ chain: '41', actorId: supervisor.id });
      expect(events[0]!.after).toMatchObject({ incidentId: incident.id, toColour: 'YELLOW' });
      expect(await prisma().notification.count({ where: { caseId: one.id, template: 'INTERIM_RELIEF_GRANTED' } })).toBe(
        1,
      );
    }
    expect(await prisma().interimRelief.count({ where: { caseId: leftOut!.id } })).toBe(0);

    // Relief in force cannot be granted twice: the whole group is refused, nothing written.
    await expect(
      grantReliefToIncident(supervisor, { ...input, caseIds: filed.map((c) => c.id) }),
    ).rejects.toMatchObject({ messageKey: 'errors.reliefAlreadyOpen' });
    expect(await prisma().interimRelief.count()).toBe(2);

    // The group finding makes it permanent (SPEC §15), through the batch path.
    await decideIncident(supervisor, {
      provinceCode: '41',
      incidentId: incident.id,
      caseIds: selected.map((c) => c.id),
      outcome: 'REVOKED',
      ruleCode: 'NON_EPIDEMIC',
      reasons: '经核查，该批红码系以与疫情防控无关的理由赋码，依法撤销，恢复绿码。',
    });
    const ended = await prisma().interimRelief.findMany({ where: { caseId: { in: selected.map((c) => c.id) } } });
    expect(ended.map((r) => r.status)).toEqual(['PERMANENT', 'PERMANENT']);
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  });
});
