'use client';
// A citizen's request about the personal data of one appeal (SPEC §17): correct its contact number, or delete a closed
// appeal's personal data early. Checked with the same schema as the server; the server's refusal is shown in the
// citizen's language.
import { useRouter } from 'next/navigation';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { fileDataRequestAction } from '@/app/account/my-data/actions';
import { RadioGroup } from '@/components/ui/radio-group';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { fieldErrorsOf } from '@/lib/cases/parse-input';
import { fileDataRequestSchema } from '@/lib/privacy/schemas';
import { FormRefusal, useActionForm } from './use-action-form';

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

const resolver: Resolver<Values> = async (values) => {
  const parsed = fileDataRequestSchema.safeParse(payloadOf(values));
  if (parsed.success) return { values, errors: {} };
  const errors = Object.fromEntries(
    Object.entries(fieldErrorsOf(parsed.error)).map(([field, message]) => [field, { type: 'schema', message }]),
  );
  return { values: {}, errors };
};

export function DataRequestForm({ cases, doneHref }: { cases: RequestableCaseOption[]; doneHref: string }) {
  const t = useTranslations('privacy.request');
  const tAll = useTranslations();
  const router = useRouter();
  const form = useForm<Values>({
    resolver,
    defaultValues: { kind: 'CORRECT_CONTACT', caseId: cases[0]?.id ?? '', newMobile: '', note: '' },
  });
  const send = (values: Values) => fileDataRequestAction(payloadOf(values));
  const { onSubmit, submitting, formError } = useActionForm(form, send, ['caseId', 'newMobile', 'note'], () => {
    router.push(doneHref);
    router.refresh();
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const errors = form.formState.errors;
  const message = (key: string | undefined) => (key ? tAll(key) : null);

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="data-request-form">
      <FormRefusal message={formError} />
      <RadioGroup
        id="request-kind"
        legend={t('kindLegend')}
        error={message(errors.kind?.message)}
        options={[
          { value: 'CORRECT_CONTACT', label: t('kindCorrect'), hint: t('kindCorrectHint') },
          { value: 'ERASE_CASE', label: t('kindErase'), hint: t('kindEraseHint') },
        ]}
        input={form.register('kind')}
      />
      <SelectField
        id="request-case"
        label={t('caseLabel')}
        error={message(errors.caseId?.message)}
        {...form.register('caseId')}
      >
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
          error={message(errors.newMobile?.message)}
          {...form.register('newMobile')}
        />
      ) : null}
      <TextareaField
        id="request-note"
        label={t('noteLabel')}
        hint={t('noteHint')}
        rows={3}
        error={message(errors.note?.message)}
        {...form.register('note')}
      />
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
