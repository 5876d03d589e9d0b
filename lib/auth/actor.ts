// Who calls (SPEC §2, §10): the one caller type of every use case, view and check — a signed-in person (citizen or
// staff) or the system itself (routing, the sweep) — and which cases it may read or act on. No Next.js imports, so
// the case engine, command-line scripts and pages all use the same rule.
import type { Prisma } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';

/** A role of a person, or the system itself. */
export type ActorRole = Role | 'SYSTEM';

export interface Actor {
  /** Null only for the system. */
  id: string | null;
  role: ActorRole;
  /** A staff member's province; null for citizens, national supervisors, administrators and the system. */
  provinceCode: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, role: 'SYSTEM', provinceCode: null };

/** Matches no case at all. */
const NO_CASES: Prisma.CaseWhereInput = { id: { in: [] } };

/**
 * The cases a caller may read or act on: a citizen their own, a reviewer their province's, a supervisor their
 * province's (or all, when national), the system every case. Administrators manage staff and settings, not cases:
 * no case access.
 */
export function caseScopeWhere(actor: Actor): Prisma.CaseWhereInput {
  switch (actor.role) {
    case 'SYSTEM':
      return {};
    case 'CITIZEN':
      return actor.id ? { citizenId: actor.id } : NO_CASES;
    case 'REVIEWER':
      return actor.provinceCode ? { provinceCode: actor.provinceCode } : NO_CASES;
    case 'SUPERVISOR':
      return actor.provinceCode ? { provinceCode: actor.provinceCode } : {};
    case 'ADMIN':
      return NO_CASES;
  }
}

/** Whether a supervisor's scope is the whole country. */
export function isNationalScope(actor: Actor): boolean {
  return actor.role === 'SUPERVISOR' && actor.provinceCode === null;
}
