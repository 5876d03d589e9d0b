// Operations (SPEC §18): the readiness checks and every scheduled job's last run (when, where, how long, how it went).
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/admin/table-scroll';
import { requireUser } from '@/lib/auth/scope';
import { listJobStatuses } from '@/lib/ops/jobs';
import { checkReadiness } from '@/lib/ops/readiness';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.operations');
  return { title: t('title') };
}

const CHECKS = ['database', 'migrations', 'sweep', 'calendar'] as const;

export default async function OperationsPage() {
  const user = await requireUser(['ADMIN'], '/admin/operations');
  const [t, format, jobs, readiness] = await Promise.all([
    getTranslations('admin.operations'),
    getFormatter(),
    listJobStatuses(user),
    checkReadiness(),
  ]);
  const when = (value: Date | null) =>
    value ? format.dateTime(value, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-muted">{t('intro')}</p>

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
      <TableScroll label={t('caption')}>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('job')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('status')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('lastStarted')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('lastSucceeded')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('duration')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('runs')}
              </th>
              <th scope="col" className="py-2">
                {t('detail')}
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.name} className="border-b border-rule" data-testid={`job-${job.name}`}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  {t.has(`jobs.${job.name}`) ? t(`jobs.${job.name}`) : job.name}
                </th>
                <td className="py-2 pr-3">{job.lastStatus ? t(`statuses.${job.lastStatus}`) : '—'}</td>
                <td className="py-2 pr-3">{when(job.lastStartedAt)}</td>
                <td className="py-2 pr-3">{when(job.lastSucceededAt)}</td>
                <td className="py-2 pr-3 text-right">
                  {job.lastDurationMs === null ? '—' : t('milliseconds', { ms: job.lastDurationMs })}
                </td>
                <td className="py-2 pr-3 text-right">{t('runCount', { runs: job.runs, failures: job.failures })}</td>
                <td className="py-2 break-all text-sm">
                  {job.lastError ?? (job.lastResult ? JSON.stringify(job.lastResult) : '')}
                  {job.lastInstance ? <span className="block text-muted">{job.lastInstance}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
