// The page header: service name, who is signed in (name and role), their account link, the language switch and sign-out.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { csrfTokenFromCookie } from '@/lib/auth/csrf-token';
import type { Role } from '@/lib/db/generated/enums';
import { LanguageSwitch, type SetLocaleAction } from './language-switch';
import { SignOutButton } from './sign-out-button';

export interface HeaderUser {
  displayName: string;
  role: Role;
  homePath: string;
}

export async function SiteHeader({ user, setLocale }: { user: HeaderUser | null; setLocale: SetLocaleAction }) {
  const t = await getTranslations('layout');
  const tRoles = await getTranslations('roles');
  const tAccount = await getTranslations('account');
  const locale = await getLocale();
  return (
    <header className="bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href={user ? user.homePath : '/'} className="text-lg font-bold text-white no-underline hover:underline">
          {t('serviceName')}
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          {user ? (
            <p className="m-0" data-testid="signed-in-user">
              <span className="sr-only">{t('signedInLabel')}</span>
              <span className="font-semibold">{user.displayName}</span>
              <span aria-hidden="true"> · </span>
              <span>{tRoles(user.role)}</span>
            </p>
          ) : null}
          {user ? (
            <Link href="/account" className="text-white underline hover:no-underline">
              {tAccount('title')}
            </Link>
          ) : null}
          <LanguageSwitch locale={locale} setLocale={setLocale} />
          {user ? <SignOutButton csrfToken={await csrfTokenFromCookie()} /> : null}
        </div>
      </div>
    </header>
  );
}
