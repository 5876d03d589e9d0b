// Routing and assignment (SPEC §6): which province's pool a case goes to, and which reviewer in it takes the case.
import 'server-only';
import { Prisma, sqlRows, sqlRun, type TransactionClient } from '@/lib/db/client';
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
): Promise<{ candidates: ReviewerCandidate[]; withLoadRow: Set<string> }> {
  // The province's reviewers (app_user, a reference table) with their load in this province (reviewer_load, on the
  // case's shard): every distributed table is read on that one shard, so Citus sends the whole join to its node.
  const rows = await sqlRows<ReviewerCandidate & { hasLoadRow: boolean }>(
    tx,
    Prisma.sql`
    SELECT u.id::text, u.unit_code AS "unitCode", u.capacity, coalesce(r.open_case_count, 0) AS "openCount",
           r.last_assigned_at AS "lastAssignedAt", r.user_id IS NOT NULL AS "hasLoadRow"
      FROM app_user u
      LEFT JOIN reviewer_load r ON r.province_code = ${provinceCode} AND r.user_id = u.id
     WHERE u.role = 'REVIEWER' AND u.active AND u.province_code = ${provinceCode}
       AND u.id::text <> ALL(${excludeIds})
       AND u.id <> ALL(ARRAY(SELECT e.reviewer_id FROM case_exclusion e
                              WHERE e.province_code = ${provinceCode} AND e.case_id = ${caseId}::uuid))`,
  );
  return {
    candidates: rows,
    withLoadRow: new Set(rows.filter((row) => row.hasLoadRow).map((row) => row.id)),
  };
}

interface LockedReviewer {
  id: string;
  /** Still active and under capacity under the lock: the reviewer takes the case (counted, last assignment time moved). */
  taken: boolean;
}

/**
 * Locks the load row of the first of `ids` (in their order) that no other assignment holds (`skipLocked`), or waits
 * for the first one's, and in the same statement, when that reviewer is still active and under capacity (their load
 * read again under the lock), counts the case in their load and moves their last assignment time. Null when no row
 * was locked.
 */
async function lockReviewer(
  tx: TransactionClient,
  province: string,
  ids: string[],
  now: Date,
  skipLocked: boolean,
): Promise<LockedReviewer | null> {
  const [locked] = await sqlRows<LockedReviewer>(
    tx,
    Prisma.sql`
    WITH locked AS (
      SELECT user_id, open_case_count FROM reviewer_load
       WHERE province_code = ${province} AND user_id = ANY(${ids}::uuid[])
       ORDER BY array_position(${ids}::uuid[], user_id) LIMIT 1
         FOR NO KEY UPDATE ${skipLocked ? Prisma.sql`SKIP LOCKED` : Prisma.empty}
    ), taken AS (
      UPDATE reviewer_load r SET open_case_count = r.open_case_count + 1, last_assigned_at = ${now}
        FROM locked, app_user u
       WHERE r.province_code = ${province} AND r.user_id = locked.user_id
         AND u.id = locked.user_id AND u.active AND locked.open_case_count < u.capacity
      RETURNING r.user_id
    )
    SELECT user_id::text AS id, EXISTS (SELECT 1 FROM taken) AS taken FROM locked`,
  );
  return locked ?? null;
}

/**
 * Picks the reviewer for a case inside the caller's transaction, or null when nobody is eligible (the case then
 * waits in the province pool). The chosen reviewer's load row in the case's province is locked and their load read
 * again under the lock, so concurrent assignments never push anyone past capacity; only the reviewer who actually
 * gets the case has it counted in their load and their last assignment time moved (it decides later ties). The
 * caller assigns the case to them in the same transaction and records that change as `picked` (adjustReviewerLoads).
 * Concurrent filings do not queue for the same reviewer: each takes the best-ranked reviewer no other assignment is
 * holding (SKIP LOCKED), and waits only when all are held. The load rows are distributed with the cases
 * (docs/scaling.md), so this stays on the case's shard.
 *
 * Locks are taken in one order everywhere: case and reviewer-load rows during a transaction, audit chain heads at its
 * end (lib/audit/append.ts), so an assignment never holds a chain head while it waits for a reviewer.
 */
export async function pickReviewer(
  tx: TransactionClient,
  args: { provinceCode: string; caseId: string; issuingUnitCode: string; now: Date; excludeIds?: string[] },
): Promise<string | null> {
  const excluded = [...(args.excludeIds ?? [])];
  const province = args.provinceCode;
  // Each pass rules out one reviewer, so this ends once the province's reviewers are exhausted.
  for (;;) {
    const { candidates, withLoadRow } = await loadCandidates(tx, province, args.caseId, excluded);
    const ranked = rankCandidates(candidates, args.issuingUnitCode);
    if (ranked.length === 0) return null;
    const ids = ranked.map((candidate) => candidate.id);
    // Reviewers get their load row when created (recountReviewerLoads, the seed, migration 20261205230100); one
    // created since (by an administrator) gets it here, once: until this transaction ends, concurrent pickers that
    // rank them wait for it.
    const missing = ids.filter((id) => !withLoadRow.has(id));
    if (missing.length > 0)
      await sqlRun(
        tx,
        Prisma.sql`
        INSERT INTO reviewer_load (province_code, user_id) SELECT ${province}, id FROM unnest(${missing}::uuid[]) AS r(id)
        ON CONFLICT (province_code, user_id) DO NOTHING`,
      );
    // The list was read before the lock: a concurrent assignment (or deactivation) may have happened since.
    // Every change of a reviewer's load updates this row under the same lock (adjustReviewerLoads).
    const locked =
      (await lockReviewer(tx, province, ids, args.now, true)) ??
      (await lockReviewer(tx, province, [ids[0]!], args.now, false));
    if (!locked) return null;
    if (locked.taken) return locked.id;
    excluded.push(locked.id);
  }
}

/** Whether a case in this state counts toward its assignee's load. */
function loads(state: CaseState): boolean {
  return (REVIEWER_LOAD_STATES as readonly CaseState[]).includes(state);
}

type LoadSide = { assigneeId: string | null; state: CaseState; provinceCode: string };

/**
 * Keeps reviewer_load.open_case_count in step with one case change, in the same transaction: the reviewer who stops
 * holding an open case loses one in the province the case was in, the one who starts gains one where it is now, unless
 * the change gave the case to the reviewer pickReviewer took for it (`picked`), which counted it already.
 */
export async function adjustReviewerLoads(
  tx: TransactionClient,
  before: LoadSide,
  after: LoadSide,
  picked = false,
): Promise<void> {
  if (picked && !(after.assigneeId && loads(after.state)))
    throw new Error('a picked reviewer must hold the case in a state that counts in their load');
  await adjustReviewerLoadsOfCases(tx, [{ before, after: picked ? { ...after, assigneeId: null } : after }]);
}

/** The same for many case changes at once (a group action): one statement per reviewer whose load changes. */
export async function adjustReviewerLoadsOfCases(
  tx: TransactionClient,
  changes: readonly { before: LoadSide; after: LoadSide }[],
): Promise<void> {
  const deltas = new Map<string, { id: string; province: string; by: number }>();
  const add = (id: string, province: string, by: number) => {
    const key = `${province}/${id}`;
    const entry = deltas.get(key) ?? { id, province, by: 0 };
    entry.by += by;
    deltas.set(key, entry);
  };
  for (const { before, after } of changes) {
    if (before.assigneeId && loads(before.state)) add(before.assigneeId, before.provinceCode, -1);
    if (after.assigneeId && loads(after.state)) add(after.assigneeId, after.provinceCode, 1);
  }
  // Rows in one order, so two opposite reassignments never wait on each other in a cycle.
  const ordered = [...deltas.values()]
    .filter((change) => change.by !== 0)
    .sort((a, b) => a.province.localeCompare(b.province) || a.id.localeCompare(b.id));
  for (const change of ordered)
    await sqlRun(
      tx,
      Prisma.sql`
      INSERT INTO reviewer_load (province_code, user_id, open_case_count) VALUES (${change.province}, ${change.id}::uuid, ${change.by})
      ON CONFLICT (province_code, user_id) DO UPDATE SET open_case_count = reviewer_load.open_case_count + EXCLUDED.open_case_count`,
    );
}

/**
 * Recounts every reviewer's load from the cases (after bulk loads such as the seed and the benchmark), province by
 * province in one statement each way (both tables are distributed by province, so each shard counts its own), and
 * gives every reviewer a load row in their province.
 */
export async function recountReviewerLoads(db: Pick<TransactionClient, '$executeRaw'>): Promise<void> {
  await db.$executeRaw`
    INSERT INTO reviewer_load (province_code, user_id)
    SELECT province_code, id FROM app_user WHERE role = 'REVIEWER' AND province_code IS NOT NULL
    ON CONFLICT (province_code, user_id) DO NOTHING`;
  await db.$executeRaw`UPDATE reviewer_load SET open_case_count = 0 WHERE open_case_count <> 0`;
  await db.$executeRaw`
    INSERT INTO reviewer_load (province_code, user_id, open_case_count)
    SELECT province_code, assignee_id, count(*)::int FROM appeal_case
     WHERE assignee_id IS NOT NULL AND state::text = ANY(${[...REVIEWER_LOAD_STATES] as string[]})
     GROUP BY province_code, assignee_id
    ON CONFLICT (province_code, user_id) DO UPDATE SET open_case_count = EXCLUDED.open_case_count`;
}
