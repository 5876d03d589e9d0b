// Sealed secrets: round trip, a fresh IV each time, tampering and a different configured key are detected.
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintSecret, generateKeyId, generateSecret, openSecret, sealSecret } from './secrets';

const original = process.env.INTEGRATION_KEY_SECRET;
afterEach(() => {
  if (original === undefined) delete process.env.INTEGRATION_KEY_SECRET;
  else process.env.INTEGRATION_KEY_SECRET = original;
});

describe('secrets', () => {
  it('seals and opens, with a new ciphertext each time and no plaintext inside', () => {
    const secret = generateSecret('hks_');
    const a = sealSecret(secret);
    const b = sealSecret(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(openSecret(a)).toBe(secret);
    expect(fingerprintSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(generateKeyId('34')).toMatch(/^hk34_[0-9a-f]{20}$/);
  });

  it('detects tampering and a different configured key', () => {
    process.env.INTEGRATION_KEY_SECRET = 'key-one';
    const sealed = sealSecret('hks_abc');
    const [version, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => openSecret([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    process.env.INTEGRATION_KEY_SECRET = 'key-two';
    expect(() => openSecret(sealed)).toThrow();
  });

  it('refuses to run without a configured key in production', () => {
    delete process.env.INTEGRATION_KEY_SECRET;
    const env = process.env as Record<string, string | undefined>;
    const nodeEnv = env.NODE_ENV;
    env.NODE_ENV = 'production';
    try {
      expect(() => sealSecret('x')).toThrow(/INTEGRATION_KEY_SECRET/);
    } finally {
      env.NODE_ENV = nodeEnv;
    }
  });
});
