// Filing against a real PostgreSQL: routing, assignment, deadline, audit and notification in one transaction;
// idempotency; validation that writes nothing; concurrency; and an injected fault that must leave no trace.
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@/lib/audit/verify';
import { getPrisma } from '@/lib/db/client';
import { createUser, residentId, validFiling, type TestUser } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { IdempotencyConflictError, ValidationError } from '@/lib/core/errors';
import { setFaultPoint } from '@/lib/cases/engine/fault-points';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { moveCaseToProvince } from '@/lib/cases/engine/move-case';

const prisma = () => getPrisma();

async function counts() {
  const [cases, events, evidence, notifications] = await Promise.all([
    prisma().case.count(),
    prisma().auditEvent.count(),
    prisma().evidence.count(),
    prisma().notification.count(),
  ]);
  return { cases, events, evidence, notifications };
}

/** A real 4×4 PNG (evidence images are decoded and re-encoded to strip their metadata). */
const PNG = new Uint8Array(
  await sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } })
    .png()
    .toBuffer(),
);

describe('submitAppeal', () => {
  let citizen: TestUser;

  beforeEach(async () => {
    await resetCaseData();
    citizen = await createUser('CITIZEN');
  });
  afterEach(() => setFaultPoint('after-case-write', null));

  it('routes a code appeal to the issuing province, assigns it and writes deadline, audit and SMS together', async () => {
    const reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    const before = Date.now();
    const { case: filed, created } = await submitAppeal(
      citizen,
      validFiling({ issuingProvinceCode: '34', issuingUnitCode: '340100' }),
      [{ name: 'proof.png', bytes: PNG }],
    );
    expect(created).toBe(true);
    expect(filed.provinceCode).toBe('34');
    expect(filed.reference).toMatch(/^SS-34-\d{8}-\d{6}$/);
    expect(filed.state).toBe('ASSIGNED');
    expect(filed.assigneeId).toBe(reviewer.id);
    expect(filed.dueAt.getTime() - filed.filedAt.getTime()).toBe(24 * 3600 * 1000);
    expect(filed.filedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(filed.deadlineExplanation).toMatch(/提交 \+ 24 小时 → .* 到期/);
    expect(filed.idNumberCipher).not.toContain(residentId());
    expect(filed.idNumberMasked).toBe('3401**********' + residentId().slice(-4));
    const events = await prisma().auditEvent.findMany({ where: { caseId: filed.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['CASE_FILED', 'CASE_ASSIGNED']);
    expect(JSON.stringify(events.map((e) => [e.before, e.after, e.reason]))).not.toContain(residentId());
    expect(await prisma().evidence.count({ where: { caseId: filed.id } })).toBe(1);
    const sms = await prisma().smsMessage.findMany({ where: { to: '13912345678' } });
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain(filed.reference);
  });

  it('routes a recognition complaint to the refusing province and a yellow code gets 48 hours', async () => {
    const { case: filed } = await submitAppeal(
      citizen,
      validFiling({
        type: 'RECOGNITION_COMPLAINT',
        refusingProvinceCode: '31',
        colour: 'YELLOW',
        grounds: 'NOT_RECOGNISED',
        requestedOutcome: 'RECOGNISE',
      }),
    );
    expect(filed.provinceCode).toBe('31');
    expect(filed.state).toBe('SUBMITTED'); // nobody in Shanghai's pool: it waits unassigned
    expect(filed.assigneeId).toBeNull();
    expect(filed.dueAt.getTime() - filed.filedAt.getTime()).toBe(48 * 3600 * 1000);
  });

  it('flags prima facie overreach from the catalogue in force', async () => {
    const red = await submitAppeal(citizen, validFiling({ statedReasonCode: 'SPATIOTEMPORAL_COMPANION' }));
    expect(red.case.primaFacieOverreach).toBe(true);
    expect(red.case.overreachReason).toBe('COLOUR_ABOVE_MAXIMUM');
    const fair = await submitAppeal(citizen, validFiling({ statedReasonCode: 'CLOSE_CONTACT' }));
    expect(fair.case.primaFacieOverreach).toBe(false);
    const none = await submitAppeal(citizen, validFiling({ statedReasonCode: null }));
    expect(none.case.overreachReason).toBe('NO_REASON_STATED');
    const depositors = await submitAppeal(
      citizen,
      validFiling({ statedReasonCode: 'NON_EPIDEMIC', issuingProvinceCode: '41', issuingUnitCode: '410100' }),
    );
    expect(depositors.case.overreachReason).toBe('NON_EPIDEMIC_REASON');
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await counts();
    const wrongCheckDigit = residentId().slice(0, 17) + (residentId().endsWith('0') ? '1' : '0');
    const attempts: [Record<string, unknown>, string][] = [
      [{ idNumber: wrongCheckDigit }, 'idNumber'],
      [{ codeAssignedAt: new Date(Date.now() + 3600_000).toISOString() }, 'codeAssignedAt'],
      [{ codeAssignedAt: '2020-01-31T12:00:00+08:00' }, 'codeAssignedAt'],
      [{ mobile: '12345678901' }, 'mobile'],
      [{ issuingUnitCode: '349900' }, 'issuingUnitCode'],
      [{ statedReasonCode: 'MADE_UP' }, 'statedReasonCode'],
      [{ statement: 'x'.repeat(2001) }, 'statement'],
      [{ status: 'DECIDED' }, '_form'],
    ];
    for (const [override, field] of attempts) {
      const error = await submitAppeal(citizen, { ...validFiling(), ...override }).catch((e: unknown) => e);
      expect(error, JSON.stringify(override)).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
    }
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const evidenceError = await submitAppeal(citizen, validFiling(), [{ name: 'photo.png', bytes: exe }]).catch(
      (e: unknown) => e,
    );
    expect((evidenceError as ValidationError).fieldErrors).toEqual({ 'evidence.0': 'evidence.errors.typeNotAllowed' });
    expect(await counts()).toEqual(before);
  });

  it('files once for a double submit with one idempotency key, and refuses the key with other content', async () => {
    const filing = validFiling();
    const [a, b] = await Promise.all([submitAppeal(citizen, filing), submitAppeal(citizen, filing)]);
    expect(a.case.id).toBe(b.case.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await submitAppeal(citizen, filing);
    expect(again).toMatchObject({ created: false, case: { id: a.case.id } });
    await expect(submitAppeal(citizen, { ...filing, statement: `${filing.statement}（补充）` })).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    expect(await prisma().case.count()).toBe(1);
    expect(await prisma().auditEvent.count({ where: { action: 'CASE_FILED' } })).toBe(1);
  });

  it('holds the key across provinces: other content routed elsewhere is refused, and a transferred case is still found', async () => {
    const filing = validFiling();
    const { case: filed } = await submitAppeal(citizen, filing);
    // Same key, content that routes to Henan: a key unique only per province would have let this through.
    await expect(
      submitAppeal(citizen, { ...filing, issuingProvinceCode: '41', issuingUnitCode: '410100' }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    await prisma().$transaction((tx) => moveCaseToProvince(tx, filed, '41'));
    expect(await submitAppeal(citizen, filing)).toMatchObject({
      created: false,
      case: { id: filed.id, provinceCode: '41' },
    });
    expect(await prisma().case.count()).toBe(1);
  });

  it('100 parallel filings across two provinces give 100 cases, 100 references and two linear chains that verify', async () => {
    await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    await createUser('REVIEWER', { provinceCode: '41', unitCode: '410300' });
    const filings = Array.from({ length: 100 }, (_, i) =>
      i % 2 === 0 ? validFiling() : validFiling({ issuingProvinceCode: '41', issuingUnitCode: '410100' }),
    );
    const results = await Promise.all(filings.map((filing) => submitAppeal(citizen, filing)));
    expect(new Set(results.map((r) => r.case.reference)).size).toBe(100);
    expect(await prisma().case.count()).toBe(100);
    const verified = await verifyAuditChains(process.env.DATABASE_URL!);
    expect(verified.chains.filter((c) => c.broken)).toEqual([]);
    expect(verified.intact).toBe(true);
    expect(verified.chains.map((c) => c.chain)).toEqual(['34', '41']);
    // Each case: CASE_FILED + CASE_ASSIGNED, so each chain holds 100 events numbered 1..100, and one INCIDENT_OPENED:
    // 50 appeals against one unit for one reason in minutes are a mass incident (SPEC §16), opened once per province
    // however the filings race (filings running alongside the opening one may stay outside it: docs/incidents.md).
    expect(verified.chains.map((c) => c.intactThrough)).toEqual([101n, 101n]);
    const incidents = await prisma().massIncident.findMany({ orderBy: { provinceCode: 'asc' } });
    expect(incidents.map((i) => i.provinceCode)).toEqual(['34', '41']);
    for (const incident of incidents) {
      expect(incident.caseCount).toBeGreaterThanOrEqual(20);
      expect(await prisma().caseIncident.count({ where: { incidentId: incident.id } })).toBe(incident.caseCount);
    }
  }, 60_000);

  it('a fault after the case is written leaves no case, no event and no notification', async () => {
    await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
    const before = await counts();
    setFaultPoint('after-case-write', () => {
      throw new Error('injected fault');
    });
    await expect(submitAppeal(citizen, validFiling(), [{ name: 'a.png', bytes: PNG }])).rejects.toThrow(
      'injected fault',
    );
    expect(await counts()).toEqual(before);
    expect(await prisma().auditChainHead.count()).toBe(0);
  });
});
