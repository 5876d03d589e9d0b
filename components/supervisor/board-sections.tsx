// The deadline board's lists: case tables (overdue, at risk, pool, waiting), unconfirmed corrections and the
// reviewer workload with "reassign all". Each a DataTable with an export button.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { BoardCaseRow, CorrectionRow, WorkloadRow } from '@/lib/supervision/board';
import type { ExportTable } from '@/lib/supervision/schemas';
import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';
import { ExportButton } from './export-button';
import { formatTime } from './format';
import { ReassignAllForm, type ReassignAllAction } from './reassign-forms';

/** Where a list is in its pages, and the board's other lists' pages (kept in the links). */
export interface BoardPaging {
  page: number;
  pageCount: number;
  /** Every list's current page, for the links' query. */
  pages: Record<string, number>;
}

async function ExportAndCount({
  table,
  title,
  shown,
  total,
  of = 'board.shownOf',
  paging,
  anchor,
}: {
  table: ExportTable;
  title: string;
  shown: number;
  total: number;
  of?: 'board.shownOf' | 'board.shownReviewersOf';
  paging?: BoardPaging;
  anchor?: string;
}) {
  const t = await getTranslations('supervise');
  const href = (page: number) => {
    const query = new URLSearchParams(
      Object.entries({ ...paging?.pages, [table]: page })
        .filter(([, value]) => value > 1)
        .map(([key, value]) => [key, String(value)]),
    ).toString();
    return `/supervise${query ? `?${query}` : ''}${anchor ? `#${anchor}` : ''}`;
  };
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <ExportButton table={table} text={t('export.button')} label={t('export.buttonLabel', { table: title })} />
      {paging && paging.pageCount > 1 ? (
        <nav aria-label={t('board.pagesLabel', { title })} className="flex flex-wrap items-center gap-x-4">
          {paging.page > 1 ? (
            <Link href={href(paging.page - 1)} rel="prev" data-testid={`${table}-previous`}>
              {t('board.previousPage')}
            </Link>
          ) : null}
          <span data-testid={`${table}-page`}>{t('board.pageOf', { page: paging.page, pages: paging.pageCount })}</span>
          {paging.page < paging.pageCount ? (
            <Link href={href(paging.page + 1)} rel="next" data-testid={`${table}-next`}>
              {t('board.nextPage')}
            </Link>
          ) : null}
        </nav>
      ) : total > shown ? (
        <p className="m-0 text-muted">{t(of, { shown, total })}</p>
      ) : null}
    </div>
  );
}

export async function CaseListSection({
  id,
  table,
  heading,
  rows,
  total,
  showProvince,
  now,
  paging,
}: {
  id: string;
  table: Exclude<ExportTable, 'corrections' | 'workload' | 'authorities' | 'trend' | 'matrix' | 'audit'>;
  heading: string;
  rows: BoardCaseRow[];
  total: number;
  showProvince: boolean;
  now: Date;
  paging?: BoardPaging;
}) {
  const locale = await getLocale();
  const [t, tStates, tTypes] = await Promise.all([
    getTranslations('supervise'),
    getTranslations('states'),
    getTranslations('caseTypes'),
  ]);
  const waiting = table === 'waiting';
  return (
    <Section className="mb-10" id={id} heading={heading}>
      {rows.length === 0 ? (
        <p data-testid={`list-${table}-empty`}>{t('board.none')}</p>
      ) : (
        <DataTable
          caption={t('board.caption', { title: heading })}
          label={heading}
          testId={`list-${table}`}
          rowTestId="board-case"
          columns={[
            { id: 'reference', header: t('board.reference'), className: 'whitespace-nowrap' },
            { id: 'type', header: t('board.type') },
            { id: 'state', header: t('state') },
            ...(showProvince ? [{ id: 'province', header: t('province') }] : []),
            { id: 'assignee', header: t('board.assignee') },
            {
              id: 'due',
              header: waiting ? t('board.replyDueAt') : t('board.dueAt'),
              className: 'whitespace-nowrap',
            },
          ]}
          rows={rows.map((row) => ({
            id: row.reference,
            attributes: { 'data-reference': row.reference },
            cells: {
              reference: (
                <>
                  <Link href={`/supervise/cases/${row.reference}`}>{row.reference}</Link>
                  {row.primaFacieOverreach ? <span className="board-flag">{t('board.overreachFlag')}</span> : null}
                </>
              ),
              type: `${tTypes(row.type)} · ${t(`colours.${row.colour}`)}`,
              state: tStates(row.state),
              province: row.provinceName ?? row.provinceCode,
              assignee: row.assigneeName ?? t('board.pool'),
              due: waiting ? (
                <>
                  {formatTime(row.replyDueAt, locale)}
                  {row.replyDueAt && row.replyDueAt < now ? (
                    <span className="block text-sm font-semibold">{t('board.replyOverdue')}</span>
                  ) : null}
                </>
              ) : (
                formatTime(row.dueAt, locale)
              ),
            },
          }))}
        />
      )}
      <ExportAndCount table={table} title={heading} shown={rows.length} total={total} paging={paging} anchor={id} />
    </Section>
  );
}

export async function CorrectionsSection({
  rows,
  total,
  showProvince,
  paging,
}: {
  rows: CorrectionRow[];
  total: number;
  showProvince: boolean;
  paging?: BoardPaging;
}) {
  const locale = await getLocale();
  const t = await getTranslations('supervise');
  const heading = t('board.correctionsHeading');
  return (
    <Section className="mb-10" id="corrections-heading" heading={heading} hint={t('board.correctionsHint')}>
      {rows.length === 0 ? (
        <p data-testid="list-corrections-empty">{t('board.none')}</p>
      ) : (
        <DataTable
          caption={heading}
          testId="list-corrections"
          rowTestId="board-correction"
          columns={[
            { id: 'reference', header: t('board.reference'), className: 'whitespace-nowrap' },
            ...(showProvince ? [{ id: 'province', header: t('province') }] : []),
            { id: 'outcome', header: t('board.outcome') },
            { id: 'orderedAt', header: t('board.orderedAt'), className: 'whitespace-nowrap' },
            { id: 'delivery', header: t('board.deliveryStatus') },
            { id: 'waiting', header: t('board.waitingFor'), numeric: true, className: 'whitespace-nowrap' },
          ]}
          rows={rows.map((row) => ({
            id: `${row.reference}-${row.orderedAt.toISOString()}`,
            attributes: { 'data-reference': row.reference },
            cells: {
              reference: <Link href={`/supervise/cases/${row.reference}`}>{row.reference}</Link>,
              province: row.provinceName ?? row.provinceCode,
              outcome: row.outcome ? t(`outcomes.${row.outcome}`) : '',
              orderedAt: formatTime(row.orderedAt, locale),
              delivery: `${t(`delivery.${row.deliveryStatus}`)}${row.sentAt ? ` · ${formatTime(row.sentAt, locale)}` : ''}`,
              waiting: t('board.waitingHours', {
                hours: Math.floor(row.waitingMinutes / 60),
                minutes: row.waitingMinutes % 60,
              }),
            },
          }))}
        />
      )}
      <ExportAndCount
        table="corrections"
        title={heading}
        shown={rows.length}
        total={total}
        paging={paging}
        anchor="corrections-heading"
      />
    </Section>
  );
}

export async function WorkloadSection({
  rows,
  total,
  showProvince,
  reassignAll,
}: {
  rows: WorkloadRow[];
  total: number;
  showProvince: boolean;
  reassignAll: ReassignAllAction;
}) {
  const locale = await getLocale();
  const t = await getTranslations('supervise');
  const heading = t('board.workloadHeading');
  return (
    <Section className="mb-10" id="workload-heading" heading={heading} hint={t('board.workloadHint')}>
      <DataTable
        caption={t('board.workloadCaption')}
        label={heading}
        testId="workload"
        rowTestId="workload-row"
        columns={[
          { id: 'reviewer', header: t('board.reviewer') },
          ...(showProvince ? [{ id: 'province', header: t('province') }] : []),
          { id: 'unit', header: t('board.unit') },
          { id: 'load', header: t('board.load'), numeric: true },
          { id: 'overdue', header: t('board.overdueCases'), numeric: true },
          { id: 'lastAssigned', header: t('board.lastAssigned'), className: 'whitespace-nowrap' },
        ]}
        rows={rows.map((row) => ({
          id: row.reviewerId,
          attributes: { 'data-reviewer': row.name },
          cellAttributes: { load: { 'data-testid': 'workload-open' } },
          cells: {
            reviewer: (
              <>
                {row.name}
                {row.active ? null : <span className="ml-2 text-sm text-muted">{t('board.inactive')}</span>}
                {row.open > 0 ? (
                  <ReassignAllForm reviewerId={row.reviewerId} reviewerName={row.name} reassignAll={reassignAll} />
                ) : null}
              </>
            ),
            province: row.provinceName ?? row.provinceCode ?? '',
            unit: row.unitName ?? '',
            load: (
              <>
                <meter
                  min={0}
                  max={row.capacity}
                  value={Math.min(row.open, row.capacity)}
                  className="board-meter"
                  aria-hidden="true"
                />
                {`${row.open} / ${row.capacity}`}
              </>
            ),
            overdue: row.overdue,
            lastAssigned: row.lastAssignedAt ? formatTime(row.lastAssignedAt, locale) : t('board.never'),
          },
        }))}
      />
      <ExportAndCount table="workload" title={heading} shown={rows.length} total={total} of="board.shownReviewersOf" />
    </Section>
  );
}
