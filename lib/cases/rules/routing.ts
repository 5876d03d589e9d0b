// Routing and assignment (SPEC §6): which province's pool a case goes to, and which reviewer in it takes the case.
import 'server-only';
import type { TransactionClient } from '@/lib/db/client';
import type { CaseState, CaseType } from '@/lib/db/generated/enums';
import { REVIEWER_LOAD_STATES } from '@/lib/cases/rules/transitions';
import { isConflictedReviewer } from '@/lib/cases/rules/conflict-of-interest';

/** A code appeal goes to the issuing province; a recognition complaint to the province that refused the code. */
export function routeToProvince(filing: {
  type: CaseType;
  issuingProvinceCode: string;
  refusingProvinceCode?: string | null;
}): string {
  if (filing.type === 'RECOGNITION_COMPLAINT') {
    if (!filing.refusingProvinceCode) throw new Error('A recognition complaint needs the refusing province');
    return filing.refusingProvinceCode;
  }
  return filing.issuingProvinceCode;
}

export interface ReviewerCandidate {
  id: string;
  unitCode: string | null;
  capacity: number;
  openCount: number;
  lastAssignedAt: Date | null;
}

/**
 * Orders the eligible reviewers, best first: under capacity, not excluded (already filtered),
 * conflict-of-interest reviewers (the issuing unit or a division above it) only when nobody else is available;
 * fewest open cases, then longest since their last assignment.
 */
export function rankCandidates(candidates: ReviewerCandidate[], issuingUnitCode: string): ReviewerCandidate[] {
  const available = candidates.filter((c) => c.openCount < c.capacity);
  const independent = available.filter((c) => !isConflictedReviewer(c.unitCode, issuingUnitCode));
  const pool = independent.length > 0 ? independent : available;
  return [...pool].sort(
    (a, b) =>
      a.openCount - b.openCount ||
      (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

async function loadCandidates(
  tx: TransactionClient,
  provinceCode: string,
  caseId: string,
  excludeIds: string[],
): Promise<ReviewerCandidate[]> {
  return tx.$queryRaw<ReviewerCandidate[]>`
    SELECT u.id::text, u.unit_code AS "unitCode", u.capacity, u.last_assigned_at AS "lastAssignedAt", u.open_case_count AS "openCount"
      FROM app_user u
     WHERE u.role = 'REVIEWER' AND u.active AND u.province_code = ${provinceCode}
       AND u.id::text <> ALL(${excludeIds})
       AND u.id <> ALL(ARRAY(SELECT e.reviewer_id FROM case_exclusion e
                              WHERE e.province_code = ${provinceCode} AND e.case_id = ${caseId}::uuid))`;
}

interface LockedReviewer {
  id: string;
  active: boolean;
  capacity: number;
  open_case_count: number;
}

/**
 * Picks the reviewer for a case inside the caller's transaction, or null when nobody is eligible (the case then
 * waits in the province pool). The chosen reviewer's row is locked and their load read again under the lock, so
 * concurrent assignments never push anyone past capacity; only the reviewer who actually gets the case has their
 * last assignment time moved (it decides later ties). Concurrent filings do not queue for the same reviewer: each
 * takes the best-ranked reviewer no other assignment is holding (SKIP LOCKED), and waits only when all are held.
 *
 * Locks are taken in one order everywhere: case and reviewer rows during a transaction, audit chain heads at its
 * end (lib/audit/append.ts), so an assignment never holds a chain head while it waits for a reviewer.
 */
export async function pickReviewer(
  tx: TransactionClient,
  args: { provinceCode: string; caseId: string; issuingUnitCode: string; now: Date; excludeIds?: string[] },
): Promise<string | null> {
  const excluded = [...(args.excludeIds ?? [])];
  // Each pass rules out one reviewer, so this ends once the province's reviewers are exhausted.
  for (;;) {
    const ranked = rankCandidates(
      await loadCandidates(tx, args.provinceCode, args.caseId, excluded),
      args.issuingUnitCode,
    );
    if (ranked.length === 0) return null;
    const ids = ranked.map((candidate) => candidate.id);
    const [free] = await tx.$queryRaw<LockedReviewer[]>`
      SELECT u.id::text, u.active, u.capacity, u.open_case_count
        FROM app_user u JOIN unnest(${ids}::uuid[]) WITH ORDINALITY AS r(id, n) ON r.id = u.id
       ORDER BY r.n LIMIT 1
         FOR NO KEY UPDATE OF u SKIP LOCKED`;
    // The list was read before the lock: a concurrent assignment (or deactivation) may have happened since.
    // Every change of a reviewer's load updates this row under the same lock (adjustReviewerLoads).
    const [locked] = free
      ? [free]
      : await tx.$queryRaw<LockedReviewer[]>`
          SELECT id::text, active, capacity, open_case_count FROM app_user WHERE id = ${ids[0]}::uuid FOR NO KEY UPDATE`;
    if (!locked) return null;
    if (locked.active && locked.open_case_count < locked.capacity) {
      await tx.$executeRaw`UPDATE app_user SET last_assigned_at = ${args.now} WHERE id = ${locked.id}::uuid`;
      return locked.id;
    }
    excluded.push(locked.id);
  }
}

/** Whether a case in this state counts toward its assignee's load. */
function loads(state: CaseState): boolean {
  return (REVIEWER_LOAD_STATES as readonly CaseState[]).includes(state);
}

/**
 * Keeps app_user.open_case_count in step with one case change, in the same transaction: the reviewer who stops
 * holding an open case loses one, the one who starts gains one.
 */
export async function adjustReviewerLoads(
  tx: TransactionClient,
  before: { assigneeId: string | null; state: CaseState },
  after: { assigneeId: string | null; state: CaseState },
): Promise<void> {
  const was = before.assigneeId && loads(before.state) ? before.assigneeId : null;
  const now = after.assigneeId && loads(after.state) ? after.assigneeId : null;
  if (was === now) return;
  // Two rows in id order, so two opposite reassignments never wait on each other in a cycle.
  const changes = [...(was ? [{ id: was, by: -1 }] : []), ...(now ? [{ id: now, by: 1 }] : [])].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  for (const change of changes)
    await tx.$executeRaw`UPDATE app_user SET open_case_count = open_case_count + ${change.by} WHERE id = ${change.id}::uuid`;
}

/**
 * Recounts every reviewer's load from the cases (after bulk loads such as the seed and the benchmark). Counted first,
 * then written: app_user is a reference table, which Citus does not update from a subquery over case data.
 */
export async function recountReviewerLoads(db: Pick<TransactionClient, '$executeRaw' | '$queryRaw'>): Promise<void> {
  const loads = await db.$queryRaw<{ id: string; n: number }[]>`
    SELECT assignee_id::text AS id, count(*)::int AS n FROM appeal_case
     WHERE assignee_id IS NOT NULL AND state::text = ANY(${[...REVIEWER_LOAD_STATES] as string[]}) GROUP BY assignee_id`;
  await db.$executeRaw`
    UPDATE app_user u
       SET open_case_count = COALESCE((SELECT k.n FROM unnest(${loads.map((l) => l.id)}::uuid[], ${loads.map((l) => l.n)}::int[])
                                         AS k(id, n) WHERE k.id = u.id), 0)
     WHERE u.role = 'REVIEWER'`;
}
