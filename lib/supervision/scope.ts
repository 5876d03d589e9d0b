// The supervisor's scope, where every supervision query starts: one province, or the whole country (SPEC §2, §10).
// A supervisor is an Actor (lib/auth/actor.ts) like every caller; a case, reviewer or audit chain outside their
// scope is "not found", exactly like the case engine answers outsiders.
import 'server-only';
import { chainOf } from '@/lib/audit/append';
import { Prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { CaseNotFoundError } from '@/lib/core/errors';

/** A signed-in supervisor as the caller of supervision reads; anyone else is refused as "not found". */
export function supervisorScopeOf(user: Actor): Actor {
  if (user.role !== 'SUPERVISOR') throw new CaseNotFoundError();
  return { id: user.id, role: 'SUPERVISOR', provinceCode: user.provinceCode };
}

/** SQL condition on a province column (e.g. `c.province_code`): that province, or TRUE for the whole country. */
export function scopeProvinceSql(scope: Pick<Actor, 'provinceCode'>, column: string): Prisma.Sql {
  return scope.provinceCode === null ? Prisma.sql`TRUE` : Prisma.sql`${Prisma.raw(column)} = ${scope.provinceCode}`;
}

/** The audit chains a supervisor reads and verifies: their province's, or every chain (null). */
export function auditChainOf(scope: Actor): string | null {
  return scope.provinceCode;
}

/** Where a supervisor's own events (exports) are recorded: their province's chain, or the national one. */
export function ownEventChainOf(scope: Actor): string {
  return chainOf(scope.provinceCode);
}
