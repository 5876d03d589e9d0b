// The deadline conditions, in one place for the homes, the board and the exports (SPEC §7), as SQL on the
// appeal_case alias `c`, so that the open-case deadline index answers them at a million cases. (Prisma binds enum
// values as parameters cast at run time, which keeps PostgreSQL from matching partial indexes on `state`; here the
// states are literals.)
import { Prisma } from '@/lib/db/client';
import type { CaseState } from '@/lib/db/generated/enums';
import { OPEN_STATES, stateListSql } from '@/lib/cases/rules/transitions';

/** `'A', 'B'` for `state IN (…)`: case states as SQL literals (they come from the generated enum, never from input). */
export function statesSql(states: readonly CaseState[]): Prisma.Sql {
  return Prisma.raw(stateListSql(states));
}

/**
 * Open cases whose clock has passed its deadline; a paused clock is judged where it stopped. (A clock stops in the
 * past, so a case overdue where its clock stopped is also past its deadline now: `due_at < now` holds for both.)
 */
export function overdueSql(now: Date): Prisma.Sql {
  return Prisma.sql`c.state IN (${statesSql(OPEN_STATES)}) AND c.due_at < ${now} AND (c.paused_since IS NULL OR c.due_at < c.paused_since)`;
}

/** Running clocks past 75% of the allowed time and not yet overdue. */
export function atRiskSql(now: Date): Prisma.Sql {
  return Prisma.sql`c.state IN (${statesSql(OPEN_STATES)}) AND c.paused_since IS NULL AND c.at_risk_at <= ${now} AND c.due_at >= ${now}`;
}
