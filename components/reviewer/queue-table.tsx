'use client';
// The queue as a table (@tanstack/react-table in manual mode): the server has already filtered, sorted and cut the
// page, so the table only renders it. Sorting a column is a link to the server-sorted URL; pages are keyset cursors.
// Below 640 px each row is a card: every cell on its own line after its column's name, the caption and the time left
// in view without scrolling sideways.
import { useMemo, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table';
import type { FormAction } from '@/components/forms/use-action-form';
import type { QueueRow, QueueSort, QueueTab, SortDirection } from '@/lib/cases/views/queue';
import { ColourBadge, OverreachBadge } from './case-badges';
import { DeadlineBadge } from './deadline-badge';
import { queueHref, type QueueParams } from './queue-href';

const features = tableFeatures({ rowSortingFeature });

/** Each column's heading message, also printed before the cell in the phone's card layout. */
const COLUMN_LABELS: Readonly<Record<string, string>> = {
  reference: 'columns.reference',
  colour: 'columns.colour',
  issuingUnitName: 'columns.unit',
  grounds: 'columns.grounds',
  timeLeft: 'columns.timeLeft',
  overreach: 'columns.overreach',
  assigneeName: 'columns.assignee',
};
const helper = createColumnHelper<typeof features, QueueRow>();

export interface QueueTableProps {
  rows: QueueRow[];
  tab: QueueTab;
  sort: QueueSort;
  dir: SortDirection;
  params: QueueParams;
  nextCursor: string | null;
  previousCursor: string | null;
  paged: boolean;
  /** Claims a pooled case (a server action handed down by the page). */
  claimCase: FormAction<{ caseId: string; expectedVersion: number }, unknown>;
}

export function QueueTable({
  rows,
  tab,
  sort,
  dir,
  params,
  nextCursor,
  previousCursor,
  paged,
  claimCase,
}: QueueTableProps) {
  const t = useTranslations('reviewQueue');
  const tAll = useTranslations();
  const router = useRouter();
  const [claiming, setClaiming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const claim = async (row: QueueRow) => {
    setClaiming(row.id);
    setProblem(null);
    const result = await claimCase({ caseId: row.id, expectedVersion: row.version }).catch(() => null);
    if (result?.ok) {
      router.push(`/review/cases/${row.id}`);
      return;
    }
    setProblem(t('claimFailed', { reference: row.reference, message: tAll(result?.messageKey ?? 'errors.generic') }));
    setClaiming(null);
    router.refresh();
  };

  // Translated once per render, not once per cell.
  const cellLabels = useMemo(
    (): Record<string, string> =>
      Object.fromEntries(Object.entries(COLUMN_LABELS).map(([column, key]) => [column, t(key)])),
    [t],
  );

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('reference', {
          header: () => t('columns.reference'),
          enableSorting: false,
          cell: (info) => (
            <Link
              href={`/review/cases/${info.row.original.id}`}
              className="font-mono font-semibold whitespace-nowrap"
              data-testid="queue-reference"
            >
              {info.getValue()}
            </Link>
          ),
        }),
        helper.accessor('colour', {
          header: () => t('columns.colour'),
          enableSorting: false,
          cell: (info) => <ColourBadge colour={info.getValue()} />,
        }),
        helper.accessor('issuingUnitName', {
          header: () => t('columns.unit'),
          enableSorting: false,
          cell: (info) => info.getValue() ?? info.row.original.issuingUnitCode,
        }),
        helper.accessor('grounds', {
          header: () => t('columns.grounds'),
          enableSorting: false,
          cell: (info) => tAll(`reviewTerms.grounds.${info.getValue()}`),
        }),
        helper.accessor('timeLeftMs', {
          id: 'timeLeft',
          header: () => t('columns.timeLeft'),
          enableSorting: true,
          sortDescFirst: false,
          cell: (info) => <DeadlineBadge status={info.row.original.deadline} timeLeftMs={info.getValue()} />,
        }),
        helper.accessor('overreach', {
          header: () => t('columns.overreach'),
          enableSorting: false,
          cell: (info) => (info.getValue() ? <OverreachBadge /> : <span className="sr-only">{t('noOverreach')}</span>),
        }),
        helper.accessor('assigneeName', {
          header: () => t('columns.assignee'),
          enableSorting: false,
          cell: (info) => info.getValue() ?? <span className="text-muted">{t('unassigned')}</span>,
        }),
        ...(tab === 'pool'
          ? [
              helper.display({
                id: 'claim',
                header: () => <span className="sr-only">{t('columns.actions')}</span>,
                cell: (info) => (
                  <button
                    type="button"
                    className="button px-3 py-1 whitespace-nowrap"
                    disabled={claiming !== null}
                    aria-label={t('claimLabel', { reference: info.row.original.reference })}
                    onClick={() => void claim(info.row.original)}
                  >
                    {claiming === info.row.original.id ? t('claiming') : t('claim')}
                  </button>
                ),
              }),
            ]
          : []),
      ]),
    // claim() only reads the row it is given and stable setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, tAll, tab, claiming],
  );

  const sorting = useMemo<SortingState>(
    () => (sort === 'timeLeft' ? [{ id: 'timeLeft', desc: dir === 'desc' }] : []),
    [sort, dir],
  );
  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: true,
    getRowId: (row) => row.id,
  });

  /** Where a click on a sortable header leads: the next order in asc → desc → default (urgency). */
  const sortHref = (next: false | 'asc' | 'desc') =>
    next === false ? queueHref(params, { sort: null, dir: null }) : queueHref(params, { sort: 'timeLeft', dir: next });

  return (
    <div>
      <p
        aria-live="polite"
        className={problem ? 'mb-4 border-l-4 border-danger bg-panel p-3 font-semibold' : 'sr-only'}
        data-testid="queue-problem"
      >
        {problem}
      </p>
      {rows.length === 0 ? (
        <p data-testid="queue-empty">{t('empty')}</p>
      ) : (
        <div role="region" aria-labelledby="queue-caption" tabIndex={0} className="relative overflow-x-auto">
          <table className="w-full border-collapse text-left max-sm:block" data-testid="queue-table">
            <caption id="queue-caption" className="mb-2 text-left text-muted max-sm:block" data-testid="queue-caption">
              {sort === 'urgency' ? t('orderUrgency') : t(dir === 'asc' ? 'orderTimeLeftAsc' : 'orderTimeLeftDesc')}
            </caption>
            <thead className="max-sm:sr-only">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} className="border-b-2 border-ink">
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className="px-2 py-2 align-bottom whitespace-nowrap"
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      >
                        {header.column.getCanSort() ? (
                          <Link
                            href={sortHref(header.column.getNextSortingOrder())}
                            data-testid={`sort-${header.column.id}`}
                          >
                            <table.FlexRender header={header} />
                            <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ⇅'}</span>
                            <span className="sr-only">{t('sortHint')}</span>
                          </Link>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className="max-sm:block">
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  className="stacked-row"
                  data-testid="queue-row"
                  data-reference={row.original.reference}
                >
                  {row.getAllCells().map((cell) => (
                    <td
                      key={cell.id}
                      className="stacked-cell"
                      data-label={cellLabels[cell.column.id]}
                      data-column={cell.column.id}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('pages.label')} className="mt-4 flex flex-wrap gap-4">
        {paged ? <Link href={queueHref(params)}>{t('pages.first')}</Link> : null}
        {previousCursor ? (
          <Link href={queueHref(params, { before: previousCursor })} rel="prev" data-testid="page-previous">
            {t('pages.previous')}
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={queueHref(params, { after: nextCursor })} rel="next" data-testid="page-next">
            {t('pages.next')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
