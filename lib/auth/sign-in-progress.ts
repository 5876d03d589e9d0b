// The session of a sign-in that is not complete yet (second factor to check, temporary password to replace, second
// factor to enrol): only the pages of those steps read it. Everything else uses getCurrentUser, which treats such a
// session as signed out.
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import type { Role } from '@/lib/db/generated/enums';
import { authOptions } from './options';
import { HOME_PATH, safeReturnPath } from './scope';
import { evaluateSignInProgress, type SignInStage } from './session-policy';
import { loadSession } from './sessions';

export interface SignInProgress {
  sessionId: string;
  stage: SignInStage;
  user: { id: string; role: Role; displayName: string; provinceCode: string | null; totpEnabled: boolean };
}

/** Where each unfinished step is completed. */
export const STAGE_PATH: Record<Exclude<SignInStage, 'complete'>, string> = {
  verify_second_factor: '/sign-in/two-factor',
  change_password: '/account/password',
  enrol_second_factor: '/account/two-factor',
};

export async function resolveSignInProgress(
  sessionId: string,
  tokenRole: string | undefined,
  now = new Date(),
): Promise<SignInProgress | null> {
  const session = await loadSession(sessionId);
  const verdict = evaluateSignInProgress({ session, user: session?.user ?? null, tokenRole, now });
  if (!verdict.valid || !session) return null;
  const { user } = session;
  return {
    sessionId: session.id,
    stage: verdict.stage,
    user: {
      id: user.id,
      role: user.role,
      displayName: user.displayName,
      provinceCode: user.provinceCode,
      totpEnabled: user.totpEnabledAt !== null,
    },
  };
}

/** The signed-in session at whatever step it is, or null when there is none. */
export const getSignInProgress = cache(async (): Promise<SignInProgress | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sid || !session.uid) return null;
  const progress = await resolveSignInProgress(session.sid, session.role);
  return progress && progress.user.id === session.uid ? progress : null;
});

/** The path that continues an unfinished sign-in, carrying where the user was going. */
export function continuePath(stage: Exclude<SignInStage, 'complete'>, returnTo: string | null): string {
  const target = safeReturnPath(returnTo);
  return target ? `${STAGE_PATH[stage]}?callbackUrl=${encodeURIComponent(target)}` : STAGE_PATH[stage];
}

/**
 * For the page of one step: its session when it is at one of `stages` ('complete' lets signed-in users in too).
 * Anyone else goes where they belong: the sign-in page, the page of their own step, or where they were going.
 */
export async function requireSignInStage(
  stages: readonly SignInStage[],
  returnTo: string | null,
): Promise<SignInProgress> {
  const progress = await getSignInProgress();
  if (!progress) redirect('/sign-in');
  if (stages.includes(progress.stage)) return progress;
  if (progress.stage === 'complete') redirect(safeReturnPath(returnTo) ?? HOME_PATH[progress.user.role]);
  redirect(continuePath(progress.stage, returnTo));
}
