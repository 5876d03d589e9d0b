// Fails when the migrated schema could not be distributed with Citus as lib/db/distribution.ts classifies it
// (docs/scaling.md), and shows on deliberately broken tables that the check can fail.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { DISTRIBUTION, type DistributionMap, type Placement } from '@/lib/db/distribution';
import { rawClient } from '@/test/helpers/db';
import { checkDistribution, readDistributionFacts, staleExemptions } from './distribution-rules';

let client: pg.Client;
beforeAll(async () => {
  client = await rawClient();
});
afterAll(async () => {
  await client.end();
});

describe('the migrated schema', () => {
  it('classifies every table and keeps every key and foreign key within Citus rules', async () => {
    const facts = await readDistributionFacts(client);
    // On failure each line names the table, key or foreign key and what is wrong with it.
    expect(checkDistribution(facts, DISTRIBUTION)).toEqual([]);
    expect(staleExemptions(facts, DISTRIBUTION)).toEqual([]);
  });

  it('has every case table keyed by province_code, including the formerly id-only keys', async () => {
    const facts = await readDistributionFacts(client);
    const key = (name: string) => facts.uniqueKeys.find((candidate) => candidate.name === name)?.columns;
    expect(key('appeal_case_pkey')).toEqual(['province_code', 'id']);
    expect(key('appeal_case_province_code_reference_key')).toEqual(['province_code', 'reference']);
    expect(key('decision_province_code_case_id_level_key')).toEqual(['province_code', 'case_id', 'level']);
    expect(key('case_exclusion_pkey')).toEqual(['province_code', 'case_id', 'reviewer_id']);
    expect(facts.foreignKeys.find((fk) => fk.name === 'evidence_province_code_case_id_fkey')).toMatchObject({
      columns: ['province_code', 'case_id'],
      referencedTable: 'appeal_case',
      referencedColumns: ['province_code', 'id'],
    });
  });

  it('agrees with the table in docs/scaling.md', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/scaling.md'), 'utf8');
    const rows: [string, (placement: Placement) => boolean][] = [
      ['| Distributed by province', (p) => p.kind === 'distributed' && p.column === 'province_code'],
      ['| Distributed by `chain`', (p) => p.kind === 'distributed' && p.column === 'chain'],
      ['| Reference tables', (p) => p.kind === 'reference'],
      ['| Distributed by their own key', (p) => p.kind === 'distributed-by-own-key'],
    ];
    for (const [start, matches] of rows) {
      const line = doc.split('\n').find((candidate) => candidate.startsWith(start));
      expect(line, `docs/scaling.md has a row starting ${start}`).toBeDefined();
      const tablesCell = line!.split('|')[2] ?? '';
      const documented = [...tablesCell.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]).sort();
      const classified = Object.entries(DISTRIBUTION).filter(([, placement]) => matches(placement)).map(([table]) => table).sort();
      expect(documented, start).toEqual(classified);
    }
  });
});

describe('the check can fail', () => {
  it('reports unclassified and missing tables, keys without the distribution column and uncolocated foreign keys', async () => {
    await client.query('CREATE SCHEMA probe');
    try {
      await client.query(`
        CREATE TABLE probe.bad (id uuid PRIMARY KEY, province_code char(2));
        CREATE TABLE probe.good (province_code char(2) NOT NULL, id uuid NOT NULL, bad_id uuid, code text NOT NULL,
                                 PRIMARY KEY (province_code, id));
        CREATE UNIQUE INDEX good_code_key ON probe.good (code) WHERE bad_id IS NOT NULL;
        CREATE UNIQUE INDEX good_province_code_code_key ON probe.good (province_code, code);
        ALTER TABLE probe.good ADD CONSTRAINT good_bad_id_fkey FOREIGN KEY (bad_id) REFERENCES probe.bad (id);
        CREATE TABLE probe.child (province_code char(2) NOT NULL, id uuid NOT NULL, good_id uuid NOT NULL,
                                  PRIMARY KEY (province_code, id));
        ALTER TABLE probe.child ADD CONSTRAINT child_province_code_good_id_fkey
          FOREIGN KEY (province_code, good_id) REFERENCES probe.good (province_code, id);
        CREATE TABLE probe.pair (province_code char(2) NOT NULL, other_code char(2) NOT NULL, PRIMARY KEY (province_code, other_code));
        CREATE TABLE probe.crossed (province_code char(2) NOT NULL, other_code char(2) NOT NULL, PRIMARY KEY (province_code, other_code),
          CONSTRAINT crossed_fkey FOREIGN KEY (other_code, province_code) REFERENCES probe.pair (province_code, other_code));
        CREATE TABLE probe.lookup (code text PRIMARY KEY, good_province_code char(2), good_id uuid,
          FOREIGN KEY (good_province_code, good_id) REFERENCES probe.good (province_code, id));
        CREATE TABLE probe.unlisted (x int);
      `);
      const byProvince = { kind: 'distributed', column: 'province_code' } as const;
      const map: DistributionMap = {
        bad: byProvince, good: byProvince, child: byProvince, pair: byProvince, crossed: byProvince, lookup: { kind: 'reference' }, gone: byProvince,
      };
      expect(checkDistribution(await readDistributionFacts(client, 'probe'), map)).toEqual([
        'table unlisted is not classified in lib/db/distribution.ts',
        'table gone is classified in lib/db/distribution.ts but does not exist',
        'table bad: distribution column province_code is nullable',
        'table bad: primary key bad_pkey (id) does not include the distribution column province_code',
        'table good: unique key good_code_key (code) does not include the distribution column province_code',
        'foreign key crossed_fkey crossed (other_code, province_code) → pair (province_code, other_code): not colocated, province_code and province_code must be at the same position on both sides',
        'foreign key good_bad_id_fkey good (bad_id) → bad (id): not colocated, province_code and province_code must be at the same position on both sides',
        'foreign key lookup_good_province_code_good_id_fkey lookup (good_province_code, good_id) → good (province_code, id): a reference table may reference only reference tables, not one distributed by province_code',
      ]);
    } finally {
      await client.query('DROP SCHEMA probe CASCADE');
    }
  });

  it('notices an exemption whose unique key is gone', async () => {
    const facts = await readDistributionFacts(client);
    const map: DistributionMap = {
      ...DISTRIBUTION,
      session: { kind: 'distributed-by-own-key', column: 'id', exemptUniqueKeys: { session_token_key: 'no such key' } },
    };
    expect(staleExemptions(facts, map)).toEqual(['session.session_token_key']);
  });
});
