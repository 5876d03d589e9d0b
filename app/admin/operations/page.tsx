// Operations (SPEC §18): the readiness checks and every scheduled job's last run (when, where, how long, how it went).
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/scope';
import { listJobStatuses } from '@/lib/ops/jobs';
import { checkReadiness } from '@/lib/ops/readiness';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.operations');
  return { title: t('title') };
}

const CHECKS = ['database', 'migrations', 'sweep', 'calendar'] as const;

export default async function OperationsPage() {
  const user = await requireUser(['ADMIN'], '/admin/operations');
  const [t, locale, jobs, readiness] = await Promise.all([
    getTranslations('admin.operations'),
    getLocale(),
    listJobStatuses(user),
    checkReadiness(),
  ]);
  const when = (value: Date | null) => (value ? formatDateTime(value, locale, { seconds: true }) : '—');
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />

      <h2 className="mb-2 text-2xl font-bold">{readiness.ready ? t('ready') : t('notReady')}</h2>
      <ul className="mb-8 list-none p-0" data-testid="readiness">
        {CHECKS.map((name) => (
          <li key={name} className="mb-1" data-testid={`check-${name}`}>
            <strong>{readiness.checks[name].ok ? t('ok') : t('failed')}</strong> {t(`checks.${name}`)}:{' '}
            {readiness.checks[name].detail}
          </li>
        ))}
      </ul>

      <h2 className="mb-2 text-2xl font-bold">{t('jobsHeading')}</h2>
      {jobs.length === 0 ? <p>{t('noRuns')}</p> : null}
      <DataTable
        caption={t('caption')}
        columns={[
          { id: 'job', header: t('job') },
          { id: 'status', header: t('status') },
          { id: 'lastStarted', header: t('lastStarted') },
          { id: 'lastSucceeded', header: t('lastSucceeded') },
          { id: 'duration', header: t('duration'), numeric: true },
          { id: 'runs', header: t('runs'), numeric: true },
          { id: 'detail', header: t('detail'), className: 'break-all text-sm' },
        ]}
        rows={jobs.map((job) => ({
          id: job.name,
          attributes: { 'data-testid': `job-${job.name}` },
          cells: {
            job: t.has(`jobs.${job.name}`) ? t(`jobs.${job.name}`) : job.name,
            status: job.lastStatus ? t(`statuses.${job.lastStatus}`) : '—',
            lastStarted: when(job.lastStartedAt),
            lastSucceeded: when(job.lastSucceededAt),
            duration: job.lastDurationMs === null ? '—' : t('milliseconds', { ms: job.lastDurationMs }),
            runs: t('runCount', { runs: job.runs, failures: job.failures }),
            detail: (
              <>
                {job.lastError ?? (job.lastResult ? JSON.stringify(job.lastResult) : '')}
                {job.lastInstance ? <span className="block text-muted">{job.lastInstance}</span> : null}
              </>
            ),
          },
        }))}
      />
    </div>
  );
}
