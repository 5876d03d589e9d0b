// Citizen home: the citizen's own appeals with their status in plain words, each linking to its case page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/scope';
import { listCitizenCases } from '@/lib/cases/views/citizen-queries';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('myCases');
  return { title: t('title') };
}

export default async function MyCasesPage() {
  const user = await requireUser(['CITIZEN'], '/my-cases');
  const [t, tStates, tTypes, locale] = await Promise.all([
    getTranslations('myCases'),
    getTranslations('citizenStates'),
    getTranslations('caseTypes'),
    getLocale(),
  ]);
  const cases = await listCitizenCases(user);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      <p className="mb-6">
        <Link href="/my-cases/new" className="button" data-testid="new-appeal">
          {t('newAppeal')}
        </Link>
      </p>
      <p className="mb-6 text-muted" data-testid="my-case-count">
        {t('count', { count: cases.length })}
      </p>
      {cases.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="m-0 list-none p-0" aria-label={t('listLabel')}>
          {cases.map((row) => (
            <li key={row.id} className="mb-4 border-b border-rule pb-4" data-testid="my-case">
              <h2 className="mb-1 font-mono text-lg font-bold">{row.reference}</h2>
              {row.needsReply ? (
                <p className="mb-1 inline-block bg-focus px-2 font-semibold text-ink">{t('needsReply')}</p>
              ) : null}
              <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-muted">{t('type')}</dt>
                <dd className="m-0">{tTypes(row.type)}</dd>
                <dt className="text-muted">{t('status')}</dt>
                <dd className="m-0 font-semibold">{tStates(row.state)}</dd>
                <dt className="text-muted">{t('filedAt')}</dt>
                <dd className="m-0">
                  <time dateTime={row.filedAt.toISOString()}>{formatDateTime(row.filedAt, locale)}</time>
                </dd>
              </dl>
              <p className="mb-0 mt-2">
                <Link href={`/my-cases/${row.id}`}>
                  {t('view')}
                  <span className="sr-only"> {row.reference}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-8 border-t border-rule pt-4">
        {t('statusCheck')} <Link href="/status">{t('statusCheckLink')}</Link>
      </p>
    </div>
  );
}
