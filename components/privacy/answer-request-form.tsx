'use client';
// A supervisor's answer to one data request: done (the correction or deletion is applied) or refused, with the text
// the citizen reads. Same schema as the server.
import { useRouter } from 'next/navigation';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { answerDataRequestAction } from '@/app/supervise/data-requests/actions';
import { RadioGroup } from '@/components/ui/radio-group';
import { TextareaField } from '@/components/ui/textarea-field';
import { answerDataRequestSchema } from '@/lib/privacy/schemas';
import { FormRefusal, useActionForm } from './use-action-form';

interface Values {
  requestId: string;
  outcome: 'COMPLETED' | 'REFUSED';
  answer: string;
}

export function AnswerRequestForm({ requestId }: { requestId: string }) {
  const t = useTranslations('superviseDataRequests');
  const tAll = useTranslations();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(answerDataRequestSchema) as unknown as Resolver<Values>,
    defaultValues: { requestId, outcome: 'COMPLETED', answer: '' },
  });
  const { onSubmit, submitting, formError } = useActionForm(form, answerDataRequestAction, ['answer'], () =>
    router.refresh(),
  );
  const answerError = form.formState.errors.answer?.message;
  const id = `answer-${requestId}`;
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="answer-request-form">
      <FormRefusal message={formError} />
      <RadioGroup
        id={`${id}-outcome`}
        legend={t('outcomeLegend')}
        options={[
          { value: 'COMPLETED', label: t('complete') },
          { value: 'REFUSED', label: t('refuse') },
        ]}
        input={form.register('outcome')}
      />
      <TextareaField
        id={`${id}-text`}
        label={t('answerLabel')}
        hint={t('answerHint')}
        rows={3}
        error={answerError ? tAll(answerError) : null}
        {...form.register('answer')}
      />
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
