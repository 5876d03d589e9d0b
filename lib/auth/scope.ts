// Who may see what, in one place (SPEC §10): page guards by role, and the case filter every data read starts from.
import 'server-only';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '@/lib/db/generated/enums';
import { getCurrentUser } from './session';
import type { CurrentUser } from './sessions';

export const HOME_PATH: Record<Role, string> = {
  CITIZEN: '/my-cases',
  REVIEWER: '/review',
  SUPERVISOR: '/supervise',
  ADMIN: '/admin',
};

/** A relative path on this site, or null (never an open redirect to another host). */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

/**
 * For pages: the signed-in user when their role is one of `roles`. Signed out → the sign-in page (coming back to
 * `returnTo`); signed in with another role → 404, so a page of another role does not even show that it exists.
 */
export async function requireUser(roles: readonly Role[], returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo) ?? '/')}`);
  if (!roles.includes(user.role)) notFound();
  return user;
}

export { caseScopeWhere, isNationalScope, type Actor } from './actor';
