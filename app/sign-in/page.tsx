// Sign-in: citizens with a mobile number and an SMS code, staff with username and password, in two separate forms.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClearFilingDraft } from '@/components/citizen/clear-filing-draft';
import { CitizenSignInForm } from '@/components/sign-in/citizen-sign-in-form';
import { describeSignInError } from '@/components/sign-in/describe-sign-in-error';
import { StaffSignInForm } from '@/components/sign-in/staff-sign-in-form';
import { HOME_PATH, safeReturnPath } from '@/lib/auth/scope';
import { getCurrentUser } from '@/lib/auth/session';
import { continuePath, getSignInProgress } from '@/lib/auth/sign-in-progress';
import { parseSignInError } from '@/lib/auth/sign-in-errors';
import { isSmsOutboxEnabled } from '@/lib/sms/outbox';
import { requestSignInCodeAction } from '@/app/sign-in/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const requested = safeReturnPath(first(params.callbackUrl));
  const user = await getCurrentUser();
  if (user) redirect(requested ?? HOME_PATH[user.role]);
  // A staff sign-in half done (second factor, new password, enrolment) continues where it stopped.
  const progress = await getSignInProgress();
  if (progress && progress.stage !== 'complete') redirect(continuePath(progress.stage, requested));
  const t = await getTranslations('signIn');
  const callbackUrl = requested ?? '/home';
  const signedOut = first(params.signedOut) === '1';
  // Set by next-auth when a sign-in was posted without JavaScript and refused.
  const refusal = parseSignInError(first(params.error));
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      {signedOut ? (
        <p role="status" className="mb-6 border-l-4 border-action bg-panel px-4 py-3">
          {t('signedOut')}
          <ClearFilingDraft />
        </p>
      ) : null}
      {refusal ? (
        <p role="alert" className="mb-6 border-l-4 border-danger bg-panel px-4 py-3 font-semibold text-danger">
          {describeSignInError(t, refusal)}
        </p>
      ) : null}
      <div className="grid gap-10 md:grid-cols-2">
        <section id="citizen" aria-labelledby="citizen-heading" className="border-t-4 border-ink pt-4">
          <h2 id="citizen-heading" className="mb-2 text-2xl font-bold">
            {t('citizen.heading')}
          </h2>
          <p className="mb-4 text-muted">{t('citizen.intro')}</p>
          <CitizenSignInForm requestCode={requestSignInCodeAction} callbackUrl={callbackUrl} />
          {isSmsOutboxEnabled() ? (
            <p className="mt-4 border-l-4 border-focus bg-panel px-4 py-3 text-sm">
              {t('citizen.demoOutbox')}{' '}
              <Link href="/dev/sms" target="_blank">
                {t('citizen.demoOutboxLink')}
              </Link>
            </p>
          ) : null}
        </section>
        <section id="staff" aria-labelledby="staff-heading" className="border-t-4 border-ink pt-4">
          <h2 id="staff-heading" className="mb-2 text-2xl font-bold">
            {t('staff.heading')}
          </h2>
          <p className="mb-4 text-muted">{t('staff.intro')}</p>
          <StaffSignInForm callbackUrl={callbackUrl} />
        </section>
      </div>
    </div>
  );
}
