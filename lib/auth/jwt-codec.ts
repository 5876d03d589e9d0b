// The session cookie's JWT codec: next-auth v4's own format (a JWE, "dir" + A256GCM, with the key derived from the
// secret by HKDF-SHA256), with the derived key kept per process instead of derived again on every request (next-auth
// derives it for each decode and each encode: twice per signed-in request). Tokens are interchangeable with
// next-auth's own `encode`/`decode` (lib/auth/jwt-codec.test.ts).
import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

const DEFAULT_MAX_AGE_S = 30 * 24 * 60 * 60;

/** Derived keys by secret and salt (a process has one secret; the map is keyed so another secret never shares one). */
const derivedKeys = new Map<string, Uint8Array>();

function secretText(secret: string | Buffer): string {
  return typeof secret === 'string' ? secret : secret.toString('utf8');
}

/** next-auth's key derivation (jwt/index.js, getDerivedEncryptionKey), once per secret and salt. */
function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\u0000${secretText(secret)}`;
  let key = derivedKeys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`;
    key = new Uint8Array(hkdfSync('sha256', secret, salt, info, 32));
    derivedKeys.set(id, key);
  }
  return key;
}

export async function encodeSessionJwt({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE_S,
  salt = '',
}: JWTEncodeParams): Promise<string> {
  return new EncryptJWT(token as JWTPayload)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(encryptionKey(secret, salt));
}

/** Throws on a token that is not ours (another secret, tampered, expired), as next-auth's decode does. */
export async function decodeSessionJwt({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
