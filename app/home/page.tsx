// Sends a signed-in user to their role's home (the place sign-in lands when no page was asked for).
import { redirect } from 'next/navigation';
import { HOME_PATH, requireUser } from '@/lib/auth/scope';

export default async function HomeRedirectPage() {
  const user = await requireUser(['CITIZEN', 'REVIEWER', 'SUPERVISOR', 'ADMIN'], '/home');
  redirect(HOME_PATH[user.role]);
}
