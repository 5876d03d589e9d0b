// The client address behind per-IP rate limits (issue 14 §4): the socket's peer, unless that peer is a configured
// proxy (TRUSTED_PROXIES: comma-separated addresses or CIDRs); then X-Forwarded-For is read from the right, skipping
// further trusted proxies, and the first address not in the list is the client. A client that sends its own header
// to an instance directly changes nothing. The production server (scripts/server.ts) applies this to every request
// before Next.js sees it; lib/auth/request-ip.ts then reads the one address left in the header.
import { BlockList, isIP } from 'node:net';

export type TrustedProxies = BlockList;

/** Parses TRUSTED_PROXIES; a malformed entry is an error naming it, so a typo never trusts everyone or no one. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  for (const entry of (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = '', prefixText] = entry.split('/');
    const family = isIP(address);
    const prefix = prefixText === undefined ? (family === 6 ? 128 : 32) : Number(prefixText);
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR (e.g. 10.0.0.0/8, ::1)`);
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) as `1.2.3.4`; anything not an address as null. */
function normalise(address: string | undefined): string | null {
  const trimmed = address?.trim() ?? '';
  const plain =
    trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(plain) ? plain : null;
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  return trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** The client's address for a request that arrived from `peer` carrying `forwardedFor`. */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = normalise(peer);
  if (!client) return 'unknown';
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (isTrusted(client, trusted)) {
    const next = normalise(hops.pop());
    // A trusted proxy that forwarded nothing usable: the proxy itself is all we know.
    if (!next) break;
    client = next;
  }
  return client;
}
