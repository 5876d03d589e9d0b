// The scheduled deadline sweep (SPEC §7, §14): marks at-risk and overdue cases, escalates overdue ones to the
// province's supervisors, closes decided cases whose second-review window has passed, and retries unsent
// notifications. Rows are claimed with FOR UPDATE SKIP LOCKED and marked once, so running it twice — or on two
// instances at once — does nothing more.
import 'server-only';
import { appendAuditEvent } from '@/lib/audit/append';
import { prisma, Prisma, type TransactionClient } from '@/lib/db/client';
import { provincesWith } from '@/lib/db/provinces';
import { dispatchNotifications } from '@/lib/notifications/dispatch';
import { queueNotificationsOfCases, supervisorNotices, type NotificationDraft } from '@/lib/notifications/queue';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { applyCaseChange } from '@/lib/cases/engine/case-change';
import { statesSql } from '@/lib/cases/rules/deadline-filters';
import { CLOCK_RUNNING_STATES } from '@/lib/cases/rules/transitions';
import { recomputeProvisionalDeadlines } from '@/lib/cases/use-cases/recompute-provisional-deadlines';
import { resumeClosedReplyWindows } from '@/lib/cases/use-cases/resume-closed-reply-windows';

const BATCH = 500;

/** States whose clock runs toward a deadline, as literals the partial indexes match. */
const RUNNING_STATES = statesSql(CLOCK_RUNNING_STATES);

export interface SweepResult {
  atRisk: number;
  overdue: number;
  closed: number;
  /** The marks' notices (delivered by being written) and the notifications left unsent earlier that this run sent. */
  notificationsSent: number;
}

/** The notices the marks of one sweep wrote. */
interface NoticeTally {
  notices: number;
}

interface MarkedRow {
  id: string;
  reference: string;
  province_code: string;
  assignee_id: string | null;
  due_at: Date;
}

/**
 * Overdue means strictly after the due instant (within-deadline.ts), as on the pages. AT_RISK and OVERDUE look at running clocks; PAUSED_OVERDUE at clocks that were already past the deadline when they
 * stopped: asking the citizen a question after the deadline must not hide the case from escalation (the queues
 * judge a paused clock where it stopped, too).
 */
type MarkKind = 'AT_RISK' | 'OVERDUE' | 'PAUSED_OVERDUE';

/** Which cases each kind marks: the running-clock clauses match the partial indexes of the case-engine migration. */
function dueWhere(kind: MarkKind, now: Date): Prisma.Sql {
  if (kind === 'PAUSED_OVERDUE')
    return Prisma.sql`overdue_marked_at IS NULL AND paused_since IS NOT NULL AND state = 'AWAITING_CITIZEN'
                      AND due_at < paused_since AND due_at < ${now}`;
  return kind === 'AT_RISK'
    ? Prisma.sql`at_risk_marked_at IS NULL AND paused_since IS NULL AND state IN (${RUNNING_STATES}) AND at_risk_at <= ${now}`
    : Prisma.sql`overdue_marked_at IS NULL AND paused_since IS NULL AND state IN (${RUNNING_STATES}) AND due_at < ${now}`;
}

async function markBatch(tx: TransactionClient, kind: MarkKind, province: string, now: Date): Promise<MarkedRow[]> {
  // Each claim is one province's (one shard on Citus, docs/scaling.md).
  const order = Prisma.raw(kind === 'AT_RISK' ? 'at_risk_at' : 'due_at');
  const marks =
    kind === 'AT_RISK'
      ? Prisma.sql`at_risk_marked_at = ${now}`
      : Prisma.sql`overdue_marked_at = ${now}, at_risk_marked_at = COALESCE(c.at_risk_marked_at, ${now})`;
  return tx.$queryRaw<MarkedRow[]>`
    WITH due AS (
      SELECT id FROM appeal_case WHERE province_code = ${province} AND ${dueWhere(kind, now)}
       ORDER BY ${order} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    UPDATE appeal_case c SET ${marks} FROM due WHERE c.province_code = ${province} AND c.id = due.id
    RETURNING c.id::text, c.reference, c.province_code, c.assignee_id::text, c.due_at`;
}

/** Marks province by province, only in the provinces that have something to mark. */
async function sweepMarks(kind: MarkKind, now: Date, only: string | null, tally: NoticeTally): Promise<number> {
  let total = 0;
  for (const province of await provincesWith(Prisma.sql`appeal_case`, dueWhere(kind, now), only))
    total += await sweepMarksIn(province, kind, now, tally);
  return total;
}

async function sweepMarksIn(province: string, kind: MarkKind, now: Date, tally: NoticeTally): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await prisma.$transaction(
      async (tx) => {
        const rows = await markBatch(tx, kind, province, now);
        // Events in time order per chain, all in the same transaction as the marks.
        rows.sort((a, b) => a.province_code.localeCompare(b.province_code) || a.due_at.getTime() - b.due_at.getTime());
        // The supervisors of each province are looked up once per batch, and the batch's notices written at once.
        const supervisors = new Map<string, Promise<NotificationDraft[]>>();
        const notices = [];
        for (const row of rows) {
          await appendAuditEvent(tx, {
            chain: row.province_code,
            actorId: null,
            actorRole: 'SYSTEM',
            caseId: row.id,
            action: kind === 'AT_RISK' ? 'DEADLINE_AT_RISK' : 'DEADLINE_OVERDUE',
            after: { reference: row.reference, dueAt: row.due_at.toISOString() },
            occurredAt: now,
          });
          if (kind !== 'AT_RISK') {
            if (!supervisors.has(row.province_code))
              supervisors.set(row.province_code, supervisorNotices(tx, row.province_code, 'DEADLINE_OVERDUE', {}));
            const params = { reference: row.reference };
            const drafts: NotificationDraft[] = (await supervisors.get(row.province_code)!).map((draft) => ({
              ...draft,
              params,
            }));
            if (row.assignee_id)
              drafts.push({
                channel: 'IN_APP',
                recipientUserId: row.assignee_id,
                template: 'DEADLINE_OVERDUE',
                params,
              });
            notices.push({ provinceCode: row.province_code, caseId: row.id, drafts });
          }
        }
        tally.notices += await queueNotificationsOfCases(tx, notices);
        return rows.length;
      },
      { timeout: 60_000 },
    );
    total += count;
    if (count < BATCH) return total;
  }
}

/** DECIDED cases whose 15 days passed without a second-review request are closed by the system. */
async function closeExpiredDecisions(now: Date, only: string | null): Promise<number> {
  let closed = 0;
  const expired = Prisma.sql`state = 'DECIDED' AND second_review_deadline_at < ${now}`;
  for (const province of await provincesWith(Prisma.sql`appeal_case`, expired, only))
    closed += await closeExpiredDecisionsIn(province, now);
  return closed;
}

async function closeExpiredDecisionsIn(province: string, now: Date): Promise<number> {
  let closed = 0;
  for (;;) {
    const batch = await prisma.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string; province_code: string }[]>`
        SELECT id::text, province_code FROM appeal_case
         WHERE province_code = ${province} AND state = 'DECIDED' AND second_review_deadline_at < ${now}
         ORDER BY second_review_deadline_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
        // Chain heads are taken in one order (province code) by every sweep, as in sweepMarks: two sweeps closing
        // cases of several provinces at once would otherwise wait on each other's heads forever (a deadlock).
        rows.sort((a, b) => a.province_code.localeCompare(b.province_code));
        for (const { id, province_code: provinceCode } of rows) {
          const current = await tx.case.findUniqueOrThrow({ where: { provinceCode_id: { provinceCode, id } } });
          await applyCaseChange(tx, SYSTEM_ACTOR, current, 'CLOSE', () => ({ data: { closedAt: now } }), now);
        }
        return rows.length;
      },
      { timeout: 60_000 },
    );
    closed += batch;
    if (batch < BATCH) return closed;
  }
}

/** `only` sweeps one province (the demo seed replays the provinces side by side, each on its own clock). */
export async function sweepDeadlines(now = new Date(), only: string | null = null): Promise<SweepResult> {
  // First, so that the marks below judge deadlines on a calendar published since they were counted.
  await recomputeProvisionalDeadlines(now, only);
  // Clocks whose reply window has closed run again from that instant, so the marks below see them (§7).
  await resumeClosedReplyWindows(now, only);
  const tally: NoticeTally = { notices: 0 };
  const atRisk = await sweepMarks('AT_RISK', now, only, tally);
  const overdue =
    (await sweepMarks('OVERDUE', now, only, tally)) + (await sweepMarks('PAUSED_OVERDUE', now, only, tally));
  const closed = await closeExpiredDecisions(now, only);
  // The marks' notices (in-app) are delivered by being written; then what an earlier failure or a lease run out left.
  const notificationsSent = tally.notices + (await dispatchNotifications());
  return { atRisk, overdue, closed, notificationsSent };
}
