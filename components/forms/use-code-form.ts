'use client';
// One code field sent to a server action (second-factor sign-in, TOTP enrolment, renewing recovery codes): the
// field's own error or the server's refusal beside it; a refused code is cleared and the field focused again, an
// accepted one cleared too.
import type { z } from 'zod';
import { useActionForm, type FormAction } from './use-action-form';

export function useCodeForm<Data>(
  schema: z.ZodType<{ code: string }, { code: string }>,
  action: FormAction<{ code: string }, Data>,
  onAccepted: (data: Data) => void,
) {
  const { form, onSubmit, pending, refusal, setMessage, errorFor } = useActionForm({
    schema,
    defaultValues: { code: '' },
    action,
    announce: 'always',
    onSuccess: (data, { reset }) => {
      reset();
      onAccepted(data);
    },
    onRefusal: (_, { setValue, setFocus }) => {
      setValue('code', '');
      setFocus('code');
    },
  });

  return {
    onSubmit,
    isSubmitting: pending,
    error: refusal ?? errorFor('code'),
    codeField: form.register('code', { onChange: () => setMessage(null) }),
  };
}
