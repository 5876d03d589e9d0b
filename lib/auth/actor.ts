// Who performs a case action: a signed-in person (citizen or staff) or the system itself (routing, the sweep).
import type { Prisma } from '@/lib/db/client';
import { caseScopeWhere } from '@/lib/auth/case-scope';
import type { ActorRole } from '@/lib/cases/rules/transitions';

export interface Actor {
  id: string | null;
  role: ActorRole;
  provinceCode: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, role: 'SYSTEM', provinceCode: null };

/** The cases this actor may read or change; the system reaches every case. */
export function caseScopeFor(actor: Actor): Prisma.CaseWhereInput {
  if (actor.role === 'SYSTEM') return {};
  return caseScopeWhere({ id: actor.id ?? '', role: actor.role, provinceCode: actor.provinceCode });
}
