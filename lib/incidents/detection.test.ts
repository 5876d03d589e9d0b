// Incident detection under load against a real PostgreSQL (SPEC §16): filings made in parallel as an incident opens
// all end in it (the key's lock in incident_filing_count), and what detection costs a filing on a province holding
// thousands of appeals of the same unit (printed, not asserted: the target is a few milliseconds).
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@/lib/audit/verify';
import { findCatalogueInForce } from '@/lib/reference/reason-catalogue';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { getPrisma } from '@/lib/db/client';
import { createUser, residentId, validFiling, type TestUser } from '@/test/support/fixtures';
import { rawClient, resetCaseData } from '@/test/support/db';
import { appealCaseColumns, cloneCasesStatement, runSql } from '@/test/support/incident-data';
import { insertGeneratedCases } from '@/test/support/queue-data';
import { detectIncident } from './detect-incident';

const prisma = () => getPrisma();

const sql = runSql;

let citizens: TestUser[] = [];
let sequence = 0;

function fileAgainst(unit: string, reason: string | null) {
  sequence += 1;
  return submitAppeal(
    citizens[sequence % citizens.length]!,
    validFiling({
      issuingProvinceCode: '41',
      issuingUnitCode: unit,
      statedReasonCode: reason,
      idNumber: residentId('410104', '19900307', String(100 + (sequence % 800))),
      grounds: 'NON_EPIDEMIC_REASON',
    }),
  );
}

class RollBack extends Error {}

beforeEach(async () => {
  await resetCaseData();
  await sql('TRUNCATE mass_incident, case_incident, incident_filing_count CASCADE');
  await sql('DELETE FROM incident_policy WHERE province_code IS NOT NULL');
  citizens = await Promise.all([1, 2, 3, 4].map(() => createUser('CITIZEN')));
});

describe('detection', () => {
  it('puts every filing made in parallel as the incident opens into that one incident', async () => {
    await sql(`INSERT INTO incident_policy (province_code, version, threshold, window_hours, effective_from)
               VALUES ('41', 1, 4, 24, '2020-01-01T00:00:00Z')`);
    // Two rounds of parallel filings: the threshold is crossed inside the first.
    const rounds = [8, 8];
    const filed: string[] = [];
    for (const size of rounds) {
      const results = await Promise.all(Array.from({ length: size }, () => fileAgainst('410100', 'NON_EPIDEMIC')));
      filed.push(...results.map((result) => result.case.id));
    }
    const incidents = await prisma().massIncident.findMany();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.caseCount).toBe(filed.length);
    const linked = await prisma().caseIncident.findMany({ where: { provinceCode: '41' } });
    expect(linked.map((link) => link.caseId).sort()).toEqual([...filed].sort());
    expect(linked.every((link) => link.incidentId === incidents[0]!.id)).toBe(true);
    expect(await prisma().auditEvent.count({ where: { action: 'INCIDENT_OPENED' } })).toBe(1);
    // The hour rows and the key row count every filing.
    const counts = await prisma().incidentFilingCount.findMany({ where: { provinceCode: '41' } });
    const keyRow = counts.find((row) => row.hourStart.getTime() === 0);
    expect(keyRow?.filings).toBe(filed.length);
    expect(counts.filter((row) => row.hourStart.getTime() !== 0).reduce((sum, row) => sum + row.filings, 0)).toBe(
      filed.length,
    );
    expect((await verifyAuditChains(process.env.DATABASE_URL!)).intact).toBe(true);
  }, 120_000);

  it('makes a filing that opens the incident wait for a filing still in flight, and takes it in', async () => {
    await sql(`INSERT INTO incident_policy (province_code, version, threshold, window_hours, effective_from)
               VALUES ('41', 1, 3, 24, '2020-01-01T00:00:00Z')`);
    const { case: first } = await fileAgainst('410100', 'NON_EPIDEMIC');
    const catalogue = await findCatalogueInForce(prisma());
    const client = await rawClient();
    const clone = cloneCasesStatement(await appealCaseColumns(client));
    await client.end();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inFlight!: string;
    let detectedInFlight: unknown;
    // A filing whose transaction stays open after detection (below the threshold: 2 of 3), as a slow filing's would.
    const slow = prisma().$transaction(
      async (tx) => {
        const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(clone, '41', first.id, 1, 'slow');
        inFlight = row!.id;
        detectedInFlight = await detectIncident(tx, { ...first, id: inFlight, filedAt: new Date() }, catalogue.reasons);
        await held;
      },
      { timeout: 30_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Meanwhile two more filings: the third of the window opens the incident.
    const later = (async () => [
      await fileAgainst('410100', 'NON_EPIDEMIC'),
      await fileAgainst('410100', 'NON_EPIDEMIC'),
    ])();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    release();
    await slow;
    const [second, third] = await later;
    expect(detectedInFlight).toBeNull();
    const incident = await prisma().massIncident.findFirstOrThrow();
    const members = await prisma().caseIncident.findMany({ where: { provinceCode: '41', incidentId: incident.id } });
    expect(members.map((member) => member.caseId).sort()).toEqual(
      [first.id, inFlight, second!.case.id, third!.case.id].sort(),
    );
    expect(incident.caseCount).toBe(4);
  }, 60_000);

  it('costs a filing little on a province with thousands of appeals of its unit (measured)', async () => {
    const client = await rawClient();
    const now = new Date();
    try {
      const reviewer = await createUser('REVIEWER', { provinceCode: '41', unitCode: '410100' });
      await insertGeneratedCases(client, {
        provinceCode: '41',
        count: 20_000,
        citizenId: citizens[0]!.id,
        reviewerIds: [reviewer.id],
        unitCodes: ['410100', '410200'],
        poolShare: 0.3,
        now,
        batch: 'detect',
      });
      // The generated appeals state no reason (NO_VALID_REASON): count them as filings would have.
      await client.query(
        `INSERT INTO incident_filing_count (province_code, issuing_unit_code, reason_key, hour_start, filings)
         SELECT province_code, issuing_unit_code, 'NO_VALID_REASON', date_bin('1 hour', filed_at, TIMESTAMPTZ 'epoch'), count(*)
           FROM appeal_case WHERE province_code = '41' AND type = 'CODE_APPEAL' GROUP BY 1, 2, 3, 4
         ON CONFLICT DO NOTHING`,
      );
      await client.query(
        `INSERT INTO incident_filing_count (province_code, issuing_unit_code, reason_key, hour_start, filings)
         SELECT province_code, issuing_unit_code, reason_key, TIMESTAMPTZ 'epoch', sum(filings)
           FROM incident_filing_count WHERE province_code = '41' GROUP BY 1, 2, 3`,
      );
      await client.query('ANALYZE appeal_case; ANALYZE incident_filing_count');
    } finally {
      await client.end();
    }
    const catalogue = await findCatalogueInForce(prisma());
    const template = await prisma().case.findFirstOrThrow({
      where: { provinceCode: '41', type: 'CODE_APPEAL', issuingUnitCode: '410100' },
    });
    /** Detection on `reason` against the busy unit, 200 times, each in a transaction rolled back; times in ms. */
    async function measure(reason: string | null, expected: 'none' | 'joined') {
      const times: number[] = [];
      const roundTrips: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        await prisma()
          .$transaction(async (tx) => {
            let started = performance.now();
            await tx.$queryRaw`SELECT 1`;
            roundTrips.push(performance.now() - started);
            started = performance.now();
            const detected = await detectIncident(
              tx,
              { ...template, statedReasonCode: reason, filedAt: new Date() },
              catalogue.reasons,
            );
            times.push(performance.now() - started);
            expect(detected === null ? 'none' : 'joined').toBe(expected);
            throw new RollBack();
          })
          .catch((error: unknown) => {
            if (!(error instanceof RollBack)) throw error;
          });
      }
      const at = (list: number[], p: number) =>
        [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))]!.toFixed(2);
      return `p50 ${at(times, 0.5)} ms, p95 ${at(times, 0.95)} ms (SELECT 1: p50 ${at(roundTrips, 0.5)} ms)`;
    }
    // A valid reason few others gave: the common filing, far below the threshold.
    const below = await measure('CLOSE_CONTACT', 'none');
    // The unit's open incident (thousands of appeals stating no reason): the filing joins it.
    const incidentId = crypto.randomUUID();
    await sql(
      `INSERT INTO mass_incident (id, province_code, issuing_unit_code, reason_key, escalation, status, case_count,
         first_filed_at, last_filed_at, detected_at, threshold, window_hours)
       VALUES ($1, '41', '410100', 'NO_VALID_REASON', 'PROVINCIAL', 'OPEN', 1, now(), now(), now(), 20, 24)`,
      [incidentId],
    );
    await sql(
      `UPDATE incident_filing_count SET open_incident_id = $1 WHERE province_code = '41' AND issuing_unit_code = '410100'
         AND reason_key = 'NO_VALID_REASON' AND hour_start = TIMESTAMPTZ 'epoch'`,
      [incidentId],
    ).catch(() => undefined);
    const joining = await measure(null, 'joined');
    console.info(
      `detection per filing, 20,000 appeals in the province:\n  below the threshold: ${below}\n  joining the open incident: ${joining}`,
    );
  }, 300_000);
});
