'use client';
// Publish a new catalogue version: the reasons of the version in force, to edit, add to or remove, with a note on
// what changed. Each reason says the highest colour it allows and how it may be used.
import { useState, type ReactNode } from 'react';
import { useFieldArray } from 'react-hook-form';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { describedBy, FieldError } from '@/components/ui/field-error';
import { ActionMessage } from '@/components/forms/action-message';
import { PublishRowsForm, RemoveRowButton } from './publish-rows-form';
import { COLOURS, publishCatalogueSchema, VALIDITIES } from '@/lib/admin/schemas';

interface Row {
  code: string;
  nameZh: string;
  nameEn: string;
  maxColour: string;
  validity: (typeof VALIDITIES)[number];
}
interface Values {
  note: string;
  reasons: Row[];
}

type Colour = (typeof COLOURS)[number];

export type PublishCatalogueAction = SchemaAction<typeof publishCatalogueSchema, { version: number }>;

export function CatalogueForm({
  basedOnVersion,
  reasons,
  action,
}: {
  basedOnVersion: number;
  action: PublishCatalogueAction;
  reasons: { code: string; nameZh: string; nameEn: string; maxColour: Colour | null; validity: Row['validity'] }[];
}) {
  const t = useTranslations('admin.catalogueNew');
  const tCat = useTranslations('admin.catalogue');
  const [published, setPublished] = useState<number | null>(null);
  const publish = useActionForm({
    schema: payloadSchema(
      (values: Values) => ({
        basedOnVersion,
        note: values.note,
        reasons: values.reasons.map((row) => ({
          ...row,
          maxColour: row.maxColour === '' ? null : (row.maxColour as Colour),
        })),
      }),
      publishCatalogueSchema,
    ),
    defaultValues: { note: '', reasons: reasons.map((reason) => ({ ...reason, maxColour: reason.maxColour ?? '' })) },
    action,
    onSuccess: ({ version }) => setPublished(version),
  });
  const { form, errorFor } = publish;
  const rows = useFieldArray({ control: form.control, name: 'reasons' });

  if (published !== null) {
    return (
      <div>
        <ActionMessage message={{ kind: 'ok', text: t('published', { version: published }) }} />
        <Link href={`/admin/catalogue/${published}`}>{t('viewPublished', { version: published })}</Link>
      </div>
    );
  }

  const fields = ['code', 'nameZh', 'nameEn', 'maxColour', 'validity'] as const;
  const cell = (index: number, field: (typeof fields)[number], control: ReactNode, label: string) => {
    const error = errorFor(`reasons.${index}.${field}`);
    return (
      <div>
        <label htmlFor={`reason-${index}-${field}`} className="block text-sm font-semibold">
          {label}
        </label>
        <FieldError id={`reason-${index}-${field}-error`} message={error} />
        {control}
      </div>
    );
  };
  const aria = (index: number, field: (typeof fields)[number]) => {
    const error = errorFor(`reasons.${index}.${field}`);
    return {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(error && `reason-${index}-${field}-error`),
    };
  };

  return (
    <PublishRowsForm
      idPrefix="catalogue"
      formLabel={{ 'aria-label': t('title') }}
      action={publish}
      rows={{ name: 'reasons', count: rows.fields.length, idPrefix: 'reason', fields }}
      t={t}
      onAddRow={() =>
        rows.append(
          { code: '', nameZh: '', nameEn: '', maxColour: 'YELLOW', validity: 'VALID' },
          { focusName: `reasons.${rows.fields.length}.code` },
        )
      }
    >
      {rows.fields.map((field, index) => (
        <li key={field.id} className="mb-4 border-l-4 border-rule pl-3" data-testid="reason-row">
          <div className="grid gap-2 md:grid-cols-2">
            {cell(
              index,
              'code',
              <input
                id={`reason-${index}-code`}
                className="input font-mono"
                autoCapitalize="characters"
                spellCheck={false}
                {...aria(index, 'code')}
                {...form.register(`reasons.${index}.code`)}
              />,
              tCat('code'),
            )}
            {cell(
              index,
              'nameZh',
              <input
                id={`reason-${index}-nameZh`}
                lang="zh-CN"
                className="input"
                {...aria(index, 'nameZh')}
                {...form.register(`reasons.${index}.nameZh`)}
              />,
              tCat('nameZh'),
            )}
            {cell(
              index,
              'nameEn',
              <input
                id={`reason-${index}-nameEn`}
                lang="en"
                className="input"
                {...aria(index, 'nameEn')}
                {...form.register(`reasons.${index}.nameEn`)}
              />,
              tCat('nameEn'),
            )}
            {cell(
              index,
              'maxColour',
              <select
                id={`reason-${index}-maxColour`}
                className="input"
                {...aria(index, 'maxColour')}
                {...form.register(`reasons.${index}.maxColour`)}
              >
                <option value="">{tCat('noColour')}</option>
                {COLOURS.map((colour) => (
                  <option key={colour} value={colour}>
                    {tCat(`colours.${colour}`)}
                  </option>
                ))}
              </select>,
              tCat('maxColour'),
            )}
            {cell(
              index,
              'validity',
              <select
                id={`reason-${index}-validity`}
                className="input"
                {...aria(index, 'validity')}
                {...form.register(`reasons.${index}.validity`)}
              >
                {VALIDITIES.map((validity) => (
                  <option key={validity} value={validity}>
                    {tCat(`validities.${validity}`)}
                  </option>
                ))}
              </select>,
              tCat('validity'),
            )}
            <div className="flex items-end">
              <RemoveRowButton row={index + 1} onRemove={() => rows.remove(index)} t={t} />
            </div>
          </div>
        </li>
      ))}
    </PublishRowsForm>
  );
}
