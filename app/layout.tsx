// The root layout: language attribute, skip link, header with the signed-in user, and the main landmark.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/actions/set-locale';
import { ClientMessages } from '@/components/i18n/client-messages';
import { SiteHeader } from '@/components/site-header';
import { HOME_PATH } from '@/lib/auth/scope';
import { getCurrentUser } from '@/lib/auth/session';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('layout');
  const tNotice = await getTranslations('privacyNotice');
  const user = await getCurrentUser();
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-focus focus:p-2 focus:text-ink"
        >
          {t('skipLink')}
        </a>
        <ClientMessages area={null}>
          <SiteHeader
            setLocale={setLocaleAction}
            user={user ? { displayName: user.displayName, role: user.role, homePath: HOME_PATH[user.role] } : null}
          />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
            {children}
          </main>
          <footer className="border-t border-rule bg-panel">
            <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
              <p className="m-0">{t('footer')}</p>
              <p className="mb-0 mt-2">
                <Link href="/privacy">{tNotice('title')}</Link>
              </p>
            </div>
          </footer>
        </ClientMessages>
      </body>
    </html>
  );
}
