// The clean-up job deletes the mass-incident filing counts no window reads any more, and only those (real PostgreSQL).
import { beforeEach, describe, expect, it } from 'vitest';
import { cleanUpExpiredRows } from '@/lib/ops/cleanup';
import { runSql } from '@/test/support/incident-data';
import { rawClient } from '@/test/support/db';
import { pruneIncidentFilingCounts } from './prune-filing-counts';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const HOUR = 3600_000;

/** One hour row per age (hours before NOW, on the hour), plus the key row, for unit 410100 and NON_EPIDEMIC. */
async function countsAged(ages: number[]): Promise<void> {
  const rows = [new Date(0), ...ages.map((age) => new Date(NOW.getTime() - age * HOUR))];
  await runSql(
    `INSERT INTO incident_filing_count (province_code, issuing_unit_code, reason_key, hour_start, filings)
     SELECT '41', '410100', 'NON_EPIDEMIC', hour, 1 FROM unnest($1::timestamptz[]) AS hour`,
    [rows.map((row) => row.toISOString())],
  );
}

async function remainingAges(): Promise<number[]> {
  const client = await rawClient();
  try {
    const { rows } = await client.query<{ hour_start: Date }>(
      'SELECT hour_start FROM incident_filing_count ORDER BY hour_start DESC',
    );
    return rows.map((row) => (row.hour_start.getTime() === 0 ? -1 : (NOW.getTime() - row.hour_start.getTime()) / HOUR));
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  await runSql('TRUNCATE incident_filing_count');
  await runSql('DELETE FROM incident_policy WHERE province_code IS NOT NULL');
});

describe('pruning the filing counts of mass-incident detection', () => {
  it('keeps the default 24-hour window and two hours more, and the key row', async () => {
    await countsAged([0, 23, 25, 26, 27, 100]);
    expect(await pruneIncidentFilingCounts(NOW)).toBe(2);
    // -1 stands for the key row (hour_start at the epoch).
    expect(await remainingAges()).toEqual([0, 23, 25, 26, -1]);
  });

  it('keeps what the longest window of any province policy reads', async () => {
    await runSql(`INSERT INTO incident_policy (province_code, version, threshold, window_hours, effective_from)
                  VALUES ('44', 1, 50, 72, '2020-01-01T00:00:00Z')`);
    await countsAged([30, 73, 74, 75]);
    expect(await pruneIncidentFilingCounts(NOW)).toBe(1);
    expect(await remainingAges()).toEqual([30, 73, 74, -1]);
  });

  it('runs as part of the scheduled clean-up', async () => {
    await countsAged([1, 200]);
    expect((await cleanUpExpiredRows(NOW)).incidentFilingCounts).toBe(1);
    expect(await remainingAges()).toEqual([1, -1]);
  });
});
