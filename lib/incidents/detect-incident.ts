// Mass-incident detection as each case arrives (SPEC §16), inside the filing transaction: a code appeal joins the
// open incident of its issuing unit and reason, or, when the unlinked appeals of that unit and reason within the
// policy's window reach its threshold, opens one with all of them. Cheap and exact by construction:
//   1. one upsert counts the filing in incident_filing_count (its hour's row and the key row) and so takes the key's
//      row lock until commit: filings of one unit and reason pass detection one at a time, and a filing that runs
//      alongside the one opening an incident waits for it, then sees it and joins it;
//   2. one statement reads the policy, the open incident and the window's filings from the hour rows (an upper bound);
//      only when that bound reaches the threshold does it count the unlinked appeals exactly (LIMIT threshold);
//   3. joining is one statement; only the filing that opens an incident does more (one statement linking the window).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '@/lib/audit/append';
import { Prisma, sqlRows, sqlRun, type TransactionClient } from '@/lib/db/client';
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
  /** Unlinked appeals of the window, bounded by the threshold; null when an incident is open or the hour rows say it cannot reach it. */
  recent: bigint | null;
  /** The key row's open incident, read under its lock (only when the statement counted the filing). */
  hint: string | null;
  /** Whether the statement's reads are current for the key (see probe). */
  fresh: boolean;
}

/** The key row of incident_filing_count (its hour_start): the key's total, and the lock each filing takes. */
export const KEY_ROW = new Date(0);
const HOUR_MS = 3600_000;

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

/**
 * Sets (open) or clears (when it names `incidentId`) the key row's open incident. Either way it writes the key row and
 * so takes the key's lock until commit, as a filing does.
 */
export async function markOpenIncident(
  tx: TransactionClient,
  key: { provinceCode: string; issuingUnitCode: string; reasonKey: string },
  incidentId: string,
  open: boolean,
): Promise<void> {
  await sqlRun(
    tx,
    Prisma.sql`
    UPDATE incident_filing_count
    SET open_incident_id = CASE WHEN ${open} THEN ${incidentId}::uuid
                                WHEN open_incident_id = ${incidentId}::uuid THEN NULL ELSE open_incident_id END
    WHERE province_code = ${key.provinceCode} AND issuing_unit_code = ${key.issuingUnitCode}
      AND reason_key = ${key.reasonKey} AND hour_start = ${KEY_ROW}`,
  );
}

/**
 * One statement: the policy in force, the open incident of the key, and (only without one, and only when the hour
 * rows of the window reach the threshold) the exact count of the window's unlinked appeals, bounded by the threshold.
 * The window has no upper end: a filing stamped a moment after this one may have committed before it (filings are
 * stamped when they start) and belongs to the incident this one opens.
 *
 * With `counting` (the filing's first statement) it also counts the filing in its hour's row and the key's row, which
 * takes the key's row lock until commit. The statement's reads use the snapshot taken before any wait for that lock;
 * `fresh` says whether they are current for the key: no other filing of the key (and no open or close, which set the
 * key row's incident) committed in between, i.e. the key row went from what the snapshot saw to one more filing.
 */
async function probe(tx: TransactionClient, key: DetectionKey, counting: boolean): Promise<Probe> {
  const { filed } = key;
  const hourStart = new Date(Math.floor(filed.filedAt.getTime() / HOUR_MS) * HOUR_MS);
  const keyRow = Prisma.sql`province_code = ${filed.provinceCode} AND issuing_unit_code = ${filed.issuingUnitCode}
    AND reason_key = ${key.reasonKey}`;
  const count = counting
    ? Prisma.sql`, seen AS (
        SELECT filings, open_incident_id FROM incident_filing_count WHERE ${keyRow} AND hour_start = ${KEY_ROW}
      ), counted AS (
        INSERT INTO incident_filing_count (province_code, issuing_unit_code, reason_key, hour_start, filings)
        VALUES (${filed.provinceCode}, ${filed.issuingUnitCode}, ${key.reasonKey}, ${KEY_ROW}, 1),
               (${filed.provinceCode}, ${filed.issuingUnitCode}, ${key.reasonKey}, ${hourStart}, 1)
        ON CONFLICT (province_code, issuing_unit_code, reason_key, hour_start)
        DO UPDATE SET filings = incident_filing_count.filings + 1
        RETURNING hour_start, filings, open_incident_id
      )`
    : Prisma.empty;
  const counted = counting
    ? Prisma.sql`(SELECT open_incident_id FROM counted WHERE hour_start = ${KEY_ROW})::text AS hint,
        COALESCE((SELECT (c.filings = COALESCE(s.filings, 0) + 1 AND c.open_incident_id IS NOT DISTINCT FROM s.open_incident_id)
          FROM counted c LEFT JOIN seen s ON TRUE WHERE c.hour_start = ${KEY_ROW}), FALSE) AS fresh`
    : Prisma.sql`NULL::text AS hint, TRUE AS fresh`;
  const [row] = await sqlRows<Probe>(
    tx,
    Prisma.sql`
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
      SELECT id FROM mass_incident WHERE ${keyRow} AND status = 'OPEN'
    ), bound AS (
      -- The hours that overlap the window (one more than it spans): at least the window's filings (this one's own
      -- increment is not in the statement's snapshot when it counts it).
      SELECT COALESCE(sum(f.filings), 0) + ${counting ? 1 : 0}::int AS filings FROM incident_filing_count f
      WHERE f.province_code = ${filed.provinceCode} AND f.issuing_unit_code = ${filed.issuingUnitCode}
        AND f.reason_key = ${key.reasonKey} AND f.hour_start > ${KEY_ROW}
        AND f.hour_start > ${filed.filedAt}::timestamptz - ((SELECT window_hours FROM policy) + 1) * interval '1 hour'
    )${count}
    SELECT (SELECT id FROM open_incident)::text AS incident_id, policy.threshold, policy.window_hours, ${counted},
      CASE WHEN EXISTS (SELECT 1 FROM open_incident) OR (SELECT filings FROM bound) < policy.threshold THEN NULL ELSE (
        SELECT count(*) FROM (
          SELECT 1 FROM appeal_case c
          WHERE c.province_code = ${filed.provinceCode} AND c.type = 'CODE_APPEAL'
            AND c.issuing_unit_code = ${filed.issuingUnitCode}
            AND c.filed_at > ${filed.filedAt}::timestamptz - (SELECT window_hours FROM policy) * interval '1 hour'
            AND ${reasonCondition(key)}
            AND NOT EXISTS (
              SELECT 1 FROM case_incident ci WHERE ci.province_code = c.province_code AND ci.case_id = c.id
            )
          LIMIT (SELECT threshold FROM policy)
        ) AS bounded
      ) END AS recent
    FROM policy`,
  );
  return row!;
}

/** Adds the case to an open incident; false when the incident is no longer open. */
async function join(tx: TransactionClient, filed: FiledCase, incidentId: string, now: Date): Promise<boolean> {
  const joined = await sqlRows<{ id: string }>(
    tx,
    Prisma.sql`
    WITH grown AS (
      UPDATE mass_incident
      SET case_count = case_count + 1, last_filed_at = GREATEST(last_filed_at, ${filed.filedAt}), version = version + 1
      WHERE province_code = ${filed.provinceCode} AND id = ${incidentId}::uuid AND status = 'OPEN'
      RETURNING id
    )
    INSERT INTO case_incident (province_code, case_id, incident_id, filed_at, linked_at)
    SELECT ${filed.provinceCode}, ${filed.id}::uuid, grown.id, ${filed.filedAt}, ${now} FROM grown
    RETURNING incident_id::text AS id`,
  );
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
  const linked = await sqlRows<{ case_id: string }>(
    tx,
    Prisma.sql`
    WITH members AS (
      SELECT c.id, c.filed_at FROM appeal_case c
      WHERE c.province_code = ${filed.provinceCode} AND c.type = 'CODE_APPEAL'
        AND c.issuing_unit_code = ${filed.issuingUnitCode}
        AND c.filed_at > ${filed.filedAt}::timestamptz - ${policy.windowHours}::int * interval '1 hour'
        AND ${reasonCondition(key)}
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
    RETURNING case_id::text`,
  );
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
  // One statement counts the filing, takes the key's lock and probes: enough below the threshold.
  const first = await probe(tx, key, true);
  // Once an incident is open the key row names it, and joining it is the only other statement.
  if (first.hint && (await join(tx, filed, first.hint, now))) return { incidentId: first.hint, opened: false };
  // Twice at most: with the key's lock held no other filing of the key can open the incident meanwhile, but a
  // backfill or repair outside filing could (the unique open key makes ours wait for it, then join it).
  for (let attempt = 0; attempt < 2; attempt += 1) {
    // The first statement's reads stand when they were current; otherwise (it waited for the key) read again.
    const found = attempt === 0 && first.fresh && !first.hint ? first : await probe(tx, key, false);
    if (found.incident_id) {
      if (await join(tx, filed, found.incident_id, now)) return { incidentId: found.incident_id, opened: false };
      // Closed meanwhile (a supervisor's close waits for no filing): count again, a new one may open (policy).
      continue;
    }
    if (Number(found.recent ?? 0) < found.threshold) return null;
    const incidentId = randomUUID();
    const policy = { threshold: found.threshold, windowHours: found.window_hours };
    const linked = await open(tx, key, policy, incidentId, now);
    if (linked > 0) {
      await markOpenIncident(tx, { ...filed, reasonKey }, incidentId, true);
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
