// The signed-in person's account security: password and second factor (staff), and signing out on every device.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SignOutEverywhereForm } from '@/components/account/sign-out-everywhere-form';
import { requireUser } from '@/lib/auth/scope';
import { isStaffRole, requiresSecondFactor } from '@/lib/auth/session-policy';
import { getSecondFactorStatus } from '@/lib/auth/totp';
import { signOutEverywhereAction } from '@/app/account/actions';
import { Section } from '@/components/ui/section';
import { formatDate } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const user = await requireUser(['CITIZEN', 'REVIEWER', 'SUPERVISOR', 'ADMIN'], '/account');
  const [t, tRoles, tData, locale] = await Promise.all([
    getTranslations('account'),
    getTranslations('roles'),
    getTranslations('privacy.myData'),
    getLocale(),
  ]);
  const staff = isStaffRole(user.role);
  const factor = staff ? await getSecondFactorStatus(user.id) : null;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 text-muted" data-testid="account-who">
        {t('who', { name: user.displayName, role: tRoles(user.role) })}
      </p>

      {staff && factor ? (
        <>
          <Section id="password-heading" heading={t('passwordHeading')} className="mb-8 border-t-4 border-ink pt-4">
            <p className="mb-3">{t('passwordBody')}</p>
            <Link href="/account/password">{t('passwordLink')}</Link>
          </Section>
          <Section id="factor-heading" heading={t('factorHeading')} className="mb-8 border-t-4 border-ink pt-4">
            <p className="mb-3" data-testid="factor-status">
              {factor.enrolled && factor.enrolledAt
                ? t('factorOn', {
                    date: formatDate(factor.enrolledAt, locale),
                    left: factor.recoveryCodesLeft,
                  })
                : requiresSecondFactor(user.role)
                  ? t('factorRequired')
                  : t('factorOptional')}
            </p>
            <Link href="/account/two-factor">{factor.enrolled ? t('factorManageLink') : t('factorEnrolLink')}</Link>
          </Section>
        </>
      ) : null}

      {user.role === 'CITIZEN' ? (
        <Section id="my-data-heading" heading={tData('title')} className="mb-8 border-t-4 border-ink pt-4">
          <p className="mb-3">{tData('intro')}</p>
          <Link href="/account/my-data" data-testid="my-data-link">
            {tData('title')}
          </Link>
        </Section>
      ) : null}

      <Section id="everywhere-heading" heading={t('everywhereHeading')} className="border-t-4 border-ink pt-4">
        <p className="mb-4">{t('everywhereBody')}</p>
        <SignOutEverywhereForm action={signOutEverywhereAction} />
      </Section>
    </div>
  );
}
