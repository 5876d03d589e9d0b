// Who is signed in for this request: the cookie's session id is checked against its server-side row every time,
// so revoked, expired, idle (staff) and disabled sessions count as signed out at once.
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { authOptions } from './options';
import { resolveSession, type CurrentUser } from './sessions';

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sid || !session.uid) return null;
  const user = await resolveSession(session.sid, session.role);
  return user && user.id === session.uid ? user : null;
});
