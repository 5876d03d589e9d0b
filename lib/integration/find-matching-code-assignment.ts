// Checks a filing against the code assignments pushed by the issuing province (SPEC §9): same issuing unit and
// colour, assigned within 24 hours of the time the citizen gave (and the same person, when a pseudonym is known).
// Called inside the filing transaction; the reviewer is shown the match.
import 'server-only';
import { alongside, Prisma, sqlRows, type TransactionClient } from '@/lib/db/client';
import type { CodeColour } from '@/lib/db/generated/enums';

export const MATCH_WINDOW_MS = 24 * 3600 * 1000;

export interface CodeAssignmentQuery {
  issuingProvinceCode: string;
  issuingUnitCode: string;
  colour: CodeColour;
  codeAssignedAt: Date;
  personPseudonym?: string | null;
}

export interface CodeAssignmentMatch {
  id: string;
  recordId: string;
  reasonCode: string;
  assignedAt: Date;
  /** How far the recorded time is from the time the citizen gave. */
  differenceMs: number;
  /** How many assignments fit the query: with no pseudonym, more than one means the match is only circumstantial. */
  candidates: number;
}

/**
 * The assignment closest in time to the one described, or null when none fits. `writes` run in the same statement
 * (lib/db/client.ts, alongside): the filing claims its idempotency key there.
 */
export async function findMatchingCodeAssignment(
  tx: TransactionClient,
  query: CodeAssignmentQuery,
  writes: readonly Prisma.Sql[] = [],
): Promise<CodeAssignmentMatch | null> {
  const from = new Date(query.codeAssignedAt.getTime() - MATCH_WINDOW_MS).toISOString();
  const to = new Date(query.codeAssignedAt.getTime() + MATCH_WINDOW_MS).toISOString();
  const at = query.codeAssignedAt.toISOString();
  const pseudonym = query.personPseudonym ?? null;
  const rows = await sqlRows<{
    id: string;
    record_id: string;
    reason_code: string;
    assigned_at: Date;
    candidates: bigint;
  }>(
    tx,
    alongside(
      writes,
      Prisma.sql`
    SELECT id, record_id, reason_code, assigned_at, count(*) OVER () AS candidates
      FROM code_assignment
     WHERE province_code = ${query.issuingProvinceCode}
       AND issuing_unit_code = ${query.issuingUnitCode}
       AND colour = ${query.colour}::"CodeColour"
       AND assigned_at BETWEEN ${from}::timestamptz AND ${to}::timestamptz
       AND (${pseudonym}::text IS NULL OR person_pseudonym = ${pseudonym}::text)
     ORDER BY abs(extract(epoch FROM assigned_at - ${at}::timestamptz)), id
     LIMIT 1`,
    ),
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    recordId: row.record_id,
    reasonCode: row.reason_code,
    assignedAt: row.assigned_at,
    differenceMs: Math.abs(row.assigned_at.getTime() - query.codeAssignedAt.getTime()),
    candidates: Number(row.candidates),
  };
}
