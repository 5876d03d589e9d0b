import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { checkFilingReferences } from './check-filing-references';

/** Reference data this file relies on, added here (and tolerated if the seed already has it). */
beforeAll(async () => {
  const db = getPrisma();
  await db.division.createMany({
    skipDuplicates: true,
    data: [
      { code: '340000', name: '安徽省', level: 'PROVINCE', parentCode: null, provinceCode: '34' },
      { code: '341600', name: '亳州市', level: 'CITY', parentCode: '340000', provinceCode: '34' },
      { code: '341602', name: '谯城区', level: 'COUNTY', parentCode: '341600', provinceCode: '34' },
      { code: '310000', name: '上海市', level: 'PROVINCE', parentCode: null, provinceCode: '31' },
      { code: '410000', name: '河南省', level: 'PROVINCE', parentCode: null, provinceCode: '41' },
      { code: '410100', name: '郑州市', level: 'CITY', parentCode: '410000', provinceCode: '41' },
    ],
  });
  await db.reasonCatalogueVersion.create({
    data: {
      version: 999_998,
      note: 'older test version',
      reasons: {
        create: [
          {
            code: 'RETIRED_REASON',
            nameZh: '旧原因',
            nameEn: 'Retired reason',
            maxColour: 'RED',
            validity: 'VALID',
            sortOrder: 1,
          },
        ],
      },
    },
  });
  await db.reasonCatalogueVersion.create({
    data: {
      version: 999_999,
      note: 'test version in force',
      reasons: {
        create: [
          {
            code: 'CLOSE_CONTACT',
            nameZh: '密切接触者',
            nameEn: 'Close contact',
            maxColour: 'RED',
            validity: 'VALID',
            sortOrder: 1,
          },
          {
            code: 'NON_EPIDEMIC',
            nameZh: '非疫情原因',
            nameEn: 'Non-epidemic reason',
            maxColour: null,
            validity: 'NON_EPIDEMIC',
            sortOrder: 2,
          },
        ],
      },
    },
  });
});

const appeal = {
  issuingProvinceCode: '34',
  issuingUnitCode: '341602',
  refusingProvinceCode: null,
  statedReasonCode: 'CLOSE_CONTACT',
};

describe('checkFilingReferences (real PostgreSQL)', () => {
  it('accepts known divisions and a reason of the catalogue in force, and returns that catalogue', async () => {
    const result = await checkFilingReferences(appeal);
    expect(result.ok).toBe(true);
    expect(result.fieldErrors).toEqual({});
    expect(result.catalogue.version).toBe(999_999);
    expect(result.catalogue.reasons).toEqual([
      { code: 'CLOSE_CONTACT', maxColour: 'RED', validity: 'VALID' },
      { code: 'NON_EPIDEMIC', maxColour: null, validity: 'NON_EPIDEMIC' },
    ]);
  });

  it('accepts a city as the issuing unit, no stated reason, and a known refusing province', async () => {
    const result = await checkFilingReferences({
      issuingProvinceCode: '41',
      issuingUnitCode: '410100',
      refusingProvinceCode: '31',
      statedReasonCode: null,
    });
    expect(result).toMatchObject({ ok: true, fieldErrors: {} });
  });

  it('names each unknown reference by field', async () => {
    const result = await checkFilingReferences({
      issuingProvinceCode: '99',
      issuingUnitCode: '999901',
      refusingProvinceCode: '98',
      statedReasonCode: 'MADE_UP',
    });
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toEqual({
      issuingProvinceCode: 'filing.errors.issuingProvinceUnknown',
      issuingUnitCode: 'filing.errors.issuingUnitUnknown',
      refusingProvinceCode: 'filing.errors.refusingProvinceUnknown',
      statedReasonCode: 'filing.errors.statedReasonUnknown',
    });
  });

  it('refuses a unit of another province, a province row as the unit, and a reason only an older catalogue had', async () => {
    expect((await checkFilingReferences({ ...appeal, issuingUnitCode: '410100' })).fieldErrors).toEqual({
      issuingUnitCode: 'filing.errors.issuingUnitOutsideProvince',
    });
    expect((await checkFilingReferences({ ...appeal, issuingUnitCode: '340000' })).fieldErrors).toEqual({
      issuingUnitCode: 'filing.errors.issuingUnitUnknown',
    });
    expect((await checkFilingReferences({ ...appeal, statedReasonCode: 'RETIRED_REASON' })).fieldErrors).toEqual({
      statedReasonCode: 'filing.errors.statedReasonUnknown',
    });
  });
});
