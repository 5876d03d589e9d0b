'use client';
// A confirmation form for one citizen action on a case (withdraw, ask for a second-level review): an optional or
// required reason, one button that cannot be pressed twice, and the engine's refusal shown in the citizen's language.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import type { z } from 'zod';
import { RefusalAlert } from '@/components/forms/refusal-alert';
import { payloadSchema, useActionForm, type FormAction, type SchemaAction } from '@/components/forms/use-action-form';
import { TextareaField } from '@/components/ui/textarea-field';
import { requestSecondReviewSchema, withdrawSchema } from '@/lib/cases/forms/schemas';

interface ReasonValues {
  caseId: string;
  expectedVersion: number;
  reason: string;
}

type Payload = z.output<typeof withdrawSchema> | z.output<typeof requestSecondReviewSchema>;

/** Which action, and the server action that does it (handed down by the page). */
type ActionChoice =
  | { action: 'withdraw'; submit: SchemaAction<typeof withdrawSchema, unknown> }
  | { action: 'secondReview'; submit: SchemaAction<typeof requestSecondReviewSchema, unknown> };

export type CaseActionFormProps = ActionChoice & {
  caseId: string;
  version: number;
  reasonLabel: string;
  reasonHint: string;
  submitLabel: string;
  submittingLabel: string;
  /** Where to go after success (the case page with its banner). */
  doneHref: string;
  danger?: boolean;
};

export function CaseActionForm({
  action,
  submit,
  caseId,
  version,
  reasonLabel,
  reasonHint,
  submitLabel,
  submittingLabel,
  doneHref,
  danger,
}: CaseActionFormProps) {
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const { form, onSubmit, pending, refusal, errorFor } = useActionForm({
    // A withdrawal's reason is optional: a blank one is not sent.
    schema: payloadSchema<ReasonValues, z.ZodType<Payload>>(
      (values: ReasonValues) => ({
        caseId: values.caseId,
        expectedVersion: values.expectedVersion,
        ...(values.reason.trim() || action === 'secondReview' ? { reason: values.reason } : {}),
      }),
      action === 'withdraw' ? withdrawSchema : requestSecondReviewSchema,
    ),
    defaultValues: { caseId, expectedVersion: version, reason: '' },
    // The schema and the server action are chosen by the same `action` prop.
    action: submit as FormAction<Payload, unknown>,
    onSuccess: () => {
      setLeaving(true);
      router.push(doneHref);
      router.refresh();
    },
  });
  const submitting = pending || leaving;

  return (
    <form noValidate onSubmit={onSubmit} data-testid={`${action}-form`}>
      <RefusalAlert text={refusal} className="mb-4 border-l-4 border-danger bg-panel px-4 py-3" />
      <TextareaField
        id={`${action}-reason`}
        label={reasonLabel}
        hint={reasonHint}
        rows={4}
        error={errorFor('reason')}
        {...form.register('reason')}
      />
      <button type="submit" className={`button ${danger ? 'bg-danger hover:bg-[#8a1d17]' : ''}`} disabled={submitting}>
        {submitting ? submittingLabel : submitLabel}
      </button>
    </form>
  );
}
