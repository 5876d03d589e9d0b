import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, createNonce } from './content-security-policy';

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]));
}

describe('the Content-Security-Policy of pages', () => {
  it('allows scripts only with the nonce in production: no inline scripts, no eval, no framing', () => {
    const csp = directives(buildContentSecurityPolicy({ nonce: 'abc', development: false, https: true }));
    expect(csp['script-src']).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp['style-src']).toBe("'self' 'nonce-abc'");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp['object-src']).toBe("'none'");
    expect(csp['form-action']).toBe("'self'");
    expect(csp['base-uri']).toBe("'self'");
    expect('upgrade-insecure-requests' in csp).toBe(true);
    expect(csp['style-src-attr']).toBe("'unsafe-inline'");
    expect(
      Object.entries(csp).filter(([name, value]) => name !== 'style-src-attr' && value.includes('unsafe')),
    ).toEqual([]);
  });

  it('adds only what `next dev` needs in development, and no upgrade over plain http', () => {
    const csp = directives(buildContentSecurityPolicy({ nonce: 'abc', development: true, https: false }));
    expect(csp['script-src']).toContain("'unsafe-eval'");
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect('upgrade-insecure-requests' in csp).toBe(false);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});
