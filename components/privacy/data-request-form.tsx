'use client';
// A citizen's request about the personal data of one appeal (SPEC §17): correct its contact number, or delete a closed
// appeal's personal data early. Checked with the same schema as the server; the server's refusal is shown in the
// citizen's language.
import { useRouter } from 'next/navigation';
import { useWatch } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { RefusalAlert } from '@/components/forms/refusal-alert';
import { payloadSchema, useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { RadioGroup } from '@/components/ui/radio-group';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { fileDataRequestSchema } from '@/lib/privacy/schemas';

interface Values {
  kind: 'CORRECT_CONTACT' | 'ERASE_CASE';
  caseId: string;
  newMobile: string;
  note: string;
}

export interface RequestableCaseOption {
  id: string;
  label: string;
  closed: boolean;
}

/** Only the fields of the chosen kind go to the schema (it is strict). */
function payloadOf(values: Values) {
  const note = values.note.trim() ? { note: values.note } : {};
  return values.kind === 'CORRECT_CONTACT'
    ? { kind: values.kind, caseId: values.caseId, newMobile: values.newMobile, ...note }
    : { kind: values.kind, caseId: values.caseId, ...note };
}

export type FileDataRequestAction = SchemaAction<typeof fileDataRequestSchema, unknown>;

export function DataRequestForm({
  cases,
  doneHref,
  action,
}: {
  cases: RequestableCaseOption[];
  doneHref: string;
  action: FileDataRequestAction;
}) {
  const t = useTranslations('privacy.request');
  const router = useRouter();
  const { form, onSubmit, pending, refusal, errorFor } = useActionForm({
    schema: payloadSchema((values: Values) => payloadOf(values), fileDataRequestSchema),
    defaultValues: { kind: 'CORRECT_CONTACT', caseId: cases[0]?.id ?? '', newMobile: '', note: '' },
    action,
    onSuccess: () => {
      router.push(doneHref);
      router.refresh();
    },
  });
  const kind = useWatch({ control: form.control, name: 'kind' });

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="data-request-form">
      <RefusalAlert text={refusal} className="mb-4 border-l-4 border-danger bg-panel px-4 py-3" />
      <RadioGroup
        id="request-kind"
        legend={t('kindLegend')}
        error={errorFor('kind')}
        options={[
          { value: 'CORRECT_CONTACT', label: t('kindCorrect'), hint: t('kindCorrectHint') },
          { value: 'ERASE_CASE', label: t('kindErase'), hint: t('kindEraseHint') },
        ]}
        input={form.register('kind')}
      />
      <SelectField id="request-case" label={t('caseLabel')} error={errorFor('caseId')} {...form.register('caseId')}>
        {cases.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </SelectField>
      {kind === 'CORRECT_CONTACT' ? (
        <TextField
          id="request-mobile"
          label={t('mobileLabel')}
          inputMode="numeric"
          autoComplete="tel-national"
          maxLength={11}
          error={errorFor('newMobile')}
          {...form.register('newMobile')}
        />
      ) : null}
      <TextareaField
        id="request-note"
        label={t('noteLabel')}
        hint={t('noteHint')}
        rows={3}
        error={errorFor('note')}
        {...form.register('note')}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
