// The mass-incident part of the benchmark (SPEC §16, docs/benchmarks.md): what detection adds to each filing, and a
// group finding over 1,000 cases. Called by run.ts on its loaded national data set; runs in process.
//   1. detection alone: detectIncident on real cases of the data set, each in a transaction rolled back afterwards
//      (so nothing changes), timed per call: the cost a filing pays for it;
//   2. 1,000 filings through submitAppeal against one unit for a non-epidemic reason (the Zhengzhou pattern): the
//      incident forms as they arrive;
//   3. the national supervisor's group finding over those 1,000 cases (decideIncident), timed to commit, then the
//      province's audit chain verified.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TRANSITIONS } from '@/lib/cases/rules/transitions';

export interface IncidentBenchResult {
  detection: { samples: number; p50: number; p95: number; max: number; roundTripP50: number; opened: number };
  filings: { count: number; seconds: number; incidentCases: number };
  groupDecision: {
    cases: number;
    /** To commit: decisions, audit events, correction orders and notification rows. */
    seconds: number;
    /** Then sending the SMS, one per citizen, through the provider. */
    notifySeconds: number;
    decisions: number;
    correctionOrders: number;
    chainIntact: boolean;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function benchIncidents(
  databaseUrl: string,
  options: { provinceCode: string; unitCode: string; groupSize?: number; samples?: number },
): Promise<IncidentBenchResult> {
  const groupSize = options.groupSize ?? 1000;
  const samples = options.samples ?? 500;
  const { getPrisma } = await import('@/lib/db/client');
  const { detectIncident } = await import('@/lib/incidents/detect-incident');
  const { findCatalogueInForce } = await import('@/lib/reference/reason-catalogue');
  const { submitAppeal } = await import('@/lib/cases/use-cases/submit-appeal');
  const { decideIncident } = await import('@/lib/incidents/decide-incident');
  const { verifyAuditChains } = await import('@/lib/audit/verify');
  const { computeResidentIdCheckDigit } = await import('@/lib/cases/rules/resident-id');
  const prisma = getPrisma();
  const catalogue = await findCatalogueInForce(prisma);

  // 1. Detection alone, on code appeals of the data set (their province, unit and reason), rolled back.
  const sampleCases = await prisma.case.findMany({
    where: { provinceCode: options.provinceCode, type: 'CODE_APPEAL' },
    take: samples,
    orderBy: { filedAt: 'desc' },
  });
  const times: number[] = [];
  const roundTrips: number[] = [];
  let opened = 0;
  for (const sample of sampleCases) {
    await prisma
      .$transaction(async (tx) => {
        // The machine's own round trip, for scale: detection is two statements.
        let started = performance.now();
        await tx.$queryRaw`SELECT 1`;
        roundTrips.push(performance.now() - started);
        started = performance.now();
        const detected = await detectIncident(tx, { ...sample, filedAt: new Date() }, catalogue.reasons);
        times.push(performance.now() - started);
        if (detected?.opened) opened += 1;
        throw new RollBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      });
  }
  times.sort((a, b) => a - b);
  roundTrips.sort((a, b) => a - b);

  // 2. A Zhengzhou-like incident forming as the filings arrive.
  const citizens = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      prisma.user.create({
        data: { role: 'CITIZEN', displayName: `bench incident ${i}`, mobile: `1770000${String(1000 + i)}` },
      }),
    ),
  );
  const codeAssignedAt = new Date(Date.now() - 6 * 3600_000).toISOString();
  const started = performance.now();
  for (let n = 0; n < groupSize; n += 1) {
    const first17 = `${options.unitCode.slice(0, 4)}0419900101${String(100 + (n % 800)).padStart(3, '0')}`;
    const citizen = citizens[n % citizens.length]!;
    await submitAppeal(
      { id: citizen.id, role: 'CITIZEN', provinceCode: null },
      {
        type: 'CODE_APPEAL',
        applicantName: '储户',
        idNumber: `${first17}${computeResidentIdCheckDigit(first17)}`,
        mobile: citizen.mobile!,
        colour: 'RED',
        codeAssignedAt,
        issuingProvinceCode: options.provinceCode,
        issuingUnitCode: options.unitCode,
        refusingProvinceCode: null,
        statedReasonCode: 'NON_EPIDEMIC',
        grounds: 'NON_EPIDEMIC_REASON',
        statement: '我是村镇银行储户，前往郑州维权时被赋红码，与疫情防控无关。',
        requestedOutcome: 'REVOKE',
        privacyNoticeAccepted: true,
        privacyNoticeVersion: '2026-01',
        idempotencyKey: randomUUID(),
      },
    );
  }
  const filingSeconds = (performance.now() - started) / 1000;
  const incident = await prisma.massIncident.findFirstOrThrow({
    where: { provinceCode: options.provinceCode, issuingUnitCode: options.unitCode, status: 'OPEN' },
    orderBy: { detectedAt: 'desc' },
  });
  const members = await prisma.caseIncident.findMany({
    where: { provinceCode: options.provinceCode, incidentId: incident.id },
    select: { caseId: true, appealCase: { select: { state: true } } },
  });
  const decidable = members
    .filter((m) => TRANSITIONS.DECIDE_AS_GROUP.from.includes(m.appealCase.state))
    .slice(0, groupSize)
    .map((m) => m.caseId);

  // 3. The group finding, by a national supervisor, timed to commit (SMS dispatch after commit included).
  const supervisor = await prisma.user.create({
    data: { role: 'SUPERVISOR', displayName: 'bench incident supervisor', username: `bench-incident-${randomUUID()}` },
  });
  const decided = await decideIncident(
    { id: supervisor.id, role: 'SUPERVISOR', provinceCode: null },
    {
      provinceCode: options.provinceCode,
      incidentId: incident.id,
      caseIds: decidable,
      outcome: 'REVOKED',
      ruleCode: 'NON_EPIDEMIC',
      reasons: '经核查，该批红码系以与疫情防控无关的理由赋码，依法撤销，恢复绿码。',
    },
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const {
    rows: [counts],
  } = await client.query<{ decisions: number; orders: number }>(
    `SELECT (SELECT count(*)::int FROM decision WHERE province_code = $1 AND incident_id = $2) AS decisions,
            (SELECT count(*)::int FROM outbox_event o JOIN decision d
               ON d.province_code = $1 AND d.incident_id = $2 AND (o.payload->>'decisionId')::uuid = d.id
             WHERE o.province_code = $1 AND o.kind = 'CORRECTION_ORDER') AS orders`,
    [options.provinceCode, incident.id],
  );
  await client.end();
  const chain = await verifyAuditChains(databaseUrl, { chain: options.provinceCode });
  return {
    detection: {
      samples: times.length,
      p50: round(percentile(times, 0.5)),
      p95: round(percentile(times, 0.95)),
      max: round(times.at(-1) ?? 0),
      roundTripP50: round(percentile(roundTrips, 0.5)),
      opened,
    },
    filings: { count: groupSize, seconds: round(filingSeconds), incidentCases: members.length },
    groupDecision: {
      cases: decided.caseIds.length,
      seconds: round(decided.timings.transactionMs / 1000),
      notifySeconds: round(decided.timings.notifyMs / 1000),
      decisions: counts?.decisions ?? 0,
      correctionOrders: counts?.orders ?? 0,
      chainIntact: chain.intact,
    },
  };
}

class RollBack extends Error {}

/** The rows run.ts prints. */
export function incidentRows(r: IncidentBenchResult): [string, string, string][] {
  return [
    [
      'incident detection per filing',
      `p50 ${r.detection.p50} ms, p95 ${r.detection.p95} ms, max ${r.detection.max} ms (${r.detection.samples} samples, ${r.detection.opened} opening an incident; one SELECT 1 round trip p50 ${r.detection.roundTripP50} ms)`,
      '≤ a few ms',
    ],
    [
      'filings forming one incident',
      `${r.filings.count} in ${r.filings.seconds} s (sequential, in process), ${r.filings.incidentCases} in the incident`,
      '—',
    ],
    [
      'group decision (1,000 cases)',
      `${r.groupDecision.cases} cases committed in ${r.groupDecision.seconds} s (SMS sent in ${r.groupDecision.notifySeconds} s more): ${r.groupDecision.decisions} decisions, ${r.groupDecision.correctionOrders} correction orders, chain ${r.groupDecision.chainIntact ? 'intact' : 'BROKEN'}`,
      'seconds',
    ],
  ];
}
