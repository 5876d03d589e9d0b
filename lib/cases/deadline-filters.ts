// The deadline conditions as case filters, in one place for the homes, the board and the exports (SPEC §7).
import { prisma, type Prisma } from '@/lib/db/client';
import { OPEN_STATES } from './transitions';

/** Open cases whose clock has passed its deadline; a paused clock is judged where it stopped. */
export function overdueWhere(now: Date): Prisma.CaseWhereInput {
  return {
    state: { in: [...OPEN_STATES] },
    OR: [
      { pausedSince: null, dueAt: { lt: now } },
      { pausedSince: { not: null }, dueAt: { lt: prisma.case.fields.pausedSince } },
    ],
  };
}

/** Running clocks past 75% of the allowed time and not yet overdue. */
export function atRiskWhere(now: Date): Prisma.CaseWhereInput {
  return { state: { in: [...OPEN_STATES] }, pausedSince: null, atRiskAt: { lte: now }, dueAt: { gte: now } };
}
