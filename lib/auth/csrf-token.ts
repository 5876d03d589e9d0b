// next-auth's CSRF token, read on the server from its cookie (`token|hash`), so a form that posts to next-auth works
// before the page's JavaScript has loaded (or without it). next-auth checks the hash; this only passes the token on.
import { cookies } from 'next/headers';
import { sessionCookiesSecure } from './secure-cookies';

export async function csrfTokenFromCookie(): Promise<string | undefined> {
  const name = `${sessionCookiesSecure() ? '__Host-' : ''}next-auth.csrf-token`;
  const value = (await cookies()).get(name)?.value;
  const token = value ? decodeURIComponent(value).split('|')[0] : '';
  return token || undefined;
}
