'use client';
// The cases a group action on a mass incident applies to (SPEC §16): a checkbox per case with its reference, filing
// time and own facts, a count, "select all" and "select none". Shared by the group finding and group interim relief;
// `namespace` holds each form's own texts (its labels differ, so both can sit on one page).
import { useTranslations } from 'next-intl';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import type { CodeColour } from '@/lib/db/generated/enums';

export interface SelectableCase {
  id: string;
  reference: string;
  colour: CodeColour;
  filedAt: string;
  grounds: string;
  evidenceFiles: number;
}

export function IncidentCaseChecklist<Values extends FieldValues & { caseIds: string[] }, Payload>({
  namespace,
  idPrefix,
  countTestId,
  cases,
  form,
  error,
}: {
  namespace: 'incidents.decide' | 'incidents.relief';
  idPrefix: string;
  countTestId: string;
  cases: SelectableCase[];
  form: UseFormReturn<Values, unknown, Payload>;
  error?: string | null;
}) {
  const t = useTranslations(namespace);
  const tTerms = useTranslations('reviewTerms');
  const field = 'caseIds' as Path<Values>;
  const selected = (form.watch(field) as string[] | undefined) ?? [];
  const select = (ids: string[]) => form.setValue(field, ids as PathValue<Values, Path<Values>>);
  return (
    <fieldset id={`${idPrefix}-cases`} className="mb-6 border-0 p-0" aria-describedby={`${idPrefix}-cases-count`}>
      <legend className="mb-2 font-semibold">{t('casesLegend')}</legend>
      {error ? (
        <p role="alert" className="mb-2 font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <p id={`${idPrefix}-cases-count`} className="mb-2" data-testid={countTestId} aria-live="polite">
        {t('selected', { selected: selected.length, total: cases.length })}
      </p>
      <div className="mb-2 flex flex-wrap gap-2">
        <button type="button" className="button-secondary" onClick={() => select(cases.map((c) => c.id))}>
          {t('selectAll')}
        </button>
        <button type="button" className="button-secondary" onClick={() => select([])}>
          {t('selectNone')}
        </button>
      </div>
      <div className="max-h-[28rem] overflow-auto border border-rule">
        <table className="w-full border-collapse text-left">
          <thead>
            <tr>
              {(['include', 'reference', 'filedAt', 'ownFacts'] as const).map((column) => (
                <th key={column} scope="col" className="p-2">
                  {t(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className="border-t border-rule">
                <td className="p-2">
                  <input
                    type="checkbox"
                    className="h-6 w-6"
                    id={`${idPrefix}-include-${c.reference}`}
                    value={c.id}
                    aria-label={t('includeCase', { reference: c.reference })}
                    {...form.register(field)}
                  />
                </td>
                <td className="p-2">
                  <label htmlFor={`${idPrefix}-include-${c.reference}`}>{c.reference}</label>
                </td>
                <td className="p-2">{c.filedAt}</td>
                <td className="p-2">
                  {tTerms.has(`grounds.${c.grounds}`) ? tTerms(`grounds.${c.grounds}`) : c.grounds}
                  {c.evidenceFiles > 0 ? ` · ${t('evidence', { count: c.evidenceFiles })}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
