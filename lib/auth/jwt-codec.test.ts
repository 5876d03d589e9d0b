// The session cookie codec keeps next-auth's token format (either side decodes the other's tokens) and, with its
// key kept per process, still refuses a token made with another secret, a tampered one and an expired one.
import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionJwt, encodeSessionJwt } from './jwt-codec';

const secret = 'a-session-secret-of-forty-characters-long';
const token = { sub: 'user-1', sid: '6f0c2d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f', role: 'CITIZEN' };

describe('session JWT codec', () => {
  it('decodes what next-auth encodes and next-auth decodes what it encodes', async () => {
    const fromNextAuth = await encode({ secret, token, maxAge: 60 });
    expect(await decodeSessionJwt({ secret, token: fromNextAuth })).toMatchObject(token);
    const ours = await encodeSessionJwt({ secret, token, maxAge: 60 });
    const decoded = await decode({ secret, token: ours });
    expect(decoded).toMatchObject(token);
    expect(decoded?.exp).toBeGreaterThan(Date.now() / 1000);
    expect(typeof decoded?.jti).toBe('string');
  });

  it('refuses a token made with another secret, also after the key of the first secret was cached', async () => {
    const ours = await encodeSessionJwt({ secret, token, maxAge: 60 });
    expect(await decodeSessionJwt({ secret, token: ours })).toMatchObject(token);
    const forged = await encodeSessionJwt({ secret: `${secret}-other`, token, maxAge: 60 });
    await expect(decodeSessionJwt({ secret, token: forged })).rejects.toThrow();
    await expect(decodeSessionJwt({ secret: `${secret}-other`, token: ours })).rejects.toThrow();
    const fromNextAuthOtherSecret = await encode({ secret: 'yet-another-secret-of-enough-length!!', token });
    await expect(decodeSessionJwt({ secret, token: fromNextAuthOtherSecret })).rejects.toThrow();
  });

  it('refuses a tampered token, an expired one and a token of another salt', async () => {
    const ours = await encodeSessionJwt({ secret, token, maxAge: 60 });
    const parts = ours.split('.');
    const cipher = parts[3]!;
    parts[3] = `${cipher[0] === 'A' ? 'B' : 'A'}${cipher.slice(1)}`;
    await expect(decodeSessionJwt({ secret, token: parts.join('.') })).rejects.toThrow();
    const expired = await encodeSessionJwt({ secret, token, maxAge: -60 });
    await expect(decodeSessionJwt({ secret, token: expired })).rejects.toThrow();
    const salted = await encodeSessionJwt({ secret, token, salt: 'other-cookie', maxAge: 60 });
    await expect(decodeSessionJwt({ secret, token: salted })).rejects.toThrow();
    expect(await decodeSessionJwt({ secret, token: salted, salt: 'other-cookie' })).toMatchObject(token);
    expect(await decodeSessionJwt({ secret, token: undefined })).toBeNull();
  });
});
