// Test support for the queue tests: thousands of cases written in one INSERT over unnest, with varied states, colours,
// grounds, units, overreach, pauses and deadlines (many deliberately tied to the hour). The random draws come from
// PostgreSQL with a fixed seed (a run is reproducible); what a row carries in its state (open, paused, deadline, the
// sweep's marks) comes from the lifecycle's row builder, lib/cases/rules/case-row.ts, like the benchmark loader's.
import type pg from 'pg';
import { AppealGround, type CaseState, type CodeColour } from '@/lib/db/generated/enums';
import { caseDeadlineFields, caseRowShape, sweepMarks } from '@/lib/cases/rules/case-row';

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

interface Draw {
  g: number;
  r_state: number;
  r_colour: number;
  r_grounds: number;
  r_unit: number;
  r_over: number;
  r_filed: number;
  r_pause: number;
  r_reviewer: number;
}

const HOUR = 3_600_000;
// The grounds in declaration order (a domain over text since migration 20261205230000_citus_ready).
const GROUNDS = Object.values(AppealGround);

const pickOf = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)]!;

function stateOf(r: number, poolShare: number): CaseState {
  const rest = 1 - poolShare;
  if (r < poolShare) return 'SUBMITTED';
  if (r < poolShare + rest * 0.3) return 'ASSIGNED';
  if (r < poolShare + rest * 0.55) return 'IN_REVIEW';
  if (r < poolShare + rest * 0.8) return 'AWAITING_CITIZEN';
  if (r < poolShare + rest * 0.9) return 'DECIDED';
  return 'CLOSED';
}

/** Inserts the cases with a fixed random seed, so a run is reproducible. */
export async function insertGeneratedCases(client: pg.Client, spec: GeneratedCases): Promise<void> {
  await client.query('SELECT setseed(0.4242)');
  const { rows: draws } = await client.query<Draw>(
    `SELECT g, random() AS r_state, random() AS r_colour, random() AS r_grounds, random() AS r_unit, random() AS r_over,
            random() AS r_filed, random() AS r_pause, random() AS r_reviewer
       FROM generate_series(1, $1::int) g`,
    [spec.count],
  );
  const now = spec.now.getTime();
  const rows = draws.map((draw) => {
    const state = stateOf(draw.r_state, spec.poolShare);
    const colour: CodeColour = draw.r_colour < 0.5 ? 'RED' : draw.r_colour < 0.95 ? 'YELLOW' : 'GREEN';
    // Filed within the last 4 days, on the hour for a third of them (equal deadlines test the id tie-break).
    const filed = now - draw.r_filed * 96 * HOUR;
    const filedAt = new Date(draw.g % 3 === 0 ? Math.floor(filed / HOUR) * HOUR : filed);
    const shape = caseRowShape(state);
    const deadline = caseDeadlineFields(filedAt, (colour === 'RED' ? 24 : 48) * HOUR);
    // With a reviewer: the reviewers' work (the pool and the decided cases hold none here).
    const assigned = shape.open && state !== 'SUBMITTED';
    // Paused between filing and now: some before their deadline passed (PAUSED), some after (OVERDUE).
    const pausedSince = shape.paused
      ? new Date(Math.min(now, filedAt.getTime() + draw.r_pause * deadline.allowedMs * 1.3))
      : null;
    return {
      reference: `QT-${spec.provinceCode}-${spec.batch}-${String(draw.g).padStart(7, '0')}`,
      type: colour === 'GREEN' ? 'RECOGNITION_COMPLAINT' : 'CODE_APPEAL',
      state,
      colour,
      codeAssignedAt: new Date(filedAt.getTime() - 6 * HOUR),
      unit: pickOf(spec.unitCodes, draw.r_unit),
      grounds: pickOf(GROUNDS, draw.r_grounds),
      overreach: draw.r_over < 0.25,
      assigneeId: assigned ? pickOf(spec.reviewerIds, draw.r_reviewer) : null,
      assignedAt: assigned ? filedAt : null,
      filedAt,
      ...deadline,
      pausedSince,
      ...sweepMarks(state, deadline, spec.now),
      idempotencyKey: `qt-${spec.provinceCode}-${spec.batch}-${draw.g}`,
    };
  });
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  await client.query(
    `WITH catalogue AS (SELECT id FROM reason_catalogue_version ORDER BY version LIMIT 1)
     INSERT INTO appeal_case (
       id, province_code, reference, type, state, version, citizen_id, colour, code_assigned_at, issuing_province_code,
       issuing_unit_code, catalogue_version_id, grounds, statement, requested_outcome, privacy_notice_version,
       prima_facie_overreach, assignee_id, assigned_at, filed_at, due_at, allowed_ms, paused_since, deadline_inputs,
       deadline_explanation, at_risk_at, at_risk_marked_at, overdue_marked_at, idempotency_key, payload_hash,
       updated_at)
     SELECT gen_random_uuid(), $1::text, r.reference, r.type::"CaseType", r.state::"CaseState", 1, $2::uuid,
            r.colour::"CodeColour", r.code_assigned_at, $1::text, r.unit, (SELECT id FROM catalogue), r.grounds,
            'generated statement for the queue tests', 'REVOKE', '2026-01', r.overreach, r.assignee_id,
            r.assigned_at, r.filed_at, r.due_at, r.allowed_ms, r.paused_since, '{}'::jsonb, 'generated', r.at_risk_at,
            r.at_risk_marked_at, r.overdue_marked_at, r.idempotency_key, 'hash', $3::timestamptz
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::text[],
                   $11::boolean[], $12::uuid[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[],
                   $16::bigint[], $17::timestamptz[], $18::timestamptz[], $19::timestamptz[], $20::timestamptz[],
                   $21::text[])
         AS r(reference, type, state, colour, code_assigned_at, unit, grounds, overreach, assignee_id, assigned_at,
              filed_at, due_at, allowed_ms, paused_since, at_risk_at, at_risk_marked_at, overdue_marked_at,
              idempotency_key)`,
    [
      spec.provinceCode,
      spec.citizenId,
      spec.now.toISOString(),
      column('reference'),
      column('type'),
      column('state'),
      column('colour'),
      column('codeAssignedAt'),
      column('unit'),
      column('grounds'),
      column('overreach'),
      column('assigneeId'),
      column('assignedAt'),
      column('filedAt'),
      column('dueAt'),
      column('allowedMs'),
      column('pausedSince'),
      column('atRiskAt'),
      column('atRiskMarkedAt'),
      column('overdueMarkedAt'),
      column('idempotencyKey'),
    ],
  );
}
