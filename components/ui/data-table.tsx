'use client';
// The one data table (TanStack Table): a caption for screen readers, column headings and a row heading with their
// scope, figures right-aligned, and optional sorting on a button in a heading (aria-sort says the order). Rows arrive
// rendered by the server (cells are React nodes), so the table reads fine before JavaScript; below 640 px it scrolls
// sideways inside a region that takes keyboard focus, so a phone or a keyboard can reach every column.
import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import {
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';

type DataAttributes = Record<`data-${string}`, string | undefined>;

export interface DataColumn {
  id: string;
  header: ReactNode;
  /** Right-aligned figures (they sort high to low first). */
  numeric?: boolean;
  /** Sorted by a button in its heading, on each row's `sortValues[id]`. */
  sortable?: boolean;
  /** Extra classes of this column's cells (`whitespace-nowrap`, `font-mono`…). */
  className?: string;
}

export interface DataRow {
  id: string;
  cells: Record<string, ReactNode>;
  /** What a sortable column sorts by; null sorts last. */
  sortValues?: Record<string, string | number | null>;
  /** data-* attributes of the row (test ids, references). */
  attributes?: DataAttributes;
  /** data-* attributes of single cells, by column id. */
  cellAttributes?: Record<string, DataAttributes>;
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

const sortValue = (row: DataRow, columnId: string) => row.sortValues?.[columnId] ?? null;

export function DataTable({
  caption,
  columns,
  rows,
  footer,
  testId,
  rowTestId,
  label,
  className = '',
  tableClassName = '',
}: {
  /** Read by screen readers as the table's name. */
  caption: string;
  columns: DataColumn[];
  rows: DataRow[];
  /** A total row, kept below the sorted rows. */
  footer?: DataRow;
  testId?: string;
  /** data-testid of each body row. */
  rowTestId?: string;
  /** The scroll region's name (the caption when not given). */
  label?: string;
  className?: string;
  tableClassName?: string;
}) {
  const t = useTranslations('supervise.table');
  const [sorting, setSorting] = useState<SortingState>([]);
  const columnDefs: ColumnDef<typeof features, DataRow>[] = columns.map((column) => ({
    id: column.id,
    accessorFn: (row: DataRow) => sortValue(row, column.id),
    enableSorting: column.sortable === true,
    sortFn: (rowA, rowB, columnId) => compare(sortValue(rowA.original, columnId), sortValue(rowB.original, columnId)),
    sortDescFirst: column.numeric === true,
  }));
  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => row.id,
  });
  // Padding, rules and the row heading's weight come from `.data-table` (app/globals.css), not from classes repeated on
  // every cell: only what differs per column is written per cell.
  const cellClass = (column: DataColumn) =>
    [column.numeric ? 'num' : '', column.className ?? ''].filter(Boolean).join(' ') || undefined;

  const renderRow = (row: DataRow, rowProps: { className?: string } & DataAttributes) => (
    <tr key={row.id} {...rowProps} {...row.attributes}>
      {columns.map((column, index) =>
        index === 0 ? (
          <th
            key={column.id}
            scope="row"
            className={cellClass(column)}
            data-column={column.id}
            {...row.cellAttributes?.[column.id]}
          >
            {row.cells[column.id]}
          </th>
        ) : (
          <td
            key={column.id}
            className={cellClass(column)}
            data-column={column.id}
            {...row.cellAttributes?.[column.id]}
          >
            {row.cells[column.id]}
          </td>
        ),
      )}
    </tr>
  );

  return (
    <div
      role="region"
      aria-label={label ?? caption}
      tabIndex={0}
      className={`mb-4 overflow-x-auto focus-visible:outline-offset-2 ${className}`}
    >
      <table className={`data-table w-full border-collapse text-left ${tableClassName}`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {table.getHeaderGroups()[0]?.headers.map((header, index) => {
              const column = columns.find((candidate) => candidate.id === header.column.id);
              if (!column) return null;
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={
                    column.sortable
                      ? sorted === 'asc'
                        ? 'ascending'
                        : sorted === 'desc'
                          ? 'descending'
                          : 'none'
                      : undefined
                  }
                  className={`py-2 align-bottom ${index === columns.length - 1 ? '' : 'pr-3'} ${column.numeric ? 'text-right' : ''}`}
                >
                  {column.sortable ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className="cursor-pointer border-0 bg-transparent p-0 text-left font-bold text-link underline"
                    >
                      {column.header}
                      <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}</span>
                      <span className="sr-only">
                        {sorted === 'asc' ? t('sortAscending') : sorted === 'desc' ? t('sortDescending') : ''}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{table.getRowModel().rows.map((row) => renderRow(row.original, { 'data-testid': rowTestId }))}</tbody>
        {footer ? <tfoot>{renderRow(footer, {})}</tfoot> : null}
      </table>
    </div>
  );
}
