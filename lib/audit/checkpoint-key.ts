// The Ed25519 key that signs audit checkpoints, kept outside the database (SPEC §8): AUDIT_CHECKPOINT_KEY (base64 of
// the 32-byte private seed; development generates one into .env.local) or AUDIT_CHECKPOINT_KEY_FILE (a PKCS#8 PEM
// file, or a file holding the base64 seed). Verifiers need only the public key: AUDIT_CHECKPOINT_PUBLIC_KEY (base64 of
// the 32 raw bytes), else the one derived from the private key.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { keyIdOf } from './checkpoint-signature.mjs';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface CheckpointSigningKey {
  privateKey: KeyObject;
  /** Base64 of the 32 raw public-key bytes. */
  publicKey: string;
  keyId: string;
}

/** A private key from the base64 of its 32-byte seed, or from a PKCS#8 PEM text. */
export function privateKeyFrom(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return createPrivateKey(trimmed);
  const seed = Buffer.from(trimmed, 'base64');
  if (seed.length !== 32) throw new Error('AUDIT_CHECKPOINT_KEY must be the base64 of a 32-byte Ed25519 seed');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function rawPublicKey(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('the audit checkpoint key is not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function signingKeyFrom(text: string): CheckpointSigningKey {
  const privateKey = privateKeyFrom(text);
  const publicKey = rawPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

function privateKeyText(env: NodeJS.ProcessEnv): string | null {
  if (env.AUDIT_CHECKPOINT_KEY) return env.AUDIT_CHECKPOINT_KEY;
  if (env.AUDIT_CHECKPOINT_KEY_FILE) return readFileSync(env.AUDIT_CHECKPOINT_KEY_FILE, 'utf8');
  return null;
}

export function loadSigningKey(env: NodeJS.ProcessEnv = process.env): CheckpointSigningKey {
  const text = privateKeyText(env);
  if (!text) {
    throw new Error(
      'AUDIT_CHECKPOINT_KEY or AUDIT_CHECKPOINT_KEY_FILE is not set (README: configuration; docs/audit.md)',
    );
  }
  return signingKeyFrom(text);
}

/** The public key checkpoints are verified with, or null when none is configured. */
export function loadPublicKey(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.AUDIT_CHECKPOINT_PUBLIC_KEY) return env.AUDIT_CHECKPOINT_PUBLIC_KEY.trim();
  const text = privateKeyText(env);
  return text ? signingKeyFrom(text).publicKey : null;
}
