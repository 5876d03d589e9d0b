// Which cases a user may read or act on (SPEC §10), with no Next.js imports, so the case engine, command-line
// scripts and pages all use the same rule.
import type { Prisma } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';

export interface ScopedUser {
  id: string;
  role: Role;
  provinceCode: string | null;
}

/** Matches no case at all. */
const NO_CASES: Prisma.CaseWhereInput = { id: { in: [] } };

/**
 * The cases a user may read or act on: a citizen their own, a reviewer their province's, a supervisor their
 * province's (or all, when national). Administrators manage staff and settings, not cases: no case access.
 */
export function caseScopeWhere(user: ScopedUser): Prisma.CaseWhereInput {
  switch (user.role) {
    case 'CITIZEN':
      return { citizenId: user.id };
    case 'REVIEWER':
      return user.provinceCode ? { provinceCode: user.provinceCode } : NO_CASES;
    case 'SUPERVISOR':
      return user.provinceCode ? { provinceCode: user.provinceCode } : {};
    case 'ADMIN':
      return NO_CASES;
  }
}

/** Whether a supervisor's scope is the whole country. */
export function isNationalScope(user: ScopedUser): boolean {
  return user.role === 'SUPERVISOR' && user.provinceCode === null;
}
