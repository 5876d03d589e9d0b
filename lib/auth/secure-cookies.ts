// Whether the session cookie carries `Secure` (and next-auth's `__Secure-` names): always in production, whatever
// NEXTAUTH_URL says, so a proxy misconfigured to plain http never gets a session cookie sent in clear. The one
// exception is a production build served on a loopback address (the end-to-end tests, a local trial): nothing
// leaves the machine there, and a plain-http localhost could not keep a Secure cookie in every client.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function sessionCookiesSecure(env: Record<string, string | undefined> = process.env): boolean {
  const url = env.NEXTAUTH_URL ?? '';
  if (url.startsWith('https://')) return true;
  if (env.NODE_ENV !== 'production') return false;
  try {
    return !LOOPBACK_HOSTS.has(new URL(url).hostname);
  } catch {
    return true;
  }
}
