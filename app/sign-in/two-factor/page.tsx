// Second step of a supervisor's or administrator's sign-in: the code from the authenticator app, or a recovery code.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '@/components/sign-out-button';
import { TwoFactorForm } from '@/components/sign-in/two-factor-form';
import { csrfTokenFromCookie } from '@/lib/auth/csrf-token';
import { safeReturnPath } from '@/lib/auth/scope';
import { requireSignInStage } from '@/lib/auth/sign-in-progress';
import { verifySecondFactorAction } from '@/app/sign-in/two-factor/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('totp');
  return { title: t('verify.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  const progress = await requireSignInStage(['verify_second_factor'], callbackUrl);
  const t = await getTranslations('totp');
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">{t('verify.title')}</h1>
      <p className="mb-6">{t('verify.intro', { name: progress.user.displayName })}</p>
      <TwoFactorForm action={verifySecondFactorAction} callbackUrl={callbackUrl ?? '/home'} />
      <h2 className="mb-2 mt-10 text-xl font-bold">{t('verify.lostHeading')}</h2>
      <p className="mb-4">{t('verify.lostBody')}</p>
      <div className="inline-block bg-ink p-2">
        <SignOutButton csrfToken={await csrfTokenFromCookie()} />
      </div>
    </div>
  );
}
