// Per-key rate limit of API v1: a fixed one-minute window counted in the shared rate_limit table (the row format of
// rate-limiter-flexible's PostgreSQL store: key, points, expire in epoch ms), so every app instance counts together.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { ApiClient } from './authenticate';
import { apiError } from './errors';

const WINDOW_MS = 60_000;

/** Counts one request against the key's budget; throws 429 with Retry-After when the budget is spent. */
export async function consumeApiRateLimit(client: ApiClient, now = new Date()): Promise<void> {
  const nowMs = BigInt(now.getTime());
  const [row] = await prisma.$queryRaw<{ points: number; expire: bigint }[]>`
    INSERT INTO rate_limit (key, points, expire) VALUES (${`api-key:${client.keyId}`}, 1, ${nowMs + BigInt(WINDOW_MS)})
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN rate_limit.expire IS NULL OR rate_limit.expire <= ${nowMs} THEN 1 ELSE rate_limit.points + 1 END,
      expire = CASE WHEN rate_limit.expire IS NULL OR rate_limit.expire <= ${nowMs} THEN EXCLUDED.expire ELSE rate_limit.expire END
    RETURNING points, expire`;
  if (row && row.points > client.rateLimitPerMinute) {
    const retryAfter = Math.max(1, Math.ceil(Number(row.expire - nowMs) / 1000));
    throw apiError(429, 'RATE_LIMITED', {
      values: { limit: client.rateLimitPerMinute },
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
}
