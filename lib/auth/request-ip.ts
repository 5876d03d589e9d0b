// The client address used for per-IP rate limits: the last hop of X-Forwarded-For. In production the server
// (scripts/server.ts) has already reduced that header to the one client address, taken from the socket or, from a
// proxy in TRUSTED_PROXIES, from the proxy's header (lib/security/client-address.ts); `next dev` does not.
import 'server-only';
import { headers } from 'next/headers';

export function ipFromHeaders(forwardedFor: string | string[] | null | undefined, realIp?: string | null): string {
  const value = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const hops = (value ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.at(-1) ?? realIp?.trim() ?? 'unknown';
}

export async function getRequestIp(): Promise<string> {
  const list = await headers();
  return ipFromHeaders(list.get('x-forwarded-for'), list.get('x-real-ip'));
}
