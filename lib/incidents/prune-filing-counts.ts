// The clean-up job's part of mass-incident detection (SPEC §16): an hour row of incident_filing_count older than the
// longest window of any incident policy (plus the hour detection reads beyond it, and an hour for filings stamped
// before they commit) is never read again, so it is deleted. The key rows (hour_start at the epoch) stay: they are the
// lock of each unit and reason and point at its open incident.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { KEY_ROW } from './detect-incident';
import { DEFAULT_INCIDENT_POLICY } from './incident-rules';

const HOUR_MS = 3600_000;
/** Hours kept beyond the longest window: the one detection reads past it, one for late-committing filings. */
const MARGIN_HOURS = 2;

export async function pruneIncidentFilingCounts(now: Date): Promise<number> {
  const [row] = await prisma.$queryRaw<{ hours: number }[]>`
    SELECT GREATEST(COALESCE(max(window_hours), 0), ${DEFAULT_INCIDENT_POLICY.windowHours}::int)::int AS hours
    FROM incident_policy`;
  const cutoff = new Date(now.getTime() - (row!.hours + MARGIN_HOURS) * HOUR_MS);
  return prisma.$executeRaw`
    DELETE FROM incident_filing_count WHERE hour_start > ${KEY_ROW} AND hour_start < ${cutoff}`;
}
