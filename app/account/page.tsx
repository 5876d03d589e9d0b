// The signed-in person's account security: password and second factor (staff), and signing out on every device.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SignOutEverywhereForm } from '@/components/account/sign-out-everywhere-form';
import { requireUser } from '@/lib/auth/scope';
import { isStaffRole, requiresSecondFactor } from '@/lib/auth/session-policy';
import { getSecondFactorStatus } from '@/lib/auth/totp';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const user = await requireUser(['CITIZEN', 'REVIEWER', 'SUPERVISOR', 'ADMIN'], '/account');
  const [t, tRoles, tData, format] = await Promise.all([
    getTranslations('account'),
    getTranslations('roles'),
    getTranslations('privacy.myData'),
    getFormatter(),
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
          <section aria-labelledby="password-heading" className="mb-8 border-t-4 border-ink pt-4">
            <h2 id="password-heading" className="mb-2 text-2xl font-bold">
              {t('passwordHeading')}
            </h2>
            <p className="mb-3">{t('passwordBody')}</p>
            <Link href="/account/password">{t('passwordLink')}</Link>
          </section>
          <section aria-labelledby="factor-heading" className="mb-8 border-t-4 border-ink pt-4">
            <h2 id="factor-heading" className="mb-2 text-2xl font-bold">
              {t('factorHeading')}
            </h2>
            <p className="mb-3" data-testid="factor-status">
              {factor.enrolled && factor.enrolledAt
                ? t('factorOn', {
                    date: format.dateTime(factor.enrolledAt, { dateStyle: 'long' }),
                    left: factor.recoveryCodesLeft,
                  })
                : requiresSecondFactor(user.role)
                  ? t('factorRequired')
                  : t('factorOptional')}
            </p>
            <Link href="/account/two-factor">{factor.enrolled ? t('factorManageLink') : t('factorEnrolLink')}</Link>
          </section>
        </>
      ) : null}

      {user.role === 'CITIZEN' ? (
        <section aria-labelledby="my-data-heading" className="mb-8 border-t-4 border-ink pt-4">
          <h2 id="my-data-heading" className="mb-2 text-2xl font-bold">
            {tData('title')}
          </h2>
          <p className="mb-3">{tData('intro')}</p>
          <Link href="/account/my-data" data-testid="my-data-link">
            {tData('title')}
          </Link>
        </section>
      ) : null}

      <section aria-labelledby="everywhere-heading" className="border-t-4 border-ink pt-4">
        <h2 id="everywhere-heading" className="mb-2 text-2xl font-bold">
          {t('everywhereHeading')}
        </h2>
        <p className="mb-4">{t('everywhereBody')}</p>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
