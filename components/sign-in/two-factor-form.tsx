'use client';
// The second-factor step: one field for the 6-digit code from the app or a recovery code; refusals show beside it.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { verifySecondFactorAction } from '@/app/sign-in/two-factor/actions';
import { TextField } from '@/components/ui/text-field';
import { secondFactorSchema, type SecondFactorInput } from '@/lib/admin/account-schemas';

export function TwoFactorForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('totp');
  const tAll = useTranslations();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<SecondFactorInput>({ resolver: zodResolver(secondFactorSchema), defaultValues: { code: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setRefusal(null);
    const result = await verifySecondFactorAction({ code });
    if (result.ok) {
      window.location.assign(callbackUrl);
      return;
    }
    setRefusal(tAll(result.messageKey, result.values));
    form.setValue('code', '');
    form.setFocus('code');
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('verify.formLabel')}>
      <TextField
        id="second-factor-code"
        label={t('verify.codeLabel')}
        hint={t('verify.codeHint')}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        error={refusal ?? (errors.code?.message ? tAll(errors.code.message) : null)}
        {...form.register('code', { onChange: () => setRefusal(null) })}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('verify.submit')}
      </button>
    </form>
  );
}
