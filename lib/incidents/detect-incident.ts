// Mass-incident detection as each case arrives (SPEC §16), inside the filing transaction: a code appeal joins the
// open incident of its issuing unit and reason, or, when the appeals of that unit and reason within the policy's
// window reach its threshold, opens one with all of them. Cheap by construction: one statement reads the policy, the
// open incident and a count bounded by the threshold (LIMIT) over appeal_case_incident_detect_idx; a second one links
// the case. Only the filing that opens an incident does more (one statement linking the window's cases). Known gap: a
// filing whose transaction runs alongside the one that opens the incident sees neither the incident nor (uncommitted)
// enough appeals, and stays outside it (docs/incidents.md).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '@/lib/audit/append';
import { Prisma, type TransactionClient } from '@/lib/db/client';
import type { CaseType } from '@/lib/db/generated/enums';
import {
  DEFAULT_INCIDENT_POLICY,
  escalationOf,
  NO_VALID_REASON,
  reasonCodesOf,
  reasonKeyOf,
  type ReasonValidityOf,
} from './incident-rules';

export interface FiledCase {
  id: string;
  provinceCode: string;
  type: CaseType;
  issuingUnitCode: string;
  statedReasonCode: string | null;
  filedAt: Date;
}

export interface DetectedIncident {
  incidentId: string;
  /** This filing crossed the threshold and opened the incident. */
  opened: boolean;
}

interface Probe {
  incident_id: string | null;
  threshold: number;
  window_hours: number;
  recent: bigint | null;
}

interface DetectionKey {
  filed: FiledCase;
  reasonKey: string;
  codes: string[];
  /** "None stated" (a null stated reason) belongs to the key too. */
  noneStated: boolean;
}

function reasonCondition({ codes, noneStated }: DetectionKey): Prisma.Sql {
  const listed = codes.length > 0 ? Prisma.sql`c.stated_reason_code IN (${Prisma.join(codes)})` : Prisma.sql`FALSE`;
  return noneStated ? Prisma.sql`(${listed} OR c.stated_reason_code IS NULL)` : listed;
}

/** One statement: the policy in force, the open incident of the key, and (only without one) the bounded count. */
async function probe(tx: TransactionClient, key: DetectionKey): Promise<Probe> {
  const { filed } = key;
  const [row] = await tx.$queryRaw<Probe[]>`
    WITH policy AS (
      SELECT COALESCE(p.threshold, ${DEFAULT_INCIDENT_POLICY.threshold}::int) AS threshold,
             COALESCE(p.window_hours, ${DEFAULT_INCIDENT_POLICY.windowHours}::int) AS window_hours
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (
        SELECT threshold, window_hours FROM incident_policy
        WHERE (province_code = ${filed.provinceCode} OR province_code IS NULL) AND effective_from <= ${filed.filedAt}
        ORDER BY province_code NULLS LAST, version DESC LIMIT 1
      ) AS p ON TRUE
    ), open_incident AS (
      SELECT id FROM mass_incident
      WHERE province_code = ${filed.provinceCode} AND issuing_unit_code = ${filed.issuingUnitCode}
        AND reason_key = ${key.reasonKey} AND status = 'OPEN'
    )
    SELECT (SELECT id FROM open_incident)::text AS incident_id, policy.threshold, policy.window_hours,
      CASE WHEN EXISTS (SELECT 1 FROM open_incident) THEN NULL ELSE (
        SELECT count(*) FROM (
          SELECT 1 FROM appeal_case c
          WHERE c.province_code = ${filed.provinceCode} AND c.type = 'CODE_APPEAL'
            AND c.issuing_unit_code = ${filed.issuingUnitCode}
            AND c.filed_at > ${filed.filedAt}::timestamptz - (SELECT window_hours FROM policy) * interval '1 hour'
            AND c.filed_at <= ${filed.filedAt} AND ${reasonCondition(key)}
          LIMIT (SELECT threshold FROM policy)
        ) AS bounded
      ) END AS recent
    FROM policy`;
  return row!;
}

/** Adds the case to an open incident; false when the incident is no longer open. */
async function join(tx: TransactionClient, filed: FiledCase, incidentId: string, now: Date): Promise<boolean> {
  const joined = await tx.$queryRaw<{ id: string }[]>`
    WITH grown AS (
      UPDATE mass_incident
      SET case_count = case_count + 1, last_filed_at = GREATEST(last_filed_at, ${filed.filedAt}), version = version + 1
      WHERE province_code = ${filed.provinceCode} AND id = ${incidentId}::uuid AND status = 'OPEN'
      RETURNING id
    )
    INSERT INTO case_incident (province_code, case_id, incident_id, filed_at, linked_at)
    SELECT ${filed.provinceCode}, ${filed.id}::uuid, grown.id, ${filed.filedAt}, ${now} FROM grown
    RETURNING incident_id::text AS id`;
  return joined.length > 0;
}

/**
 * Opens the incident with every unlinked appeal of the key in the window (the filing's own included). Returns the
 * number of cases linked: 0 when a concurrent filing opened it first (the unique open key) or when fewer than the
 * threshold are still unlinked.
 */
async function open(
  tx: TransactionClient,
  key: DetectionKey,
  policy: { threshold: number; windowHours: number },
  incidentId: string,
  now: Date,
): Promise<number> {
  const { filed } = key;
  const linked = await tx.$queryRaw<{ case_id: string }[]>`
    WITH members AS (
      SELECT c.id, c.filed_at FROM appeal_case c
      WHERE c.province_code = ${filed.provinceCode} AND c.type = 'CODE_APPEAL'
        AND c.issuing_unit_code = ${filed.issuingUnitCode}
        AND c.filed_at > ${filed.filedAt}::timestamptz - ${policy.windowHours}::int * interval '1 hour'
        AND c.filed_at <= ${filed.filedAt} AND ${reasonCondition(key)}
        AND NOT EXISTS (
          SELECT 1 FROM case_incident ci WHERE ci.province_code = c.province_code AND ci.case_id = c.id
        )
    ), created AS (
      INSERT INTO mass_incident (id, province_code, issuing_unit_code, reason_key, escalation, status, case_count,
        first_filed_at, last_filed_at, detected_at, threshold, window_hours)
      SELECT ${incidentId}::uuid, ${filed.provinceCode}, ${filed.issuingUnitCode}, ${key.reasonKey},
        ${escalationOf(filed.issuingUnitCode)}, 'OPEN', count(*), min(filed_at), max(filed_at), ${now},
        ${policy.threshold}::int, ${policy.windowHours}::int
      FROM members HAVING count(*) >= ${policy.threshold}::int
      ON CONFLICT (province_code, issuing_unit_code, reason_key) WHERE status = 'OPEN' DO NOTHING
      RETURNING id
    )
    INSERT INTO case_incident (province_code, case_id, incident_id, filed_at, linked_at)
    SELECT ${filed.provinceCode}, m.id, created.id, m.filed_at, ${now} FROM members m CROSS JOIN created
    RETURNING case_id::text`;
  return linked.length;
}

/**
 * Detects the incident a newly filed case belongs to, in the filing's transaction (after the case row is written).
 * Recognition complaints are about a refusal, not an assignment: they never form incidents.
 */
export async function detectIncident(
  tx: TransactionClient,
  filed: FiledCase,
  reasons: readonly ReasonValidityOf[],
  now: Date = filed.filedAt,
): Promise<DetectedIncident | null> {
  if (filed.type !== 'CODE_APPEAL') return null;
  const reasonKey = reasonKeyOf(filed.statedReasonCode, reasons);
  const key: DetectionKey = {
    filed,
    reasonKey,
    codes: reasonCodesOf(reasonKey, reasons),
    noneStated: reasonKey === NO_VALID_REASON,
  };
  // Twice at most: a concurrent filing may open the incident between this probe and our attempt to open it (the
  // unique open key makes ours wait for it, then join it).
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const found = await probe(tx, key);
    if (found.incident_id) {
      if (await join(tx, filed, found.incident_id, now)) return { incidentId: found.incident_id, opened: false };
      return null;
    }
    if (Number(found.recent ?? 0) < found.threshold) return null;
    const incidentId = randomUUID();
    const policy = { threshold: found.threshold, windowHours: found.window_hours };
    const linked = await open(tx, key, policy, incidentId, now);
    if (linked > 0) {
      await appendAuditEvent(tx, {
        chain: filed.provinceCode,
        actorId: null,
        actorRole: 'SYSTEM',
        // An event of the incident, not of a case (a case's history starts with its filing, which names the incident).
        caseId: null,
        action: 'INCIDENT_OPENED',
        after: {
          incidentId,
          openedBy: filed.id,
          issuingUnitCode: filed.issuingUnitCode,
          reasonKey,
          escalation: escalationOf(filed.issuingUnitCode),
          cases: linked,
          threshold: policy.threshold,
          windowHours: policy.windowHours,
        },
        occurredAt: now,
      });
      return { incidentId, opened: true };
    }
  }
  return null;
}
