import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address';

describe('clientAddress', () => {
  const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, fd00::/8');

  it('takes the socket peer and ignores X-Forwarded-For from an untrusted peer', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', ['1.1.1.1', '2.2.2.2'], proxies)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', undefined, parseTrustedProxies(undefined))).toBe('203.0.113.9');
  });

  it('honours X-Forwarded-For from a trusted proxy, skipping further trusted hops from the right', () => {
    expect(clientAddress('10.1.2.3', '198.51.100.7', proxies)).toBe('198.51.100.7');
    // The client forged the left-most entry; the load balancer appended the real peer, then an inner proxy its own.
    expect(clientAddress('10.1.2.3', '6.6.6.6, 198.51.100.7, 192.168.1.5', proxies)).toBe('198.51.100.7');
    expect(clientAddress('fd00::1', '2001:db8::7', proxies)).toBe('2001:db8::7');
  });

  it('stops at the proxy when the forwarded value is missing or not an address', () => {
    expect(clientAddress('10.1.2.3', undefined, proxies)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', 'unknown', proxies)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', '10.9.9.9', proxies)).toBe('10.9.9.9');
    expect(clientAddress(undefined, '1.1.1.1', proxies)).toBe('unknown');
  });

  it('refuses a malformed TRUSTED_PROXIES entry by name', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow('"10.0.0.0/33"');
    expect(() => parseTrustedProxies('loadbalancer.local')).toThrow('"loadbalancer.local"');
    expect(() => parseTrustedProxies('::1/129')).toThrow('"::1/129"');
  });
});
