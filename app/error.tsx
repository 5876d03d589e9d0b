'use client';
// Unexpected errors: a plain apology and a way to try again; no message or stack from the server is shown.
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('error');
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6">{t('body')}</p>
      {digest ? <p className="mb-6 text-sm text-muted">{t('reference', { digest })}</p> : null}
      <div className="flex flex-wrap items-center gap-6">
        <button type="button" className="button" onClick={() => retry()}>
          {t('retry')}
        </button>
        <Link href="/">{t('home')}</Link>
      </div>
    </div>
  );
}
