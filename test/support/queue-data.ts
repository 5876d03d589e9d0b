// Test support for the queue tests: thousands of cases written in one INSERT … SELECT over generate_series, with
// varied states, colours, grounds, units, overreach, pauses and deadlines (many deliberately tied to the hour).
import type pg from 'pg';
import { AppealGround } from '@/lib/db/generated/enums';

export interface GeneratedCases {
  provinceCode: string;
  count: number;
  citizenId: string;
  /** Reviewers the non-pool cases are spread over (ASSIGNED, IN_REVIEW, AWAITING_CITIZEN). */
  reviewerIds: string[];
  /** Issuing units (6-digit codes) the cases are spread over. */
  unitCodes: string[];
  /** Share of cases waiting unassigned in the pool (the rest: reviewers' work, decided and closed cases). */
  poolShare: number;
  now: Date;
  /** Keeps references unique across several calls. */
  batch: string;
}

/** Inserts the cases with a fixed random seed, so a run is reproducible. */
export async function insertGeneratedCases(client: pg.Client, spec: GeneratedCases): Promise<void> {
  await client.query('SELECT setseed(0.4242)');
  await client.query(
    `WITH catalogue AS (SELECT id FROM reason_catalogue_version ORDER BY version LIMIT 1),
     draws AS (
       SELECT g, random() AS r_state, random() AS r_colour, random() AS r_grounds, random() AS r_unit, random() AS r_over,
              random() AS r_filed, random() AS r_pause, random() AS r_reviewer
         FROM generate_series(1, $2::int) g
     ),
     shaped AS (
       SELECT d.*,
              CASE WHEN d.r_state < $6 THEN 'SUBMITTED'
                   WHEN d.r_state < $6 + (1 - $6) * 0.3 THEN 'ASSIGNED'
                   WHEN d.r_state < $6 + (1 - $6) * 0.55 THEN 'IN_REVIEW'
                   WHEN d.r_state < $6 + (1 - $6) * 0.8 THEN 'AWAITING_CITIZEN'
                   WHEN d.r_state < $6 + (1 - $6) * 0.9 THEN 'DECIDED'
                   ELSE 'CLOSED' END AS state,
              CASE WHEN d.r_colour < 0.5 THEN 'RED' WHEN d.r_colour < 0.95 THEN 'YELLOW' ELSE 'GREEN' END AS colour,
              -- Filed within the last 4 days, on the hour for a third of them (equal deadlines test the id tie-break).
              CASE WHEN d.g % 3 = 0 THEN date_trunc('hour', $7::timestamptz - d.r_filed * interval '96 hours')
                   ELSE $7::timestamptz - d.r_filed * interval '96 hours' END AS filed_at
         FROM draws d
     ),
     timed AS (
       SELECT s.*,
              CASE WHEN s.colour = 'RED' THEN 24 ELSE 48 END AS hours,
              s.filed_at + (CASE WHEN s.colour = 'RED' THEN 24 ELSE 48 END) * interval '1 hour' AS due_at,
              s.filed_at + (CASE WHEN s.colour = 'RED' THEN 18 ELSE 36 END) * interval '1 hour' AS at_risk_at
         FROM shaped s
     )
     INSERT INTO appeal_case (
       id, province_code, reference, type, state, version, citizen_id, colour, code_assigned_at, issuing_province_code,
       issuing_unit_code, catalogue_version_id, grounds, statement, requested_outcome, privacy_notice_version,
       prima_facie_overreach, assignee_id, assigned_at, filed_at, due_at, allowed_ms, paused_since, deadline_inputs,
       deadline_explanation, at_risk_at, idempotency_key, payload_hash, updated_at)
     SELECT gen_random_uuid(), $1::text, 'QT-' || $1::text || '-' || $8 || '-' || lpad(t.g::text, 7, '0'),
            CASE WHEN t.colour = 'GREEN' THEN 'RECOGNITION_COMPLAINT' ELSE 'CODE_APPEAL' END::"CaseType",
            t.state::"CaseState", 1, $3::uuid, t.colour::"CodeColour", t.filed_at - interval '6 hours', $1::text,
            ($5::text[])[1 + floor(t.r_unit * array_length($5::text[], 1))::int], (SELECT id FROM catalogue),
            ($9::text[])[1 + floor(t.r_grounds * array_length($9::text[], 1))::int],
            'generated statement for the queue tests', 'REVOKE', '2026-01', t.r_over < 0.25,
            CASE WHEN t.state IN ('SUBMITTED', 'DECIDED', 'CLOSED') THEN NULL
                 ELSE ($4::uuid[])[1 + floor(t.r_reviewer * array_length($4::uuid[], 1))::int] END,
            CASE WHEN t.state IN ('SUBMITTED', 'DECIDED', 'CLOSED') THEN NULL ELSE t.filed_at END,
            t.filed_at, t.due_at, t.hours * 3600000,
            -- Paused between filing and now: some before their deadline passed (PAUSED), some after (OVERDUE).
            CASE WHEN t.state = 'AWAITING_CITIZEN' THEN LEAST($7::timestamptz, t.filed_at + t.r_pause * (t.due_at - t.filed_at) * 1.3) END,
            '{}'::jsonb, 'generated', t.at_risk_at, 'qt-' || $1::text || '-' || $8 || '-' || t.g, 'hash', $7::timestamptz
       FROM timed t`,
    [
      spec.provinceCode,
      spec.count,
      spec.citizenId,
      spec.reviewerIds,
      spec.unitCodes,
      spec.poolShare,
      spec.now.toISOString(),
      spec.batch,
      // The grounds in declaration order (a domain over text since migration 20261205230000_citus_ready).
      Object.values(AppealGround),
    ],
  );
}
