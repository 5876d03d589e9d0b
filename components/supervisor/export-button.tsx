// "Export CSV": a plain form that POSTs the table's filters to /supervise/export/[table]; the answer is a download.
// POST, because every export writes an audit event.
import type { ExportTable } from '@/lib/supervision/schemas';

export function ExportButton({
  table,
  text,
  label,
  filters = {},
}: {
  table: ExportTable;
  text: string;
  /** Accessible name naming the table, e.g. "Export “Overdue cases” as a CSV file". */
  label: string;
  filters?: Record<string, string | null | undefined>;
}) {
  return (
    <form method="post" action={`/supervise/export/${table}`} className="my-2 inline-block">
      {Object.entries(filters).map(([name, value]) =>
        value == null ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      <button type="submit" className="button button-secondary" aria-label={label} data-testid={`export-${table}`}>
        {text}
      </button>
    </form>
  );
}
