'use client';
// One code field sent to a server action (second-factor sign-in, TOTP enrolment, renewing recovery codes): the
// field's own error or the server's refusal beside it; a refused code is cleared and the field focused again, an
// accepted one cleared too.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/auth/action';

export function useCodeForm<Data>(
  schema: z.ZodType<{ code: string }, { code: string }>,
  submit: (input: { code: string }) => Promise<ActionResult<Data>>,
  onAccepted: (data: Data) => void,
) {
  const tAll = useTranslations();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<{ code: string }>({ resolver: zodResolver(schema), defaultValues: { code: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setRefusal(null);
    const result = await submit({ code });
    if (result.ok) {
      form.reset();
      onAccepted(result.data);
      return;
    }
    setRefusal(tAll(result.messageKey, result.values));
    form.setValue('code', '');
    form.setFocus('code');
  });

  return {
    onSubmit,
    isSubmitting,
    error: refusal ?? (errors.code?.message ? tAll(errors.code.message) : null),
    codeField: form.register('code', { onChange: () => setRefusal(null) }),
  };
}
