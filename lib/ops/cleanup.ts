// Clean-up of short-lived rows (SPEC §18): API request nonces whose timestamps left the replay window, one-time codes a
// day after they expired, rate-limit counters that ran out, and mass-incident filing counts older than every window. Safe at any time and on several instances at once.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { pruneIncidentFilingCounts } from '@/lib/incidents/prune-filing-counts';
import { purgeExpiredNonces } from '@/lib/integration/authenticate';

const CODE_KEEP_MS = 24 * 3600 * 1000;

export async function cleanUpExpiredRows(
  now = new Date(),
): Promise<{ nonces: number; codes: number; rateLimits: number; incidentFilingCounts: number }> {
  const nonces = await purgeExpiredNonces(now);
  const codes = await prisma.$executeRaw`
    DELETE FROM otp_challenge WHERE expires_at < ${new Date(now.getTime() - CODE_KEEP_MS)}`;
  // rate-limiter-flexible stores `expire` as epoch milliseconds (NULL: never expires).
  const rateLimits =
    await prisma.$executeRaw`DELETE FROM rate_limit WHERE expire IS NOT NULL AND expire < ${now.getTime()}`;
  const incidentFilingCounts = await pruneIncidentFilingCounts(now);
  return { nonces, codes, rateLimits, incidentFilingCounts };
}
