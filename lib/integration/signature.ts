// Request and webhook signatures (SPEC §9): hex HMAC-SHA256 over `timestamp \n METHOD \n path \n sha256(body)`.
// The same scheme signs inbound API requests (with the API key's secret) and outbound webhooks (with the province's
// webhook secret); docs/integration.md gives the exact steps for provincial systems.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export interface SignedParts {
  /** Unix time in whole seconds, as sent in X-Timestamp. */
  timestamp: string;
  method: string;
  /** Path and query of the request URL, e.g. `/api/v1/cases/SS-34-20261127-000123/status`. */
  path: string;
  body: Uint8Array | string;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function signingString({ timestamp, method, path, body }: SignedParts): string {
  return `${timestamp}\n${method.toUpperCase()}\n${path}\n${sha256Hex(body)}`;
}

export function sign(secret: string, parts: SignedParts): string {
  return createHmac('sha256', secret).update(signingString(parts)).digest('hex');
}

/** Constant-time comparison, so timing reveals nothing about how much of a signature was right. */
export function verifySignature(secret: string, parts: SignedParts, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(sign(secret, parts), 'hex'), Buffer.from(signature, 'hex'));
}

/** Whole seconds since the epoch, the X-Timestamp format. */
export function unixSeconds(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}

/** A timestamp more than the window away from `now`, in either direction, is refused (stale or from the future). */
export function isTimestampFresh(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(Number(timestamp) * 1000 - now.getTime()) <= SIGNATURE_WINDOW_MS;
}

/** The three headers a signed request or webhook carries. */
export function signatureHeaders(
  keyId: string,
  secret: string,
  parts: Omit<SignedParts, 'timestamp'>,
  at = new Date(),
): Record<string, string> {
  const timestamp = unixSeconds(at);
  return { 'X-Key-Id': keyId, 'X-Timestamp': timestamp, 'X-Signature': sign(secret, { ...parts, timestamp }) };
}
