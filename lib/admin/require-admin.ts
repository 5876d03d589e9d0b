// Every administration use case starts here: only administrators manage staff and settings (SPEC §2), whoever calls
// and however; anyone else is answered as if nothing were there (404).
import type { Role } from '@/lib/db/generated/enums';
import { notFound } from './errors';

export interface AdminActor {
  id: string;
  role: Role;
}

export function assertAdmin(actor: AdminActor): void {
  if (actor.role !== 'ADMIN') throw notFound();
}
