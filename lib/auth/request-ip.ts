// The client address used for per-IP rate limits: the nearest hop of X-Forwarded-For. Behind a load balancer
// that appends the peer address, a client cannot choose its own address by sending the header itself.
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
