'use client';
// The submit path of the data-rights forms: validate with the form's schema, send to the server action, put the
// server's field refusals beside their fields and anything else above the form, in the reader's language. While a
// submission is under way the button is disabled (react-hook-form's isSubmitting), so it cannot be sent twice.
import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/auth/action';

export function useActionForm<Values extends FieldValues, Data>(
  form: UseFormReturn<Values>,
  send: (values: Values) => Promise<ActionResult<Data>>,
  fields: readonly Path<Values>[],
  onDone: (data: Data) => void,
) {
  const tAll = useTranslations();
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await send(values).catch(() => null);
    if (result?.ok) return onDone(result.data);
    if (!result) return setFormError(tAll('errors.generic'));
    const refused = result.fieldErrors ?? {};
    const beside = fields.filter((field) => refused[field]);
    beside.forEach((field) => form.setError(field, { type: 'server', message: refused[field] }));
    if (beside.length === 0 || refused._form) setFormError(tAll(refused._form ?? result.messageKey, result.values));
  });
  return { onSubmit, submitting: form.formState.isSubmitting, formError };
}

/** The refusal that belongs to no one field, announced when it appears. */
export function FormRefusal({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-4 border-l-4 border-danger bg-panel px-4 py-3 font-semibold text-danger">
      {message}
    </p>
  );
}
