'use client';
// A confirmation form for one citizen action on a case (withdraw, ask for a second-level review): an optional or
// required reason, one button that cannot be pressed twice, and the engine's refusal shown in the citizen's language.
import { useRef, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { requestSecondReviewAction, withdrawCaseAction } from '@/app/my-cases/[caseId]/actions';
import { TextareaField } from '@/components/ui/textarea-field';
import { requestSecondReviewSchema, withdrawSchema } from '@/lib/cases/forms/schemas';

export interface CaseActionFormProps {
  action: 'withdraw' | 'secondReview';
  caseId: string;
  version: number;
  reasonLabel: string;
  reasonHint: string;
  submitLabel: string;
  submittingLabel: string;
  /** Where to go after success (the case page with its banner). */
  doneHref: string;
  danger?: boolean;
}

interface ReasonValues {
  caseId: string;
  expectedVersion: number;
  reason: string;
}

export function CaseActionForm({
  action,
  caseId,
  version,
  reasonLabel,
  reasonHint,
  submitLabel,
  submittingLabel,
  doneHref,
  danger,
}: CaseActionFormProps) {
  const tAll = useTranslations();
  const router = useRouter();
  const schema = action === 'withdraw' ? withdrawSchema : requestSecondReviewSchema;
  const form = useForm<ReasonValues>({
    resolver: zodResolver(schema) as unknown as Resolver<ReasonValues>,
    defaultValues: { caseId, expectedVersion: version, reason: '' },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const reasonKey = form.formState.errors.reason?.message;
  const id = `${action}-reason`;

  const submit = async (values: ReasonValues) => {
    setSubmitting(true);
    setFormError(null);
    const input = {
      caseId: values.caseId,
      expectedVersion: values.expectedVersion,
      ...(values.reason.trim() || action === 'secondReview' ? { reason: values.reason } : {}),
    };
    try {
      const result =
        action === 'withdraw'
          ? await withdrawCaseAction(input)
          : await requestSecondReviewAction({ ...input, reason: values.reason });
      if (result.ok) {
        router.push(doneHref);
        router.refresh();
        return;
      }
      const fieldKey = result.fieldErrors?.reason;
      if (fieldKey) form.setError('reason', { type: 'server', message: fieldKey });
      else setFormError(tAll(result.messageKey, result.values));
    } catch {
      setFormError(tAll('errors.generic'));
    }
    setSubmitting(false);
  };

  // One submission at a time: a second click before the first answer does nothing.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    void form
      .handleSubmit(submit)()
      .finally(() => {
        busy.current = false;
      });
  };

  return (
    <form noValidate onSubmit={onSubmit} data-testid={`${action}-form`}>
      {formError ? (
        <p role="alert" className="mb-4 border-l-4 border-danger bg-panel px-4 py-3 font-semibold text-danger">
          {formError}
        </p>
      ) : null}
      <TextareaField
        id={id}
        label={reasonLabel}
        hint={reasonHint}
        rows={4}
        error={reasonKey ? tAll(reasonKey) : null}
        {...form.register('reason')}
      />
      <button type="submit" className={`button ${danger ? 'bg-danger hover:bg-[#8a1d17]' : ''}`} disabled={submitting}>
        {submitting ? submittingLabel : submitLabel}
      </button>
    </form>
  );
}
