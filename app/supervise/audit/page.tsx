// The audit history in the supervisor's scope (their province's chain, or every chain for a national supervisor):
// filters, keyset pages, CSV export, and "verify chain" naming the first broken event.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuditEventsTable } from '@/components/supervisor/audit-events-table';
import { ExportButton } from '@/components/supervisor/export-button';
import { VerifyChainsForm } from '@/components/supervisor/verify-chains-form';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import { requireUser } from '@/lib/auth/scope';
import { effectiveChain, findAuditPage, listAuditChains } from '@/lib/supervision/audit-log';
import { auditFiltersSchema, type AuditFilters } from '@/lib/supervision/schemas';
import { supervisorScopeOf } from '@/lib/supervision/scope';
import { verifyChainsAction } from '@/app/supervise/actions';
import { FilterPanel } from '@/components/supervisor/filter-panel';
import { Section } from '@/components/ui/section';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('supervise.audit');
  return { title: t('title') };
}

const FIELDS = ['action', 'from', 'to', 'reference', 'chain', 'cursor'] as const;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser(['SUPERVISOR'], '/supervise/audit');
  const scope = supervisorScopeOf(user);
  const params = await searchParams;
  const raw = Object.fromEntries(
    FIELDS.map((field) => [field, Array.isArray(params[field]) ? params[field][0] : params[field]]).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
  const parsed = auditFiltersSchema.safeParse(raw);
  const filters: AuditFilters = parsed.success ? parsed.data : {};
  const [t, tAll, page, chains] = await Promise.all([
    getTranslations('supervise.audit'),
    getTranslations(),
    findAuditPage(scope, filters),
    listAuditChains(scope),
  ]);
  const national = scope.provinceCode === null;
  const base = {
    action: filters.action,
    from: filters.from,
    to: filters.to,
    reference: filters.reference,
    chain: national ? filters.chain : undefined,
  };
  const query = (extra: Record<string, string | undefined>) => {
    const entries = Object.entries({ ...base, ...extra }).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    );
    return entries.length > 0 ? `?${new URLSearchParams(entries).toString()}` : '';
  };
  const firstError = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'supervise.errors.invalid');
  const chainName = (chain: string) => (chain === 'national' ? t('nationalChain') : chain);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-3xl">{t('intro')}</p>

      <Section id="verify-heading" heading={t('verifyHeading')} className="mb-8 border-l-4 border-ink bg-panel p-4">
        <VerifyChainsForm
          verify={verifyChainsAction}
          hint={national ? t('verifyHintNational') : t('verifyHintProvince')}
        />
      </Section>

      <FilterPanel headingId="audit-filters-heading" heading={t('filters')} errorKey={firstError}>
        <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField id="audit-action" name="action" label={t('action')} defaultValue={filters.action ?? ''}>
            <option value="">{t('anyAction')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`actions.${action}`)}
              </option>
            ))}
          </SelectField>
          <TextField id="audit-from" name="from" type="date" label={t('from')} defaultValue={filters.from ?? ''} />
          <TextField id="audit-to" name="to" type="date" label={t('to')} defaultValue={filters.to ?? ''} />
          <TextField
            id="audit-reference"
            name="reference"
            label={t('reference')}
            hint={t('referenceHint')}
            defaultValue={filters.reference ?? ''}
            autoComplete="off"
            spellCheck={false}
          />
          {national ? (
            <SelectField id="audit-chain" name="chain" label={t('chain')} defaultValue={filters.chain ?? ''}>
              <option value="">{t('allChains')}</option>
              {chains.map((chain) => (
                <option key={chain} value={chain}>
                  {chainName(chain)}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
        <button type="submit" className="button">
          {t('apply')}
        </button>
      </FilterPanel>

      <p className="mb-2 text-muted" data-testid="audit-scope">
        {t('showingChain', {
          chain: effectiveChain(scope, filters.chain)
            ? chainName(effectiveChain(scope, filters.chain)!)
            : t('allChains'),
        })}
      </p>
      {page.rows.length === 0 ? (
        <p data-testid="audit-empty">{t('none')}</p>
      ) : (
        <AuditEventsTable events={page.rows} caption={t('caption')} showCase testId="audit-events" />
      )}
      <div className="mt-3 flex flex-wrap items-center gap-4">
        {filters.cursor ? <Link href={`/supervise/audit${query({})}`}>{t('first')}</Link> : null}
        {page.nextCursor ? (
          <Link href={`/supervise/audit${query({ cursor: page.nextCursor })}`} data-testid="audit-next">
            {t('next')}
          </Link>
        ) : null}
        <ExportButton
          table="audit"
          text={tAll('supervise.export.button')}
          label={tAll('supervise.export.buttonLabel', { table: t('title') })}
          filters={{ action: base.action, from: base.from, to: base.to, reference: base.reference, chain: base.chain }}
        />
      </div>
      <p className="text-sm text-muted">{tAll('supervise.export.hint')}</p>
    </div>
  );
}
