'use client';
// Publish a corrected calendar for a year: the full list of holidays and 调休 working weekends (rows can be added,
// changed and removed), with a note saying what was corrected and why.
import { useFieldArray } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { describedBy, FieldError } from '@/components/ui/field-error';
import { PublishRowsForm, RemoveRowButton } from './publish-rows-form';
import { CALENDAR_DAY_KINDS, publishCalendarSchema, type PublishCalendarInput } from '@/lib/admin/schemas';

type Day = PublishCalendarInput['days'][number];
interface Values {
  note: string;
  days: Day[];
}

export type PublishCalendarAction = SchemaAction<typeof publishCalendarSchema, { version: number }>;

export function CalendarForm({
  year,
  basedOnVersion,
  days,
  action,
}: {
  year: number;
  basedOnVersion: number | null;
  days: Day[];
  action: PublishCalendarAction;
}) {
  const t = useTranslations('admin.calendarYear');
  const publish = useActionForm({
    schema: payloadSchema(
      (values: Values) => ({ year, basedOnVersion, note: values.note, days: values.days }),
      publishCalendarSchema,
    ),
    defaultValues: { note: '', days },
    action,
    refresh: true,
    onSuccess: ({ version }, { reset, getValues }) => {
      reset({ note: '', days: getValues('days') });
      return t('published', { version });
    },
  });
  const { form, errorFor } = publish;
  const rows = useFieldArray({ control: form.control, name: 'days' });

  return (
    <PublishRowsForm
      idPrefix="calendar"
      formLabel={{ 'aria-labelledby': 'publish-heading' }}
      action={publish}
      rows={{ name: 'days', count: rows.fields.length, idPrefix: 'day', fields: ['date', 'kind', 'name'] }}
      t={t}
      onAddRow={() =>
        rows.append(
          { date: `${year}-01-01`, kind: 'HOLIDAY', name: '' },
          { focusName: `days.${rows.fields.length}.date` },
        )
      }
    >
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
                  <RemoveRowButton row={index + 1} onRemove={() => rows.remove(index)} t={t} className="shrink-0" />
                </div>
              </div>
            </div>
          </li>
        );
      })}
    </PublishRowsForm>
  );
}
