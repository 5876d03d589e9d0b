// Machine authentication of API v1 (SPEC §9): the key named by X-Key-Id must be live, the timestamp within five
// minutes, the HMAC signature right, and the signature never seen before (replays are refused through a unique row
// in api_request_nonce, so every app instance shares the replay window).
import 'server-only';
import { prisma } from '@/lib/db/client';
import { apiError } from './errors';
import { openSecret } from './secrets';
import { isTimestampFresh, SIGNATURE_WINDOW_MS, verifySignature } from './signature';

/** Who is calling: the API key and the one province whose data it may touch. */
export interface ApiClient {
  apiKeyId: string;
  keyId: string;
  provinceCode: string;
  rateLimitPerMinute: number;
}

export interface SignatureHeaders {
  keyId: string | null;
  timestamp: string | null;
  signature: string | null;
}

export function signatureHeadersOf(request: Request): SignatureHeaders {
  return {
    keyId: request.headers.get('x-key-id'),
    timestamp: request.headers.get('x-timestamp'),
    signature: request.headers.get('x-signature'),
  };
}

const LAST_USED_RESOLUTION_MS = 60_000;

const invalidSignature = () => apiError(401, 'SIGNATURE_INVALID');

export interface CheckedSignature {
  keyId: string;
  timestamp: string;
  signature: string;
}

/** Checks what can be checked before reading the body: the headers are present and the timestamp is fresh. */
export function checkSignatureHeaders(headers: SignatureHeaders, now: Date): CheckedSignature {
  const { keyId, timestamp, signature } = headers;
  if (!keyId || !timestamp || !signature) {
    throw apiError(401, 'SIGNATURE_MISSING');
  }
  if (!isTimestampFresh(timestamp, now)) {
    throw apiError(401, 'TIMESTAMP_OUT_OF_WINDOW');
  }
  if (keyId.length > 64 || !/^[0-9a-f]{64}$/.test(signature)) throw invalidSignature();
  return { keyId, timestamp, signature };
}

/** Verifies a request whose headers passed checkSignatureHeaders; `path` is the URL's path and query. */
export async function authenticateRequest(
  { keyId, timestamp, signature }: CheckedSignature,
  request: { method: string; path: string; body: Uint8Array },
  now = new Date(),
): Promise<ApiClient> {
  const key = await prisma.apiKey.findUnique({
    where: { keyId },
    select: {
      id: true,
      keyId: true,
      provinceCode: true,
      secretCipher: true,
      rateLimitPerMinute: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) throw invalidSignature();
  if (
    !verifySignature(
      openSecret(key.secretCipher),
      { timestamp, method: request.method, path: request.path, body: request.body },
      signature,
    )
  ) {
    throw invalidSignature();
  }
  // The signature is remembered until its timestamp leaves the window; after that the timestamp check refuses it.
  const expiresAt = new Date(Number(timestamp) * 1000 + SIGNATURE_WINDOW_MS);
  const inserted = await prisma.$executeRaw`
    INSERT INTO api_request_nonce (signature, key_id, expires_at) VALUES (${signature}, ${keyId}, ${expiresAt.toISOString()}::timestamptz)
    ON CONFLICT (signature) DO NOTHING`;
  if (inserted !== 1) throw apiError(401, 'REPLAYED');
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return {
    apiKeyId: key.id,
    keyId: key.keyId,
    provinceCode: key.provinceCode,
    rateLimitPerMinute: key.rateLimitPerMinute,
  };
}

/** Forgets signatures whose timestamps have left the window (run by the delivery worker; safe at any time). */
export async function purgeExpiredNonces(now = new Date()): Promise<number> {
  return prisma.$executeRaw`DELETE FROM api_request_nonce WHERE expires_at < ${now.toISOString()}::timestamptz`;
}
