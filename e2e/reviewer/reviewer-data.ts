// Direct SQL for the reviewer specs: the queue order computed independently of the app, and snapshots of cases
// (version, state, holder, audit events) to prove that a refused action changed nothing.
import { queryRows } from '../helpers/database';

export interface CaseRow extends Record<string, unknown> {
  id: string;
  reference: string;
  version: number;
  state: string;
  colour: string;
  mobile: string;
}

/** The province pool in urgency order: overdue first, then prima facie overreach, then time left. */
export async function poolInUrgencyOrder(provinceCode: string): Promise<CaseRow[]> {
  return queryRows<CaseRow>(
    `SELECT c.id, c.reference, c.version, c.state::text AS state, c.colour::text AS colour, u.mobile
       FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id
      WHERE c.province_code = $1 AND c.state = 'SUBMITTED' AND c.assignee_id IS NULL
      ORDER BY (CASE WHEN c.due_at < now() THEN 0 ELSE 2 END) + (CASE WHEN c.prima_facie_overreach THEN 0 ELSE 1 END), c.due_at, c.id`,
    [provinceCode],
  );
}

/** A reviewer's own first-level cases in urgency order (a paused clock counts the time left when it stopped). */
export async function mineInUrgencyOrder(username: string): Promise<CaseRow[]> {
  return queryRows<CaseRow>(
    `SELECT x.id, x.reference, x.version, x.state, x.colour, x.mobile FROM (
       SELECT c.id, c.reference, c.version, c.state::text AS state, c.colour::text AS colour, z.mobile, c.prima_facie_overreach,
              CASE WHEN c.paused_since IS NULL THEN c.due_at < now() ELSE c.due_at < c.paused_since END AS overdue,
              CASE WHEN c.paused_since IS NULL THEN c.due_at ELSE now() + (c.due_at - c.paused_since) END AS time_key
         FROM appeal_case c JOIN app_user r ON r.id = c.assignee_id JOIN app_user z ON z.id = c.citizen_id
        WHERE r.username = $1 AND c.province_code = r.province_code AND c.state IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_CITIZEN')) x
      ORDER BY (CASE WHEN x.overdue THEN 0 ELSE 2 END) + (CASE WHEN x.prima_facie_overreach THEN 0 ELSE 1 END), x.time_key, x.id`,
    [username],
  );
}

export async function casesWhere(where: string, values: unknown[] = []): Promise<CaseRow[]> {
  return queryRows<CaseRow>(
    `SELECT c.id, c.reference, c.version, c.state::text AS state, c.colour::text AS colour, u.mobile
       FROM appeal_case c JOIN app_user u ON u.id = c.citizen_id WHERE ${where} ORDER BY c.due_at, c.id`,
    values,
  );
}

/** Everything a refused action must leave as it was. */
export async function snapshot(caseIds: string[]): Promise<unknown> {
  const cases = await queryRows(
    `SELECT id, version, state::text AS state, assignee_id, province_code, paused_since, updated_at FROM appeal_case WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [caseIds],
  );
  const [counts] = await queryRows(
    `SELECT (SELECT count(*) FROM audit_event WHERE case_id = ANY($1::uuid[])) AS case_events,
            (SELECT count(*) FROM decision WHERE case_id = ANY($1::uuid[])) AS decisions,
            (SELECT count(*) FROM information_request WHERE case_id = ANY($1::uuid[])) AS requests,
            (SELECT count(*) FROM outbox_event WHERE case_id = ANY($1::uuid[])) AS outbox`,
    [caseIds],
  );
  return { cases, counts };
}

export async function auditActions(caseId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    `SELECT action FROM audit_event WHERE case_id = $1 ORDER BY occurred_at, seq`,
    [caseId],
  );
  return rows.map((row) => row.action);
}
