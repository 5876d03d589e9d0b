// The demo's mass incident (SPEC §16), after Zhengzhou in June 2022: a few hundred bank depositors given red codes by
// one issuing unit (郑州市, 410100) on one day for a non-epidemic reason, each appealing on their own. Filed through the
// real filing path (submitAppeal), so detection groups them as they arrive. Skipped when the depositors exist already.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/db/generated/client';
import { computeResidentIdCheckDigit } from '@/lib/cases/rules/resident-id';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { CURRENT_PRIVACY_NOTICE } from '@/lib/privacy/notice';

export const DEMO_INCIDENT = {
  provinceCode: '41',
  unitCode: '410100',
  depositors: 200,
  /** The depositors' mobile numbers: this prefix and four digits (never one of the five demo citizens). */
  mobilePrefix: '1860371',
  /** The day the codes were given, in Asia/Shanghai. */
  day: '2022-06-13',
} as const;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '桂兰',
  '海燕',
  '伟',
  '静',
  '磊',
  '敏',
  '丽',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
];

/** The resident ID number of depositor `n` (Zhengzhou, 金水区). */
function depositorIdNumber(n: number): string {
  const first17 = `410102${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(100 + n).slice(-3)}`;
  return `${first17}${computeResidentIdCheckDigit(first17)}`;
}

/** Every depositor's ID number (the seed test checks none is stored in the clear). */
export function listDemoIncidentIdNumbers(): string[] {
  return Array.from({ length: DEMO_INCIDENT.depositors }, (_, n) => depositorIdNumber(n));
}

export async function seedDemoIncident(prisma: PrismaClient, log: (line: string) => void): Promise<number> {
  const existing = await prisma.user.count({ where: { mobile: { startsWith: DEMO_INCIDENT.mobilePrefix } } });
  if (existing > 0) return 0;
  const started = performance.now();
  // One by one until the incident is surely open (the national default opens it at the 20th), then four at a time,
  // each four filed at one instant: the province's audit chain stays in time order (as in the rest of the demo
  // history) whichever of the four commits first, and no filing races the one that opens the incident.
  for (let start = 0; start < DEMO_INCIDENT.depositors;) {
    const size = start < 24 ? 1 : Math.min(4, DEMO_INCIDENT.depositors - start);
    const now = new Date();
    await Promise.all(Array.from({ length: size }, (_, i) => fileOne(prisma, start + i, now)));
    start += size;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `  群体性赋码事件：郑州市 ${DEMO_INCIDENT.depositors} 件“与疫情无关”红码申诉（${seconds} 秒） / mass incident: ${DEMO_INCIDENT.depositors} non-epidemic red-code appeals against Zhengzhou (${seconds} s)`,
  );
  return DEMO_INCIDENT.depositors;
}

async function fileOne(prisma: PrismaClient, n: number, now: Date): Promise<void> {
  const name = `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`;
  const mobile = `${DEMO_INCIDENT.mobilePrefix}${String(n).padStart(4, '0')}`;
  const citizen = await prisma.user.create({ data: { role: 'CITIZEN', displayName: name, mobile } });
  // Codes given through the day, from 09:00 Beijing time.
  const codeAssignedAt = new Date(Date.parse(`${DEMO_INCIDENT.day}T09:00:00+08:00`) + n * 2 * 60_000);
  await submitAppeal(
    { id: citizen.id, role: 'CITIZEN', provinceCode: null },
    {
      type: 'CODE_APPEAL',
      applicantName: name,
      idNumber: depositorIdNumber(n),
      mobile,
      colour: 'RED',
      codeAssignedAt: codeAssignedAt.toISOString(),
      issuingProvinceCode: DEMO_INCIDENT.provinceCode,
      issuingUnitCode: DEMO_INCIDENT.unitCode,
      refusingProvinceCode: null,
      statedReasonCode: n % 5 === 0 ? 'NO_REASON_STATED' : 'NON_EPIDEMIC',
      grounds: 'NON_EPIDEMIC_REASON',
      statement:
        n % 7 === 0
          ? '我只是路过郑州去医院复诊，扫码后即被赋红码，从未到过任何风险区域，也不是村镇银行储户。'
          : '我是村镇银行储户，来郑州反映存款无法取出的问题，扫场所码后即被赋红码，与疫情防控无关。',
      requestedOutcome: 'REVOKE',
      privacyNoticeAccepted: true,
      privacyNoticeVersion: CURRENT_PRIVACY_NOTICE.version,
      idempotencyKey: randomUUID(),
    },
    [],
    now,
  );
}
