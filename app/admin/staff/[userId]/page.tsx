// One staff account: what it is allowed to do, its sign-in state, and the changes an administrator can make to it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { StaffCredentialsForm } from '@/components/admin/staff-credentials-form';
import { StaffEditForm } from '@/components/admin/staff-edit-form';
import { StaffStatusForm } from '@/components/admin/staff-status-form';
import { listProvinces, listUnits } from '@/lib/reference/divisions';
import { getStaffAccount } from '@/lib/admin/get-staff-account';
import { orNotFound } from '@/lib/admin/page-guard';
import { requireUser } from '@/lib/auth/scope';
import {
  listUnitsAction,
  resetStaffCredentialsAction,
  setStaffActiveAction,
  updateStaffAccountAction,
} from '@/app/admin/staff/actions';
import { Section } from '@/components/ui/section';
import { formatDate, formatTimeOfDay } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.staffDetail');
  return { title: t('title') };
}

export default async function StaffAccountPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await requireUser(['ADMIN'], `/admin/staff/${encodeURIComponent(userId)}`);
  const account = await orNotFound(getStaffAccount(user, userId));
  const [t, tRoles, locale, provinces, units] = await Promise.all([
    getTranslations('admin.staffDetail'),
    getTranslations('roles'),
    getLocale(),
    listProvinces(),
    account.provinceCode ? listUnits(account.provinceCode) : Promise.resolve([]),
  ]);
  const provinceName = account.provinceCode
    ? (provinces.find((p) => p.code === account.provinceCode)?.name ?? account.provinceCode)
    : t('national');
  const unitName = account.unitCode
    ? (units.find((unit) => unit.code === account.unitCode)?.name ?? account.unitCode)
    : null;
  const self = account.id === user.id;
  const version = { userId: account.id, expectedUpdatedAt: account.updatedAt };
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/admin/staff">{t('back')}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{account.displayName}</h1>
      <dl className="mb-8 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="staff-summary">
        <dt className="font-semibold">{t('username')}</dt>
        <dd className="m-0 font-mono">{account.username}</dd>
        <dt className="font-semibold">{t('role')}</dt>
        <dd className="m-0" data-testid="staff-role">
          {tRoles(account.role)}
        </dd>
        <dt className="font-semibold">{t('scope')}</dt>
        <dd className="m-0">{unitName ? `${provinceName} · ${unitName}` : provinceName}</dd>
        <dt className="font-semibold">{t('status')}</dt>
        <dd className="m-0" data-testid="staff-status">
          {account.active ? t('active') : t('inactive')}
        </dd>
        <dt className="font-semibold">{t('secondFactor')}</dt>
        <dd className="m-0">
          {account.secondFactorSince
            ? t('enrolledSince', { date: formatDate(account.secondFactorSince, locale) })
            : t('notEnrolled')}
        </dd>
        <dt className="font-semibold">{t('password')}</dt>
        <dd className="m-0">{account.mustChangePassword ? t('temporary') : t('chosen')}</dd>
        <dt className="font-semibold">{t('sessions')}</dt>
        <dd className="m-0" data-testid="staff-sessions">
          {account.openSessions}
        </dd>
        {account.role === 'REVIEWER' ? (
          <>
            <dt className="font-semibold">{t('openCases')}</dt>
            <dd className="m-0">{account.openCases}</dd>
            <dt className="font-semibold">{t('capacity')}</dt>
            <dd className="m-0">{account.capacity}</dd>
          </>
        ) : null}
        {account.lockedUntil ? (
          <>
            <dt className="font-semibold">{t('locked')}</dt>
            <dd className="m-0">{formatTimeOfDay(account.lockedUntil)}</dd>
          </>
        ) : null}
      </dl>

      {self ? (
        <p className="mb-8 border-l-4 border-focus bg-panel px-4 py-3">
          {t('self')} <Link href="/account">{t('selfLink')}</Link>
        </p>
      ) : (
        <>
          <Section id="edit-heading" heading={t('editHeading')} className="mb-10 border-t-4 border-ink pt-4">
            <p className="mb-4 text-muted">{t('editIntro')}</p>
            <StaffEditForm
              action={updateStaffAccountAction}
              listUnits={listUnitsAction}
              account={{
                ...version,
                displayName: account.displayName,
                role: account.role === 'CITIZEN' ? 'REVIEWER' : account.role,
                provinceCode: account.provinceCode ?? '',
                unitCode: account.unitCode ?? '',
              }}
              provinces={provinces}
              units={account.provinceCode ? { province: account.provinceCode, options: units } : null}
            />
          </Section>
          <Section id="status-heading" heading={t('statusHeading')} className="mb-10 border-t-4 border-ink pt-4">
            <StaffStatusForm
              action={setStaffActiveAction}
              account={version}
              active={account.active}
              openCases={account.openCases}
            />
          </Section>
          <Section
            id="credentials-heading"
            heading={t('credentialsHeading')}
            className="mb-10 border-t-4 border-ink pt-4"
          >
            <StaffCredentialsForm
              action={resetStaffCredentialsAction}
              account={version}
              username={account.username}
              hasSecondFactor={account.secondFactorSince !== null}
            />
          </Section>
        </>
      )}
    </div>
  );
}
