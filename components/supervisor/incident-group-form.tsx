'use client';
// The frame of a group action on a mass incident's cases (the group finding, group interim relief): the form's
// intro, the error summary, the cases to include, the action's own fields, and the submit button that counts the
// cases ticked. `namespace` holds each form's texts (intro, submit and the case list's labels).
import type { ReactNode } from 'react';
import type { FieldValues, Path } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { type ActionForm } from '@/components/forms/use-action-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { IncidentCaseChecklist, type SelectableCase } from './incident-case-checklist';

export function IncidentGroupForm<Values extends FieldValues & { caseIds: string[] }, Payload>({
  namespace,
  idPrefix,
  countTestId,
  labelledBy,
  testId,
  cases,
  action,
  summaryFields,
  children,
  outcome,
}: {
  namespace: 'incidents.decide' | 'incidents.relief';
  /** The case list's id is `${idPrefix}-cases`. */
  idPrefix: string;
  countTestId: string;
  /** The id of the page's section heading that names the form. */
  labelledBy: string;
  testId?: string;
  cases: SelectableCase[];
  /** The form's useActionForm. */
  action: Pick<ActionForm<Values, Payload>, 'form' | 'onSubmit' | 'pending' | 'errorFor' | 'summary'>;
  /** The action's own fields in the error summary, after the case list: [element id, path]. */
  summaryFields: ReadonlyArray<readonly [fieldId: string, path: string]>;
  /** The action's own fields. */
  children: ReactNode;
  /** The action's outcome, under the button. */
  outcome: ReactNode;
}) {
  const t = useTranslations(namespace);
  const tAll = useTranslations();
  const { form, onSubmit, pending, errorFor, summary } = action;
  const selected = form.watch('caseIds' as Path<Values>) as string[] | undefined;
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={labelledBy} data-testid={testId}>
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      <ErrorSummary
        title={tAll('reviewActions.errorSummary')}
        errors={summary([[`${idPrefix}-cases`, 'caseIds'], ...summaryFields])}
      />
      <IncidentCaseChecklist
        namespace={namespace}
        idPrefix={idPrefix}
        countTestId={countTestId}
        cases={cases}
        form={form}
        error={errorFor('caseIds')}
      />
      {children}
      <button type="submit" className="button" disabled={pending}>
        {t('submit', { count: (selected ?? []).length })}
      </button>
      {outcome}
    </form>
  );
}
