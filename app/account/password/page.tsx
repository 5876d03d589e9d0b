// Choose a new password: required after a temporary password from an administrator, possible at any time for staff.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { safeReturnPath } from '@/lib/auth/scope';
import { isStaffRole } from '@/lib/auth/session-policy';
import { requireSignInStage } from '@/lib/auth/sign-in-progress';
import { changePasswordAction } from '@/app/account/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('totp');
  return { title: t('password.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  const progress = await requireSignInStage(['change_password', 'complete'], callbackUrl);
  if (!isStaffRole(progress.user.role)) notFound();
  const t = await getTranslations('totp');
  const required = progress.stage === 'change_password';
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-3xl font-bold">{t('password.title')}</h1>
      <p className="mb-6">{required ? t('password.introRequired') : t('password.intro')}</p>
      <ChangePasswordForm
        action={changePasswordAction}
        callbackUrl={callbackUrl ?? (required ? '/home' : '/account')}
      />
    </div>
  );
}
