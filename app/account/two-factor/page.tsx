// The second factor: enrol an authenticator app with a QR code (required for supervisors and administrators before
// they reach their pages), or, once enrolled, see its status and renew the recovery codes.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { RecoveryCodesForm } from '@/components/account/recovery-codes';
import { StartEnrolmentForm } from '@/components/account/start-enrolment-form';
import { safeReturnPath } from '@/lib/auth/scope';
import { isStaffRole, requiresSecondFactor } from '@/lib/auth/session-policy';
import { requireSignInStage } from '@/lib/auth/sign-in-progress';
import { getSecondFactorStatus, readTotpEnrolment } from '@/lib/auth/totp';
import {
  confirmTotpEnrolmentAction,
  regenerateRecoveryCodesAction,
  startTotpEnrolmentAction,
} from '@/app/account/actions';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('totp');
  return { title: t('enrol.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TwoFactorEnrolmentPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  const progress = await requireSignInStage(['enrol_second_factor', 'complete'], callbackUrl);
  if (!isStaffRole(progress.user.role)) notFound();
  const [t, locale, status] = await Promise.all([
    getTranslations('totp'),
    getLocale(),
    getSecondFactorStatus(progress.user.id),
  ]);

  if (status.enrolled && status.enrolledAt) {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-4 text-3xl font-bold">{t('manage.title')}</h1>
        <p className="mb-2" data-testid="factor-enrolled">
          {t('manage.enrolledSince', {
            date: formatDateTime(status.enrolledAt, locale),
          })}
        </p>
        <p className="mb-6" data-testid="recovery-codes-left">
          {t('manage.codesLeft', { count: status.recoveryCodesLeft })}
        </p>
        <h2 className="mb-2 text-2xl font-bold">{t('manage.renewHeading')}</h2>
        <p className="mb-4">{t('manage.renewBody')}</p>
        <RecoveryCodesForm purpose="renew" action={regenerateRecoveryCodesAction} />
        <p className="mt-8">
          <Link href="/account">{t('manage.back')}</Link>
        </p>
      </div>
    );
  }

  const enrolment = await readTotpEnrolment(progress.user.id);
  const required = progress.stage === 'enrol_second_factor';
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t('enrol.title')}</h1>
      <p className="mb-6">
        {required
          ? t('enrol.introRequired')
          : requiresSecondFactor(progress.user.role)
            ? t('enrol.introRequired')
            : t('enrol.introOptional')}
      </p>
      {enrolment ? (
        <ol className="mb-6 list-decimal space-y-6 pl-6">
          <li>
            <h2 className="mb-2 text-xl font-bold">{t('enrol.step1Heading')}</h2>
            <p>{t('enrol.step1Body')}</p>
          </li>
          <li>
            <h2 className="mb-2 text-xl font-bold">{t('enrol.step2Heading')}</h2>
            <p className="mb-3">{t('enrol.step2Body')}</p>
            {/* A data URL of the QR code, generated on the server: no request leaves this site. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={enrolment.qrDataUrl}
              alt={t('enrol.qrAlt')}
              width={240}
              height={240}
              className="mb-3 border-2 border-ink"
            />
            <p className="mb-1">{t('enrol.secretLabel')}</p>
            <p className="mb-0 break-all font-mono text-lg" data-testid="totp-secret">
              {enrolment.secret}
            </p>
          </li>
          <li>
            <h2 className="mb-2 text-xl font-bold">{t('enrol.step3Heading')}</h2>
            <RecoveryCodesForm
              purpose="enrol"
              action={confirmTotpEnrolmentAction}
              callbackUrl={callbackUrl ?? (required ? '/home' : '/account')}
            />
          </li>
        </ol>
      ) : (
        <StartEnrolmentForm action={startTotpEnrolmentAction} restart={false} />
      )}
      {enrolment ? (
        <details className="mt-6">
          <summary className="cursor-pointer">{t('enrol.restartSummary')}</summary>
          <p className="my-2">{t('enrol.restartBody')}</p>
          <StartEnrolmentForm action={startTotpEnrolmentAction} restart />
        </details>
      ) : null}
    </div>
  );
}
