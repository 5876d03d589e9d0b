'use client';
// Publish a corrected calendar for a year: the full list of holidays and 调休 working weekends (rows can be added,
// changed and removed), with a note saying what was corrected and why.
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { publishCalendarVersionAction } from '@/app/admin/calendar/actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { describedBy, FieldError } from '@/components/ui/field-error';
import { TextareaField } from '@/components/ui/textarea-field';
import { CALENDAR_DAY_KINDS, publishCalendarSchema, type PublishCalendarInput } from '@/lib/admin/schemas';
import { ActionMessage } from './action-message';
import { errorKeyAt, payloadResolver } from './payload-resolver';

type Day = PublishCalendarInput['days'][number];
interface Values {
  note: string;
  days: Day[];
}

export function CalendarForm({
  year,
  basedOnVersion,
  days,
}: {
  year: number;
  basedOnVersion: number | null;
  days: Day[];
}) {
  const t = useTranslations('admin.calendarYear');
  const tAll = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const toPayload = (values: Values) => ({ year, basedOnVersion, note: values.note, days: values.days });
  const form = useForm<Values>({
    resolver: payloadResolver(publishCalendarSchema, toPayload),
    defaultValues: { note: '', days },
  });
  const rows = useFieldArray({ control: form.control, name: 'days' });
  const { errors, isSubmitting } = form.formState;
  const errorFor = (path: string): string | null => {
    const key = serverErrors[path] ?? errorKeyAt(errors, path);
    return key ? tAll(key) : null;
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setServerErrors({});
    const result = await publishCalendarVersionAction(toPayload(values));
    if (!result.ok) {
      setServerErrors(result.fieldErrors ?? {});
      if (!result.fieldErrors) setMessage({ kind: 'error', text: tAll(result.messageKey) });
      return;
    }
    form.reset({ note: '', days: values.days });
    setMessage({ kind: 'ok', text: t('published', { version: result.data.version }) });
    router.refresh();
  });

  const summary = [
    { fieldId: 'calendar-note', message: errorFor('note') },
    { fieldId: 'calendar-add', message: errorFor('days') },
    ...rows.fields.flatMap((_, index) => [
      { fieldId: `day-${index}-date`, message: errorFor(`days.${index}.date`) },
      { fieldId: `day-${index}-kind`, message: errorFor(`days.${index}.kind`) },
      { fieldId: `day-${index}-name`, message: errorFor(`days.${index}.name`) },
    ]),
  ].filter((entry): entry is { fieldId: string; message: string } => entry.message !== null);

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="publish-heading">
      <ActionMessage message={message} />
      <ErrorSummary title={t('problem')} errors={summary} />
      <TextareaField
        id="calendar-note"
        label={t('noteLabel')}
        hint={t('noteHint')}
        rows={3}
        error={errorFor('note')}
        {...form.register('note')}
      />
      <fieldset className="mb-4 border-0 p-0">
        <legend className="mb-2 font-semibold">{t('rowsLegend', { count: rows.fields.length })}</legend>
        <ol className="m-0 list-none p-0">
          {rows.fields.map((field, index) => {
            const dateError = errorFor(`days.${index}.date`);
            const kindError = errorFor(`days.${index}.kind`);
            const nameError = errorFor(`days.${index}.name`);
            return (
              <li key={field.id} className="mb-3 border-l-4 border-rule pl-3" data-testid="calendar-row">
                <div className="grid gap-2 sm:grid-cols-[10rem_10rem_1fr]">
                  <div>
                    <label htmlFor={`day-${index}-date`} className="block text-sm font-semibold">
                      {t('date')}
                    </label>
                    <FieldError id={`day-${index}-date-error`} message={dateError} />
                    <input
                      id={`day-${index}-date`}
                      type="date"
                      min={`${year}-01-01`}
                      max={`${year}-12-31`}
                      className="input"
                      aria-invalid={dateError ? true : undefined}
                      aria-describedby={describedBy(dateError && `day-${index}-date-error`)}
                      {...form.register(`days.${index}.date`)}
                    />
                  </div>
                  <div>
                    <label htmlFor={`day-${index}-kind`} className="block text-sm font-semibold">
                      {t('kind')}
                    </label>
                    <FieldError id={`day-${index}-kind-error`} message={kindError} />
                    <select
                      id={`day-${index}-kind`}
                      className="input"
                      aria-invalid={kindError ? true : undefined}
                      aria-describedby={describedBy(kindError && `day-${index}-kind-error`)}
                      {...form.register(`days.${index}.kind`)}
                    >
                      {CALENDAR_DAY_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`kinds.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`day-${index}-name`} className="block text-sm font-semibold">
                      {t('name')}
                    </label>
                    <FieldError id={`day-${index}-name-error`} message={nameError} />
                    <div className="flex gap-2">
                      <input
                        id={`day-${index}-name`}
                        className="input"
                        aria-invalid={nameError ? true : undefined}
                        aria-describedby={describedBy(nameError && `day-${index}-name-error`)}
                        {...form.register(`days.${index}.name`)}
                      />
                      <button
                        type="button"
                        className="button button-secondary shrink-0"
                        onClick={() => rows.remove(index)}
                        aria-label={t('removeRow', { row: index + 1 })}
                      >
                        {t('remove')}
                      </button>
                    </div>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
        <button
          id="calendar-add"
          type="button"
          className="button button-secondary"
          onClick={() =>
            rows.append(
              { date: `${year}-01-01`, kind: 'HOLIDAY', name: '' },
              { focusName: `days.${rows.fields.length}.date` },
            )
          }
        >
          {t('addRow')}
        </button>
      </fieldset>
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('submit')}
      </button>
    </form>
  );
}
