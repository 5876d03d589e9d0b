// The supervisor's scope, where every supervision query starts: one province, or the whole country (SPEC §2, §10).
// A case, reviewer or audit chain outside it is "not found", exactly like the case engine answers outsiders.
import 'server-only';
import { NATIONAL_CHAIN } from '@/lib/audit/append';
import { Prisma } from '@/lib/db/client';
import { caseScopeWhere } from '@/lib/auth/scope';
import type { Actor } from '@/lib/auth/actor';
import { CaseNotFoundError } from '@/lib/core/errors';

export interface SupervisorScope {
  userId: string;
  /** Null for a national supervisor. */
  provinceCode: string | null;
}

/** The scope of a signed-in supervisor; anyone else is refused as "not found". */
export function supervisorScopeOf(user: { id: string; role: string; provinceCode: string | null }): SupervisorScope {
  if (user.role !== 'SUPERVISOR') throw new CaseNotFoundError();
  return { userId: user.id, provinceCode: user.provinceCode };
}

export function isNational(scope: SupervisorScope): boolean {
  return scope.provinceCode === null;
}

/** The engine's actor for a supervisor's actions (the engine checks the scope again itself). */
export function actorOf(scope: SupervisorScope): Actor {
  return { id: scope.userId, role: 'SUPERVISOR', provinceCode: scope.provinceCode };
}

/** Prisma filter of the cases in scope (the one in lib/auth/scope.ts, so the rule lives in one place). */
export function scopeCaseWhere(scope: SupervisorScope): Prisma.CaseWhereInput {
  return caseScopeWhere({ id: scope.userId, role: 'SUPERVISOR', provinceCode: scope.provinceCode });
}

/** SQL condition on a province column (e.g. `c.province_code`): that province, or TRUE for the whole country. */
export function scopeProvinceSql(scope: SupervisorScope, column: string): Prisma.Sql {
  return scope.provinceCode === null ? Prisma.sql`TRUE` : Prisma.sql`${Prisma.raw(column)} = ${scope.provinceCode}`;
}

/** The audit chains a supervisor reads and verifies: their province's, or every chain (null). */
export function auditChainOf(scope: SupervisorScope): string | null {
  return scope.provinceCode;
}

/** Where a supervisor's own events (exports) are recorded: their province's chain, or the national one. */
export function ownEventChainOf(scope: SupervisorScope): string {
  return scope.provinceCode ?? NATIONAL_CHAIN;
}
