// The signing scheme: a known vector (so provincial systems can check their implementation against it), round trips,
// and any change to timestamp, method, path, body or secret breaks the signature.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimestampFresh, sha256Hex, sign, signatureHeaders, signingString, verifySignature } from './signature';

describe('signature', () => {
  it('signs `timestamp\\nMETHOD\\npath\\nsha256(body)` with HMAC-SHA256 in hex', () => {
    const parts = { timestamp: '1795768200', method: 'post', path: '/api/v1/code-assignments', body: '{"a":1}' };
    expect(signingString(parts)).toBe(`1795768200\nPOST\n/api/v1/code-assignments\n${sha256Hex('{"a":1}')}`);
    expect(sign('hks_secret', parts)).toBe(
      createHmac('sha256', 'hks_secret').update(signingString(parts)).digest('hex'),
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // Computed independently: printf '1795768200\nPOST\n/api/v1/code-assignments\n<sha256>' | openssl dgst -sha256 -hmac hks_secret
    expect(sign('hks_secret', parts)).toBe('289cbaf8b55db56ba8799eee37733b31db5a4adf630b074a2d4f0a435a58460c');
  });

  it('verifies its own signatures and nothing that differs in any part', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.record({
          timestamp: fc.integer({ min: 0, max: 4e9 }).map(String),
          method: fc.constantFrom('GET', 'POST'),
          path: fc.string(),
          body: fc.string(),
        }),
        fc.constantFrom('secret', 'timestamp', 'method', 'path', 'body'),
        (secret, parts, changed) => {
          const signature = sign(secret, parts);
          expect(verifySignature(secret, parts, signature)).toBe(true);
          const other = { ...parts };
          let otherSecret = secret;
          if (changed === 'secret') otherSecret = `${secret}x`;
          else if (changed === 'method') other.method = parts.method === 'GET' ? 'POST' : 'GET';
          else other[changed] = `${parts[changed]}1`;
          expect(verifySignature(otherSecret, other, signature)).toBe(false);
        },
      ),
    );
  });

  it('refuses signatures that are not 64 hex digits without throwing', () => {
    const parts = { timestamp: '1', method: 'GET', path: '/', body: '' };
    for (const bad of ['', 'zz', sign('s', parts).toUpperCase(), `${sign('s', parts)}00`])
      expect(verifySignature('s', parts, bad)).toBe(false);
  });

  it('accepts timestamps within 5 minutes either way, in whole seconds only', () => {
    const now = new Date('2026-11-27T00:00:00Z');
    const seconds = (offset: number) => String(now.getTime() / 1000 + offset);
    expect(isTimestampFresh(seconds(-300), now)).toBe(true);
    expect(isTimestampFresh(seconds(300), now)).toBe(true);
    expect(isTimestampFresh(seconds(-301), now)).toBe(false);
    expect(isTimestampFresh(seconds(301), now)).toBe(false);
    for (const bad of ['', '1.5', '-1', 'abc', ' 1795708800', String(now.getTime())])
      expect(isTimestampFresh(bad, now)).toBe(false);
  });

  it('builds the three request headers', () => {
    const at = new Date('2026-11-27T00:00:00Z');
    const headers = signatureHeaders('hk34_x', 's', { method: 'GET', path: '/p', body: '' }, at);
    expect(headers).toEqual({
      'X-Key-Id': 'hk34_x',
      'X-Timestamp': '1795737600',
      'X-Signature': sign('s', { timestamp: '1795737600', method: 'GET', path: '/p', body: '' }),
    });
  });
});
