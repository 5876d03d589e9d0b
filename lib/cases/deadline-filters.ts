// The deadline conditions, in one place for the homes, the board and the exports (SPEC §7): as Prisma filters, and
// the same conditions as SQL for the counts and lists that must be answered from the open-case deadline index at a
// million cases. (Prisma binds enum values as parameters cast at run time, so PostgreSQL cannot match a partial
// index on `state` to them; the SQL form writes the states as literals.) lib/cases/deadline-filters.test.ts keeps
// the two forms equal.
import { prisma, Prisma } from '@/lib/db/client';
import type { CaseState } from '@/lib/db/generated/enums';
import { OPEN_STATES } from './transitions';

/**
 * Open cases whose clock has passed its deadline; a paused clock is judged where it stopped. (A clock stops in the
 * past, so a case overdue where its clock stopped is also past its deadline now: `due_at < now` holds for both.)
 */
export function overdueWhere(now: Date): Prisma.CaseWhereInput {
  return {
    state: { in: [...OPEN_STATES] },
    dueAt: { lt: now },
    OR: [{ pausedSince: null }, { dueAt: { lt: prisma.case.fields.pausedSince } }],
  };
}

/** Running clocks past 75% of the allowed time and not yet overdue. */
export function atRiskWhere(now: Date): Prisma.CaseWhereInput {
  return { state: { in: [...OPEN_STATES] }, pausedSince: null, atRiskAt: { lte: now }, dueAt: { gte: now } };
}

/** `'A', 'B'` for `state IN (…)`: case states as SQL literals (they come from the generated enum, never from input). */
export function statesSql(states: readonly CaseState[]): Prisma.Sql {
  if (!states.every((state) => /^[A-Z_]+$/.test(state))) throw new Error('not a case state');
  return Prisma.raw(states.map((state) => `'${state}'`).join(', '));
}

/** overdueWhere as SQL on the appeal_case alias `c`. */
export function overdueSql(now: Date): Prisma.Sql {
  return Prisma.sql`c.state IN (${statesSql(OPEN_STATES)}) AND c.due_at < ${now} AND (c.paused_since IS NULL OR c.due_at < c.paused_since)`;
}

/** atRiskWhere as SQL on the appeal_case alias `c`. */
export function atRiskSql(now: Date): Prisma.Sql {
  return Prisma.sql`c.state IN (${statesSql(OPEN_STATES)}) AND c.paused_since IS NULL AND c.at_risk_at <= ${now} AND c.due_at >= ${now}`;
}
