// Who is signed in for this request: the cookie's session id is checked against its server-side row every time,
// so revoked, expired, idle (staff) and disabled sessions count as signed out at once.
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import type { Role } from '@/lib/db/generated/enums';
import type { Actor } from './actor';
import { authOptions } from './options';
import { evaluateSession, SESSION_TOUCH_INTERVAL_MS } from './session-policy';
import { loadSession, touchSession } from './sessions';

/** The signed-in caller (an Actor) with what the pages show about them and their session. */
export interface CurrentUser extends Actor {
  id: string;
  role: Role;
  displayName: string;
  unitCode: string | null;
  sessionId: string;
}

/** Resolves a session id from the cookie to the signed-in user, or null; exported for tests. */
export async function resolveSession(
  sessionId: string,
  tokenRole: string | undefined,
  now = new Date(),
): Promise<CurrentUser | null> {
  const session = await loadSession(sessionId);
  const verdict = evaluateSession({ session, user: session?.user ?? null, tokenRole, now });
  if (!verdict.valid || !session) return null;
  if (verdict.touch) await touchSession(session.id, now, new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS));
  const { user } = session;
  return {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    provinceCode: user.provinceCode,
    unitCode: user.unitCode,
    sessionId: session.id,
  };
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sid || !session.uid) return null;
  const user = await resolveSession(session.sid, session.role);
  return user && user.id === session.uid ? user : null;
});
