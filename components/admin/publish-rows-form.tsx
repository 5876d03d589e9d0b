'use client';
// The form that publishes a new version of a table (the calendar's days, the catalogue's reasons): the outcome and
// what needs correcting, a note on what changed, the rows (each an <li> of the caller's), a button that adds a row
// and the one that publishes.
import type { ReactNode } from 'react';
import type { FieldValues, Path } from 'react-hook-form';
import { ActionMessage } from '@/components/forms/action-message';
import type { ActionForm } from '@/components/forms/use-action-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextareaField } from '@/components/ui/textarea-field';

export function PublishRowsForm<Values extends FieldValues & { note: string }, Payload>({
  idPrefix,
  formLabel,
  action,
  rows,
  t,
  onAddRow,
  children,
}: {
  /** `<prefix>-note` and `<prefix>-add` are the ids the error summary links to. */
  idPrefix: string;
  formLabel: { 'aria-label': string } | { 'aria-labelledby': string };
  /** The form's useActionForm. */
  action: Pick<ActionForm<Values, Payload>, 'form' | 'onSubmit' | 'pending' | 'message' | 'errorFor' | 'summary'>;
  /**
   * The rows' array in the values (`name`), how many there are, and each row's fields: a field's element id is
   * `<idPrefix>-<index>-<field>` (the error summary links to it).
   */
  rows: { name: string; count: number; idPrefix: string; fields: readonly string[] };
  /** The form's namespace: problem, noteLabel, noteHint, rowsLegend ({count}), addRow and submit. */
  t: (
    key: 'problem' | 'noteLabel' | 'noteHint' | 'rowsLegend' | 'addRow' | 'submit',
    values?: { count: number },
  ) => string;
  onAddRow: () => void;
  children: ReactNode;
}) {
  const { form, onSubmit, pending, message, errorFor, summary } = action;
  const errors = summary([
    [`${idPrefix}-note`, 'note'],
    [`${idPrefix}-add`, rows.name],
    ...Array.from({ length: rows.count }, (_, index) =>
      rows.fields.map((field) => [`${rows.idPrefix}-${index}-${field}`, `${rows.name}.${index}.${field}`] as const),
    ).flat(),
  ]);
  return (
    <form noValidate onSubmit={onSubmit} {...formLabel}>
      <ActionMessage message={message} />
      <ErrorSummary title={t('problem')} errors={errors} />
      <TextareaField
        id={`${idPrefix}-note`}
        label={t('noteLabel')}
        hint={t('noteHint')}
        rows={3}
        error={errorFor('note')}
        {...form.register('note' as Path<Values>)}
      />
      <fieldset className="mb-4 border-0 p-0">
        <legend className="mb-2 font-semibold">{t('rowsLegend', { count: rows.count })}</legend>
        <ol className="m-0 list-none p-0">{children}</ol>
        <button id={`${idPrefix}-add`} type="button" className="button button-secondary" onClick={onAddRow}>
          {t('addRow')}
        </button>
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}

/** The button that removes one row, named with the row's number for screen readers. */
export function RemoveRowButton({
  row,
  onRemove,
  t,
  className = '',
}: {
  /** 1-based. */
  row: number;
  onRemove: () => void;
  t: (key: 'removeRow' | 'remove', values?: { row: number }) => string;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={`button button-secondary ${className}`}
      onClick={onRemove}
      aria-label={t('removeRow', { row })}
    >
      {t('remove')}
    </button>
  );
}
