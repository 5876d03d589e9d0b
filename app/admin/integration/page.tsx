// Integration status of every province on one page (SPEC §18): connected or not, live keys, the last request from
// its system, the last delivery to it, failures and unconfirmed corrections.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/scope';
import { listIntegrationStatus } from '@/lib/integration/integration-status';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('integration.status');
  return { title: t('title') };
}

export default async function IntegrationStatusPage() {
  const user = await requireUser(['ADMIN'], '/admin/integration');
  const [t, locale, rows] = await Promise.all([
    getTranslations('integration.status'),
    getLocale(),
    listIntegrationStatus(user),
  ]);
  const when = (at: Date | null) => (at ? formatDateTime(at, locale) : t('never'));
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />
      <DataTable
        caption={t('caption')}
        columns={[
          { id: 'province', header: t('province') },
          { id: 'system', header: t('system') },
          { id: 'keys', header: t('liveKeys'), numeric: true },
          { id: 'inbound', header: t('lastInbound') },
          { id: 'delivery', header: t('lastDelivery') },
          { id: 'failures', header: t('recentFailures'), numeric: true },
          { id: 'failing', header: t('failingEvents'), numeric: true },
          { id: 'unconfirmed', header: t('unconfirmed'), numeric: true },
        ]}
        rows={rows.map((row) => ({
          id: row.provinceCode,
          attributes: { 'data-testid': `integration-${row.provinceCode}` },
          cells: {
            province: <Link href={`/admin/integration/${row.provinceCode}`}>{row.provinceName}</Link>,
            system: row.systemName ? (
              <>
                {row.systemName}
                <span className="block text-sm text-muted">{row.webhookUrl ?? t('noWebhook')}</span>
              </>
            ) : (
              <span className="text-muted">{t('notConnected')}</span>
            ),
            keys: row.liveKeys,
            inbound: when(row.lastInboundAt),
            delivery:
              row.lastDeliveryAt === null
                ? t('never')
                : `${when(row.lastDeliveryAt)} · ${row.lastDeliveryOk ? t('delivered') : t('failed')}`,
            failures: row.recentFailures,
            failing: row.failingEvents,
            unconfirmed:
              row.lateCorrections > 0
                ? t('unconfirmedLate', { count: row.unconfirmedCorrections, late: row.lateCorrections })
                : row.unconfirmedCorrections,
          },
        }))}
      />
    </div>
  );
}
