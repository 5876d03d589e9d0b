// Interim relief for supervisors (SPEC §15): the requests waiting for an answer (oldest first), relief in force, the
// median time from filing to relief, and grants per issuing authority, in the supervisor's province or the country.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatHours, formatTime } from '@/components/supervisor/format';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, StatList } from '@/components/ui/stat';
import { requireUser } from '@/lib/auth/scope';
import { getReliefOverview } from '@/lib/supervision/interim-relief';
import { supervisorScopeOf } from '@/lib/supervision/scope';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('supervise.relief');
  return { title: t('title') };
}

export default async function SuperviseInterimReliefPage() {
  const locale = await getLocale();
  const user = await requireUser(['SUPERVISOR'], '/supervise/interim-relief');
  const [t, tRelief, overview] = await Promise.all([
    getTranslations('supervise.relief'),
    getTranslations('interimRelief'),
    getReliefOverview(supervisorScopeOf(user)),
  ]);
  return (
    <div>
      <PageHeader title={t('title')} />
      <p className="mb-2 max-w-3xl">{t('intro')}</p>
      <StatList>
        <Stat label={t('waiting')} value={overview.waitingCount} testId="relief-waiting" />
        <Stat label={t('inForce')} value={overview.inForce} testId="relief-in-force" />
        <Stat label={t('granted')} value={overview.granted} testId="relief-granted" />
      </StatList>
      <p className="mb-8 text-lg" data-testid="relief-median">
        {t('median', { hours: formatHours(overview.medianHoursToRelief) })}
      </p>

      {overview.waiting.length === 0 ? <p className="mb-4">{t('noneWaiting')}</p> : null}
      <DataTable
        caption={t('waitingCaption')}
        className="mb-8"
        columns={[
          { id: 'reference', header: t('reference'), className: 'font-mono whitespace-nowrap' },
          { id: 'reason', header: t('reason') },
          { id: 'requestedAt', header: t('requestedAt'), className: 'whitespace-nowrap' },
          { id: 'waitingHours', header: t('waitingHours'), numeric: true },
        ]}
        rows={overview.waiting.map((row) => ({
          id: row.reliefId,
          cells: {
            reference: <Link href={`/supervise/cases/${encodeURIComponent(row.reference)}`}>{row.reference}</Link>,
            reason: tRelief(`reasons.${row.reason}`),
            requestedAt: formatTime(row.requestedAt, locale),
            waitingHours: formatHours(row.waitingHours),
          },
          attributes: { 'data-testid': 'relief-waiting-row', 'data-reference': row.reference },
        }))}
      />

      {overview.byAuthority.length === 0 ? <p className="mb-4">{t('noneGranted')}</p> : null}
      <DataTable
        caption={t('byAuthorityCaption')}
        className="mb-8"
        columns={[
          { id: 'unit', header: t('unit') },
          { id: 'granted', header: t('grantedColumn'), numeric: true },
          { id: 'automatic', header: t('automatic'), numeric: true },
          { id: 'permanent', header: t('permanent'), numeric: true },
          { id: 'reverted', header: t('reverted'), numeric: true },
        ]}
        rows={overview.byAuthority.map((row) => ({
          id: row.issuingUnitCode,
          cells: {
            unit: `${row.issuingUnitName} (${row.issuingUnitCode})`,
            granted: row.granted,
            automatic: row.automatic,
            permanent: row.permanent,
            reverted: row.reverted,
          },
          attributes: { 'data-testid': 'relief-authority-row', 'data-unit': row.issuingUnitCode },
        }))}
      />
    </div>
  );
}
