'use client';
// Figures tables whose columns all sort (analytics, transparency): plain cells (a text, maybe a link, and the value it
// sorts by) turned into the one DataTable.
import Link from 'next/link';
import { DataTable, type DataRow } from '@/components/ui/data-table';

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

function toDataRow(id: string, cells: Record<string, SortableCell>, testId?: string): DataRow {
  const entries = Object.entries(cells);
  return {
    id,
    cells: Object.fromEntries(
      entries.map(([column, cell]) => [
        column,
        cell.href ? (
          <Link href={cell.href} aria-label={cell.linkLabel}>
            {cell.text}
          </Link>
        ) : (
          cell.text
        ),
      ]),
    ),
    sortValues: Object.fromEntries(entries.map(([column, cell]) => [column, cell.value])),
    attributes: { 'data-testid': testId, 'data-row-id': id },
  };
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
  return (
    <DataTable
      caption={caption}
      columns={columns.map((column) => ({ ...column, sortable: true }))}
      rows={rows.map((row) => toDataRow(row.id, row.cells, testId ? `${testId}-row` : undefined))}
      footer={footer ? toDataRow('total', footer, testId ? `${testId}-total` : undefined) : undefined}
      testId={testId}
    />
  );
}
