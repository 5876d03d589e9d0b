// Demo staff and citizen accounts (development and demos only), and the sign-in help printed after seeding.
// Demo supervisors and the administrator have their second factor enrolled with one known demo secret (printed with the
// sign-ins), so demos and the end-to-end tests can sign in. Accounts that already exist are left exactly as they are.
import type { PrismaClient } from '@/lib/db/client';
import { Role } from '@/lib/db/generated/enums';
import { appendAuditEvent, NATIONAL_CHAIN } from '@/lib/audit/append';
import { hashPassword } from '@/lib/auth/password';
import { requiresSecondFactor } from '@/lib/auth/session-policy';
import { encryptIdNumber } from '@/lib/pii/id-number';

export const DEMO_PASSWORD = 'Demo-2026!';
/**
 * The TOTP secret (base32, 20 bytes) of every demo supervisor and administrator: add it to an authenticator app, or
 * compute codes from it (the end-to-end tests do). Demo data only; real accounts enrol their own secret.
 */
export const DEMO_TOTP_SECRET = 'HEALTHCODEDEMOSECRETAPPEALS23456';

export interface DemoStaff {
  username: string;
  displayName: string;
  role: Role;
  provinceCode: string | null;
  unitCode: string | null;
}

export interface DemoCitizen {
  mobile: string;
  displayName: string;
}

export const DEMO_PROVINCES = [
  { code: '34', nameZh: '安徽省', nameEn: 'Anhui', slug: 'ah' },
  { code: '41', nameZh: '河南省', nameEn: 'Henan', slug: 'ha' },
  { code: '42', nameZh: '湖北省', nameEn: 'Hubei', slug: 'hb' },
  { code: '31', nameZh: '上海市', nameEn: 'Shanghai', slug: 'sh' },
  { code: '44', nameZh: '广东省', nameEn: 'Guangdong', slug: 'gd' },
] as const;

interface Unit {
  code: string;
  name: string;
}

/** The two reviewers of each province sit in different units (city codes; Shanghai's units are districts). */
const REVIEWER_UNITS: Record<string, readonly [Unit, Unit]> = {
  '34': [
    { code: '340100', name: '合肥市' },
    { code: '340200', name: '芜湖市' },
  ],
  '41': [
    { code: '410100', name: '郑州市' },
    { code: '410300', name: '洛阳市' },
  ],
  '42': [
    { code: '420100', name: '武汉市' },
    { code: '420500', name: '宜昌市' },
  ],
  '31': [
    { code: '310101', name: '黄浦区' },
    { code: '310115', name: '浦东新区' },
  ],
  '44': [
    { code: '440100', name: '广州市' },
    { code: '440300', name: '深圳市' },
  ],
};

const REVIEWER_NAMES: Record<string, readonly [string, string]> = {
  '34': ['周立新', '吴晓梅'],
  '41': ['郭志刚', '孙丽娟'],
  '42': ['胡建军', '徐静'],
  '31': ['沈一鸣', '顾佳怡'],
  '44': ['梁志华', '何敏仪'],
};

const SUPERVISOR_NAMES: Record<string, string> = {
  '34': '杨振华',
  '41': '马卫东',
  '42': '程玉兰',
  '31': '陆建平',
  '44': '邓海燕',
};

export const DEMO_STAFF: readonly DemoStaff[] = [
  ...DEMO_PROVINCES.flatMap((province) =>
    [0, 1].map((index) => ({
      username: `reviewer-${province.slug}-${index + 1}`,
      displayName: REVIEWER_NAMES[province.code]?.[index] ?? `${province.nameZh}审核员`,
      role: Role.REVIEWER,
      provinceCode: province.code,
      unitCode: REVIEWER_UNITS[province.code]?.[index]?.code ?? null,
    })),
  ),
  ...DEMO_PROVINCES.map((province) => ({
    username: `supervisor-${province.slug}`,
    displayName: SUPERVISOR_NAMES[province.code] ?? `${province.nameZh}督导`,
    role: Role.SUPERVISOR,
    provinceCode: province.code,
    unitCode: null,
  })),
  {
    username: 'supervisor-national',
    displayName: '国家督导 林海',
    role: Role.SUPERVISOR,
    provinceCode: null,
    unitCode: null,
  },
  { username: 'admin', displayName: '系统管理员', role: Role.ADMIN, provinceCode: null, unitCode: null },
];

export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  { mobile: '13800000001', displayName: '张伟' },
  { mobile: '13800000002', displayName: '李娜' },
  { mobile: '13800000003', displayName: '王芳' },
  { mobile: '13800000004', displayName: '陈静' },
  { mobile: '13800000005', displayName: '黄磊' },
];

const ROLE_LABELS: Record<Role, string> = {
  CITIZEN: '申诉人 citizen',
  REVIEWER: '审核员 reviewer',
  SUPERVISOR: '督导 supervisor',
  ADMIN: '管理员 administrator',
};

function provinceLabel(code: string | null): string {
  const province = DEMO_PROVINCES.find((p) => p.code === code);
  return province ? `${province.nameZh} ${province.nameEn} (${province.code})` : '全国 national';
}

/** Readable sign-in help for the console: Chinese first, English second. */
export function formatDemoSignIns(appUrl = process.env.APP_URL ?? 'http://localhost:3000'): string {
  const width = Math.max(...DEMO_STAFF.map((s) => s.username.length));
  const unitName = (code: string | null): string =>
    Object.values(REVIEWER_UNITS)
      .flat()
      .find((unit) => unit.code === code)?.name ?? '';
  const staffLines = DEMO_STAFF.map((s) => {
    const scope = s.role === Role.ADMIN ? '全国 national' : provinceLabel(s.provinceCode);
    return `    ${s.username.padEnd(width)}  ${ROLE_LABELS[s.role]}, ${scope}${s.unitCode ? `, ${unitName(s.unitCode)} ${s.unitCode}` : ''}`;
  });
  const citizenLines = DEMO_CITIZENS.map((c) => `    ${c.mobile}  ${c.displayName}`);
  return [
    '──────────── 演示账号 / Demo sign-ins ────────────',
    `工作人员：用户名 + 密码 ${DEMO_PASSWORD}`,
    `Staff: username + password ${DEMO_PASSWORD}`,
    `督导和系统管理员另需动态验证码：在验证器应用中添加密钥 ${DEMO_TOTP_SECRET}`,
    `Supervisors and the administrator also enter a TOTP code: add the key ${DEMO_TOTP_SECRET} to an authenticator app`,
    ...staffLines,
    `申诉人：手机号 + 短信验证码。开发环境不发真实短信，验证码在 ${appUrl}/dev/sms 查看，登录页也会显示。`,
    'Citizens: mobile number + one-time code. In development no real SMS is sent: read the code in the dev SMS',
    `outbox at ${appUrl}/dev/sms (the sign-in page shows it too).`,
    ...citizenLines,
    '──────────────────────────────────────────────────',
  ].join('\n');
}

/** Creates the demo accounts that are missing (with a USER_CREATED audit event each); returns how many it created. */
export async function seedDemoAccounts(prisma: PrismaClient, createdAt: Date): Promise<number> {
  const existing = await prisma.user.findMany({
    where: {
      OR: [
        { username: { in: DEMO_STAFF.map((s) => s.username) } },
        { mobile: { in: DEMO_CITIZENS.map((c) => c.mobile) } },
      ],
    },
    select: { username: true, mobile: true },
  });
  const taken = new Set(existing.flatMap((u) => [u.username, u.mobile]).filter((v): v is string => v !== null));
  const staff = DEMO_STAFF.filter((s) => !taken.has(s.username));
  const citizens = DEMO_CITIZENS.filter((c) => !taken.has(c.mobile));
  if (staff.length + citizens.length === 0) return 0;

  // One bcrypt hash per account (own salt); sequential, as bcryptjs work is CPU-bound anyway.
  const passwordHashes: string[] = [];
  while (passwordHashes.length < staff.length) passwordHashes.push(await hashPassword(DEMO_PASSWORD));

  // Never write an event older than the national chain's newest one: seq order must follow time order.
  const [newest] = await prisma.auditEvent.findMany({
    where: { chain: NATIONAL_CHAIN },
    orderBy: { seq: 'desc' },
    take: 1,
    select: { occurredAt: true },
  });
  const at = newest && newest.occurredAt > createdAt ? newest.occurredAt : createdAt;

  await prisma.$transaction(
    async (tx) => {
      const rows = [
        ...staff.map((s, index) => ({
          ...s,
          passwordHash: passwordHashes[index] ?? null,
          mobile: null,
          ...(requiresSecondFactor(s.role)
            ? { totpSecretCipher: encryptIdNumber(DEMO_TOTP_SECRET), totpEnabledAt: at }
            : {}),
        })),
        ...citizens.map((c) => ({
          role: Role.CITIZEN,
          displayName: c.displayName,
          mobile: c.mobile,
          username: null,
          passwordHash: null,
          provinceCode: null,
          unitCode: null,
        })),
      ];
      for (const row of rows) {
        const user = await tx.user.create({ data: { ...row, createdAt: at, updatedAt: at }, select: { id: true } });
        await appendAuditEvent(tx, {
          chain: NATIONAL_CHAIN,
          actorId: null,
          actorRole: 'SYSTEM',
          action: 'USER_CREATED',
          after: {
            userId: user.id,
            role: row.role,
            provinceCode: row.provinceCode,
            ...(row.username ? { username: row.username } : {}),
          },
          reason: '演示数据 / demo seed',
          occurredAt: at,
        });
      }
    },
    { timeout: 60_000 },
  );
  return staff.length + citizens.length;
}
