// Integration secrets at rest: API key secrets and webhook signing secrets are sealed with AES-256-GCM under
// INTEGRATION_KEY_SECRET, a key from configuration that never enters the database (as lib/pii/id-number.ts does).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Used only outside production when INTEGRATION_KEY_SECRET is missing, so development and tests work out of the box. */
const DEVELOPMENT_KEY = 'development-only-integration-key-secret';

function sealingKey(): Buffer {
  let configured = process.env.INTEGRATION_KEY_SECRET;
  if (!configured) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error('INTEGRATION_KEY_SECRET is not configured (see docs/integration.md).');
    }
    configured = DEVELOPMENT_KEY;
  }
  // Any configured string works; it is stretched to the 32 bytes AES-256 needs.
  return createHash('sha256').update(configured).digest();
}

/** `v1.<iv>.<tag>.<ciphertext>`, all base64url. */
export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.');
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('Unknown integration secret format');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** 32 random bytes, base64url: the string itself is the HMAC key. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function fingerprintSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A public key id naming its province, e.g. `hk34_1f0c9a7e2b5d4c83a6e0`. */
export function generateKeyId(provinceCode: string): string {
  return `hk${provinceCode}_${randomBytes(10).toString('hex')}`;
}
