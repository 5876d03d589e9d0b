'use client';
// A table whose columns sort on a button in their heading (TanStack Table): aria-sort tells screen readers the order,
// and the rows arrive already rendered from the server, so the table reads fine before (or without) JavaScript.
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import {
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';

export interface SortableCell {
  /** What the column sorts by; null sorts last. */
  value: string | number | null;
  text: string;
  href?: string;
  /** Accessible name of the link when the text alone is not enough. */
  linkLabel?: string;
}

export interface SortableColumn {
  id: string;
  header: string;
  numeric?: boolean;
}

export interface SortableRow {
  id: string;
  cells: Record<string, SortableCell>;
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

function compare(a: SortableCell['value'], b: SortableCell['value']): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

function CellContent({ cell }: { cell: SortableCell | undefined }) {
  if (!cell) return null;
  return cell.href ? (
    <Link href={cell.href} aria-label={cell.linkLabel}>
      {cell.text}
    </Link>
  ) : (
    <>{cell.text}</>
  );
}

export function SortableTable({
  caption,
  columns,
  rows,
  footer,
  testId,
}: {
  caption: string;
  columns: SortableColumn[];
  rows: SortableRow[];
  /** A total row, kept below the sorted rows. */
  footer?: Record<string, SortableCell>;
  testId?: string;
}) {
  const t = useTranslations('supervise.table');
  const [sorting, setSorting] = useState<SortingState>([]);
  const columnDefs: ColumnDef<typeof features, SortableRow>[] = columns.map((column) => ({
    id: column.id,
    header: column.header,
    accessorFn: (row: SortableRow) => row.cells[column.id]?.value ?? null,
    sortFn: (rowA, rowB, columnId) =>
      compare(rowA.original.cells[columnId]?.value ?? null, rowB.original.cells[columnId]?.value ?? null),
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
  const [first, ...rest] = columns;
  return (
    <div className="mb-4 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {table.getHeaderGroups()[0]?.headers.map((header) => {
              const column = columns.find((c) => c.id === header.column.id);
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  className={`py-2 pr-3 align-bottom ${column?.numeric ? 'text-right' : ''}`}
                >
                  <button
                    type="button"
                    onClick={header.column.getToggleSortingHandler()}
                    className="cursor-pointer border-0 bg-transparent p-0 text-left font-bold text-link underline"
                  >
                    {column?.header}
                    <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}</span>
                    <span className="sr-only">
                      {sorted === 'asc' ? t('sortAscending') : sorted === 'desc' ? t('sortDescending') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className="border-b border-rule"
              data-testid={testId ? `${testId}-row` : undefined}
              data-row-id={row.id}
            >
              {first ? (
                <th scope="row" className="py-2 pr-3 font-normal" data-column={first.id}>
                  <CellContent cell={row.original.cells[first.id]} />
                </th>
              ) : null}
              {rest.map((column) => (
                <td
                  key={column.id}
                  className={`py-2 pr-3 ${column.numeric ? 'text-right tabular-nums' : ''}`}
                  data-column={column.id}
                >
                  <CellContent cell={row.original.cells[column.id]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            <tr className="border-t-2 border-ink font-bold" data-testid={testId ? `${testId}-total` : undefined}>
              {first ? (
                <th scope="row" className="py-2 pr-3" data-column={first.id}>
                  <CellContent cell={footer[first.id]} />
                </th>
              ) : null}
              {rest.map((column) => (
                <td
                  key={column.id}
                  className={`py-2 pr-3 ${column.numeric ? 'text-right tabular-nums' : ''}`}
                  data-column={column.id}
                >
                  <CellContent cell={footer[column.id]} />
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
