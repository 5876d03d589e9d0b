// What supervisors read about mass incidents (SPEC §12, §16): the open incidents of their scope with their growth
// (board and analytics), and one incident with its cases, decisions and correction orders (the incident page).
import 'server-only';
import { prisma, Prisma, sqlRows } from '@/lib/db/client';
import type { CaseState, CodeColour, DecisionOutcome } from '@/lib/db/generated/enums';
import type { Actor } from '@/lib/auth/actor';
import { divisionNames } from '@/lib/reference/divisions';
import { findCatalogueInForce } from '@/lib/reference/reason-catalogue';
import { RELIEF_CASE_STATES, reliefColoursFor } from '@/lib/cases/rules/interim-relief';
import { TRANSITIONS } from '@/lib/cases/rules/transitions';
import { scopeProvinceSql } from '@/lib/supervision/scope';
import { findIncidentInScope } from './find-incident';
import { mayHandleIncident, NO_VALID_REASON } from './incident-rules';

/** The open incidents the incidents page and analytics show at most (the most recently active first). */
const LIST_LIMIT = 50;
/** The deadline board's short list of them; the incidents page has the rest and the chart. */
export const BOARD_INCIDENT_ROWS = 5;
/** Hours of growth a chart shows, ending at the incident's last filing. */
const GROWTH_HOURS = 24;

export interface ReasonName {
  zh: string;
  en: string;
}

export interface IncidentSummary {
  id: string;
  provinceCode: string;
  provinceName: string;
  issuingUnitCode: string;
  issuingUnitName: string;
  reasonKey: string;
  /** Null for NO_VALID_REASON (the page names it itself). */
  reasonName: ReasonName | null;
  escalation: string;
  caseCount: number;
  firstFiledAt: Date;
  lastFiledAt: Date;
  detectedAt: Date;
  windowHours: number;
  threshold: number;
  /** Cases filed in the 24 hours up to the last filing. */
  lastDayCount: number;
}

interface IncidentRow {
  id: string;
  province_code: string;
  issuing_unit_code: string;
  reason_key: string;
  escalation: string;
  case_count: number;
  first_filed_at: Date;
  last_filed_at: Date;
  detected_at: Date;
  window_hours: number;
  threshold: number;
  last_day: number;
}

/** The names of the catalogue in force (its reasons are read once per process per version, reason-catalogue.ts). */
async function reasonNames(): Promise<Map<string, ReasonName>> {
  const { names } = await findCatalogueInForce();
  return new Map(names.map((reason) => [reason.code, { zh: reason.nameZh, en: reason.nameEn }]));
}

async function summarise(rows: IncidentRow[]): Promise<IncidentSummary[]> {
  if (rows.length === 0) return [];
  const [names, reasons] = await Promise.all([
    divisionNames(rows.flatMap((row) => [row.province_code, row.issuing_unit_code])),
    reasonNames(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    provinceCode: row.province_code,
    provinceName: names.get(row.province_code) ?? row.province_code,
    issuingUnitCode: row.issuing_unit_code,
    issuingUnitName: names.get(row.issuing_unit_code) ?? row.issuing_unit_code,
    reasonKey: row.reason_key,
    reasonName: row.reason_key === NO_VALID_REASON ? null : (reasons.get(row.reason_key) ?? null),
    escalation: row.escalation,
    caseCount: row.case_count,
    firstFiledAt: row.first_filed_at,
    lastFiledAt: row.last_filed_at,
    detectedAt: row.detected_at,
    windowHours: row.window_hours,
    threshold: row.threshold,
    lastDayCount: row.last_day,
  }));
}

const summaryColumns = Prisma.sql`i.id::text, i.province_code, i.issuing_unit_code, i.reason_key, i.escalation,
  i.case_count, i.first_filed_at, i.last_filed_at, i.detected_at, i.window_hours, i.threshold,
  (SELECT count(*)::int FROM case_incident ci
   WHERE ci.province_code = i.province_code AND ci.incident_id = i.id
     AND ci.filed_at > i.last_filed_at - ${GROWTH_HOURS} * interval '1 hour') AS last_day`;

/**
 * The open incidents of the supervisor's scope (a province, or every province), most recently active first, at most
 * `limit` of them, with how many there are.
 */
export async function listOpenIncidents(
  scope: Actor,
  limit = LIST_LIMIT,
): Promise<{ rows: IncidentSummary[]; total: number }> {
  const rows = await sqlRows<IncidentRow>(
    prisma,
    Prisma.sql`
    SELECT ${summaryColumns} FROM mass_incident i
    WHERE ${scopeProvinceSql(scope, 'i.province_code')} AND i.status = 'OPEN'
    ORDER BY i.last_filed_at DESC, i.id LIMIT ${limit}`,
  );
  // Counted only when the list is full (usually there are none or a few, and the list is the count).
  const [count] =
    rows.length < limit
      ? [{ n: rows.length }]
      : await sqlRows<{ n: number }>(
          prisma,
          Prisma.sql`
          SELECT count(*)::int AS n FROM mass_incident i
          WHERE ${scopeProvinceSql(scope, 'i.province_code')} AND i.status = 'OPEN'`,
        );
  return { rows: await summarise(rows), total: count?.n ?? 0 };
}

export interface IncidentCaseRow {
  id: string;
  reference: string;
  state: CaseState;
  colour: CodeColour;
  filedAt: Date;
  grounds: string;
  evidenceFiles: number;
  /** The group finding may decide it now (DECIDE_AS_GROUP's states). */
  decidable: boolean;
  /** The case's open request or relief in force (REQUESTED, GRANTED), if any. */
  reliefStatus: string | null;
  /** Group interim relief may be granted to it now (awaiting its first decision, a code to soften, none in force). */
  reliefPossible: boolean;
  decision: { outcome: DecisionOutcome; byIncident: boolean } | null;
  correction: { sentAt: Date | null; confirmedAt: Date | null; ordered: boolean };
}

export interface IncidentDetail extends IncidentSummary {
  /** Filings per hour over the last GROWTH_HOURS hours up to the last filing (the growth chart). */
  growth: { hour: Date; count: number }[];
  cases: IncidentCaseRow[];
  mayHandle: boolean;
  /** OPEN or CLOSED; closed with the time and the supervisor's reason. */
  status: string;
  closedAt: Date | null;
  closeReason: string | null;
  /** For the close form's version check. */
  version: number;
  decidedByIncident: number;
  correctionOrders: number;
  /** Catalogue rules a finding may rest on. */
  rules: { code: string; nameZh: string; nameEn: string }[];
}

/**
 * The cases among `cases` (code appeals) with a correction order. Orders are addressed to the issuing province's
 * system, which need not be the province holding the case: read apart from the cases, not joined with them, so each
 * query stays on its own shards on Citus (docs/scaling.md).
 */
async function casesWithCorrectionOrders(
  cases: readonly { id: string; issuing_province_code: string }[],
): Promise<Set<string>> {
  if (cases.length === 0) return new Set();
  const orders = await prisma.outboxEvent.findMany({
    where: {
      provinceCode: { in: [...new Set(cases.map((c) => c.issuing_province_code))] },
      caseId: { in: cases.map((c) => c.id) },
      kind: 'CORRECTION_ORDER',
    },
    select: { caseId: true },
    distinct: ['caseId'],
  });
  return new Set(orders.flatMap((order) => (order.caseId ? [order.caseId] : [])));
}

/** One incident, through the supervisor's scope (outside it: CaseNotFoundError, the page's 404). */
export async function getIncident(
  scope: Actor,
  key: { provinceCode: string; incidentId: string },
): Promise<IncidentDetail> {
  const incident = await findIncidentInScope(prisma, scope, key);
  const { provinceCode, id } = incident;
  const [[row], growth, cases, catalogue] = await Promise.all([
    sqlRows<IncidentRow>(
      prisma,
      Prisma.sql`
      SELECT ${summaryColumns} FROM mass_incident i WHERE i.province_code = ${provinceCode} AND i.id = ${id}::uuid`,
    ),
    sqlRows<{ hour: Date; count: number }>(
      prisma,
      Prisma.sql`
      SELECT date_trunc('hour', ci.filed_at) AS hour, count(*)::int AS count FROM case_incident ci
      WHERE ci.province_code = ${provinceCode} AND ci.incident_id = ${id}::uuid
        AND ci.filed_at > ${incident.lastFiledAt}::timestamptz - ${GROWTH_HOURS} * interval '1 hour'
      GROUP BY 1 ORDER BY 1`,
    ),
    sqlRows<{
      id: string;
      reference: string;
      state: CaseState;
      colour: CodeColour;
      filed_at: Date;
      grounds: string;
      evidence_files: number;
      outcome: DecisionOutcome | null;
      by_incident: boolean | null;
      correction_sent_at: Date | null;
      correction_confirmed_at: Date | null;
      issuing_province_code: string;
      relief_status: string | null;
    }>(
      prisma,
      Prisma.sql`
      SELECT c.id::text, c.reference, c.state::text AS state, c.colour::text AS colour, c.filed_at, c.grounds::text AS grounds,
        (SELECT count(*)::int FROM evidence e WHERE e.province_code = c.province_code AND e.case_id = c.id) AS evidence_files,
        d.outcome::text AS outcome, (d.incident_id = ${id}::uuid) AS by_incident,
        c.correction_sent_at, c.correction_confirmed_at, c.issuing_province_code,
        (SELECT r.status FROM interim_relief r WHERE r.province_code = c.province_code AND r.case_id = c.id
          AND r.status IN ('REQUESTED', 'GRANTED') LIMIT 1) AS relief_status
      FROM case_incident ci
      JOIN appeal_case c ON c.province_code = ci.province_code AND c.id = ci.case_id
      LEFT JOIN decision d ON d.province_code = c.province_code AND d.case_id = c.id AND d.level = 'FIRST'
      WHERE ci.province_code = ${provinceCode} AND ci.incident_id = ${id}::uuid
      ORDER BY ci.filed_at, c.id`,
    ),
    findCatalogueInForce(),
  ]);
  const ordered = await casesWithCorrectionOrders(cases);
  const [summary] = await summarise([row!]);
  const rules = catalogue.names;
  const decidableStates: readonly string[] = TRANSITIONS.DECIDE_AS_GROUP.from;
  const caseRows: IncidentCaseRow[] = cases.map((c) => ({
    id: c.id,
    reference: c.reference,
    state: c.state,
    colour: c.colour,
    filedAt: c.filed_at,
    grounds: c.grounds,
    evidenceFiles: c.evidence_files,
    decidable: decidableStates.includes(c.state),
    reliefStatus: c.relief_status,
    reliefPossible:
      RELIEF_CASE_STATES.includes(c.state) && reliefColoursFor(c.colour).length > 0 && c.relief_status !== 'GRANTED',
    decision: c.outcome ? { outcome: c.outcome, byIncident: c.by_incident === true } : null,
    correction: { sentAt: c.correction_sent_at, confirmedAt: c.correction_confirmed_at, ordered: ordered.has(c.id) },
  }));
  return {
    ...summary!,
    growth,
    cases: caseRows,
    mayHandle: mayHandleIncident(scope, incident),
    status: incident.status,
    closedAt: incident.closedAt,
    closeReason: incident.closeReason,
    version: incident.version,
    decidedByIncident: caseRows.filter((c) => c.decision?.byIncident).length,
    correctionOrders: caseRows.filter((c) => c.correction.ordered).length,
    rules,
  };
}
