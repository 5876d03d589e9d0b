// An event a person causes outside any case and province: integration settings, API keys, a test delivery, a
// citizen's export of their data. It goes on the national chain with the person as its actor, in the caller's
// transaction like every audit event (append.ts).
import type { Actor } from '@/lib/auth/actor';
import type { TransactionClient } from '@/lib/db/client';
import { appendAuditEvent, NATIONAL_CHAIN, type AuditInput } from './append';

export function appendNationalEvent(
  tx: TransactionClient,
  actor: Pick<Actor, 'id' | 'role'>,
  event: Omit<AuditInput, 'chain' | 'actorId' | 'actorRole'>,
): Promise<void> {
  return appendAuditEvent(tx, { chain: NATIONAL_CHAIN, actorId: actor.id, actorRole: actor.role, ...event });
}
