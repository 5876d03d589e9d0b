'use client';
// A supervisor's answer to one data request: done (the correction or deletion is applied) or refused, with the text
// the citizen reads. Same schema as the server.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { RefusalAlert } from '@/components/forms/refusal-alert';
import { useActionForm, type SchemaAction } from '@/components/forms/use-action-form';
import { RadioGroup } from '@/components/ui/radio-group';
import { TextareaField } from '@/components/ui/textarea-field';
import { answerDataRequestSchema } from '@/lib/privacy/schemas';

export type AnswerDataRequestAction = SchemaAction<typeof answerDataRequestSchema, unknown>;

export function AnswerRequestForm({ requestId, action }: { requestId: string; action: AnswerDataRequestAction }) {
  const t = useTranslations('superviseDataRequests');
  const router = useRouter();
  const { form, onSubmit, pending, refusal, errorFor } = useActionForm({
    schema: answerDataRequestSchema,
    defaultValues: { requestId, outcome: 'COMPLETED', answer: '' },
    action,
    onSuccess: () => router.refresh(),
  });
  const id = `answer-${requestId}`;
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="answer-request-form">
      <RefusalAlert text={refusal} className="mb-4 border-l-4 border-danger bg-panel px-4 py-3" />
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
        error={errorFor('answer')}
        {...form.register('answer')}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
