// Every administration use case starts here: only administrators manage staff and settings (SPEC §2), whoever calls
// and however; anyone else is answered as if nothing were there (404).
import type { Actor } from '@/lib/auth/actor';
import { notFound } from './errors';

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'ADMIN') throw notFound();
}
