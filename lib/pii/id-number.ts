// ID numbers at rest (SPEC §10): resident IDs, residence permits and, for foreigners without one, passport numbers.
// AES-256-GCM with a key from configuration (never the database), a keyed hash for look-ups, and the masked form
// that is all most screens ever show.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

function requiredSecret(name: 'ID_ENCRYPTION_KEY' | 'ID_HASH_KEY'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not configured (see README: configuration).`);
  return value;
}

function encryptionKey(): Buffer {
  // Any configured string works; it is stretched to the 32 bytes AES-256 needs.
  return createHash('sha256').update(requiredSecret('ID_ENCRYPTION_KEY')).digest();
}

/** `v1.<iv>.<tag>.<ciphertext>`, all base64url. */
export function encryptIdNumber(idNumber: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptIdNumber(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('Unknown ID number ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** A passport's hash is kept apart from ID numbers': the same characters on two kinds of document are not one person. */
export function hashIdNumber(idNumber: string, document: 'RESIDENT_ID' | 'PASSPORT' = 'RESIDENT_ID'): string {
  const subject = `${document === 'PASSPORT' ? 'passport:' : ''}${idNumber.toUpperCase()}`;
  return createHmac('sha256', requiredSecret('ID_HASH_KEY')).update(subject).digest('hex');
}

/**
 * `341602199001011234` → `3416**********1234`. A shorter number (a passport's) keeps at most a third of its characters
 * visible: `E12345678` → `E1*****78`.
 */
export function maskIdNumber(idNumber: string): string {
  const shown = idNumber.length >= 18 ? 4 : Math.min(4, Math.floor(idNumber.length / 4));
  return `${idNumber.slice(0, shown)}${'*'.repeat(Math.max(0, idNumber.length - 2 * shown))}${shown > 0 ? idNumber.slice(-shown) : ''}`;
}

/** Everything a case stores about an ID number (or a passport number). */
export function sealIdNumber(
  idNumber: string,
  document: 'RESIDENT_ID' | 'PASSPORT' = 'RESIDENT_ID',
): {
  idNumberCipher: string;
  idNumberHash: string;
  idNumberMasked: string;
} {
  const normalised = idNumber.toUpperCase();
  return {
    idNumberCipher: encryptIdNumber(normalised),
    idNumberHash: hashIdNumber(normalised, document),
    idNumberMasked: maskIdNumber(normalised),
  };
}
