// The delivery log of one province (SPEC §18): every webhook attempt, filtered by result, event type and days
// (a plain GET form), with the replay of an event that is still waiting after a failed attempt.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReplayButton } from '@/components/admin/integration/delivery-buttons';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { FilterForm } from '@/components/ui/filter-form';
import { requireUser } from '@/lib/auth/scope';
import { ValidationError } from '@/lib/core/errors';
import { OutboxKind } from '@/lib/db/generated/enums';
import { listDeliveryLog } from '@/lib/integration/list-delivery-log';
import { DELIVERY_RESULTS } from '@/lib/integration/schemas';
import { provinceName } from '@/lib/reference/divisions';
import { replayDeliveryAction } from '@/app/admin/integration/actions';
import { formatDateTime } from '@/lib/i18n/format-date';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('integration.deliveries');
  return { title: t('title') };
}

export default async function DeliveryLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ provinceCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { provinceCode } = await params;
  const user = await requireUser(['ADMIN'], `/admin/integration/${encodeURIComponent(provinceCode)}/deliveries`);
  const name = /^\d{2}$/.test(provinceCode) ? await provinceName(provinceCode) : null;
  if (!name) notFound();
  const query = await searchParams;
  // An empty field of the GET form means "any"; the use case's schema checks the rest.
  const field = (name: string) => [query[name]].flat()[0] || undefined;
  const filter = { result: field('result'), kind: field('kind'), from: field('from'), to: field('to') };
  const [t, locale] = await Promise.all([getTranslations('integration.deliveries'), getLocale()]);
  const tAll = await getTranslations();
  let attempts: Awaited<ReturnType<typeof listDeliveryLog>> = [];
  let filterErrors: Record<string, string> = {};
  try {
    attempts = await listDeliveryLog(user, { provinceCode, ...filter });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    filterErrors = { ...error.fieldErrors };
  }
  // Replay is offered once per waiting event, on its newest failed attempt (the log is newest first).
  const replayable = new Set<string>();
  const offerReplay = (attempt: (typeof attempts)[number]) => {
    if (attempt.delivered || attempt.eventStatus !== 'PENDING' || replayable.has(attempt.outboxEventId)) return false;
    replayable.add(attempt.outboxEventId);
    return true;
  };
  const errorOf = (field: string) => (filterErrors[field] ? tAll(filterErrors[field]) : null);
  return (
    <div>
      <p className="mb-4">
        <Link href={`/admin/integration/${provinceCode}`}>{t('back', { province: name })}</Link>
      </p>
      <PageHeader title={t('heading', { province: name })} intro={t('intro')} />
      <FilterForm
        action={`/admin/integration/${provinceCode}/deliveries`}
        label={t('filterLabel')}
        anyLabel={t('any')}
        applyLabel={t('apply')}
        filters={[
          {
            name: 'result',
            label: t('result'),
            value: filter.result,
            error: errorOf('result'),
            options: DELIVERY_RESULTS.map((result) => ({ value: result, label: t(`results.${result}`) })),
          },
          {
            name: 'kind',
            label: t('kind'),
            value: filter.kind,
            error: errorOf('kind'),
            options: Object.values(OutboxKind).map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
          },
          { name: 'from', label: t('from'), value: filter.from, error: errorOf('from'), type: 'date' },
          { name: 'to', label: t('to'), value: filter.to, error: errorOf('to'), type: 'date' },
        ]}
      />
      <p className="mb-2" role="status" data-testid="delivery-count">
        {t('count', { count: attempts.length })}
      </p>
      {attempts.length === 0 ? null : (
        <DataTable
          caption={t('caption', { province: name })}
          columns={[
            { id: 'at', header: t('attemptedAt'), className: 'whitespace-nowrap' },
            { id: 'event', header: t('event') },
            { id: 'result', header: t('result') },
            { id: 'duration', header: t('duration'), numeric: true },
            { id: 'replay', header: t('replayHeading') },
          ]}
          rows={attempts.map((attempt) => ({
            id: `${attempt.outboxEventId}-${attempt.attempt}`,
            attributes: {
              'data-testid': `delivery-${attempt.outboxEventId}-${attempt.attempt}`,
              'data-result': attempt.delivered ? 'delivered' : 'failed',
            },
            cells: {
              at: formatDateTime(attempt.attemptedAt, locale, { seconds: true }),
              event: (
                <>
                  {t(`kinds.${attempt.kind}`)}
                  <span className="block font-mono text-sm text-muted">
                    {attempt.outboxEventId.slice(0, 8)} · {t('attempt', { number: attempt.attempt })}
                  </span>
                </>
              ),
              result: (
                <>
                  {attempt.delivered ? t('results.delivered') : t('results.failed')}
                  <span className="block text-sm">
                    HTTP {attempt.httpStatus ?? '—'}
                    {attempt.error ? ` · ${attempt.error}` : ''}
                  </span>
                </>
              ),
              duration: t('ms', { ms: attempt.durationMs }),
              replay: offerReplay(attempt) ? (
                <ReplayButton
                  provinceCode={provinceCode}
                  outboxEventId={attempt.outboxEventId}
                  action={replayDeliveryAction}
                />
              ) : null,
            },
          }))}
        />
      )}
    </div>
  );
}
