'use client';
// Confirms the enrolment with the first code from the app; then shows the recovery codes once and continues the sign-in.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { confirmTotpEnrolmentAction } from '@/app/account/actions';
import { TextField } from '@/components/ui/text-field';
import { totpCodeSchema, type TotpCodeInput } from '@/lib/admin/account-schemas';
import { RecoveryCodes } from './recovery-codes';

export function ConfirmEnrolmentForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('totp');
  const tAll = useTranslations();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<TotpCodeInput>({ resolver: zodResolver(totpCodeSchema), defaultValues: { code: '' } });
  const { errors, isSubmitting } = form.formState;

  if (codes) return <RecoveryCodes codes={codes} continueLabel={t('recovery.continue')} onContinue={() => window.location.assign(callbackUrl)} />;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setRefusal(null);
    const result = await confirmTotpEnrolmentAction({ code });
    if (result.ok) {
      setCodes(result.data.recoveryCodes);
      return;
    }
    setRefusal(tAll(result.messageKey, result.values));
    form.setValue('code', '');
    form.setFocus('code');
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('enrol.formLabel')}>
      <TextField
        id="enrol-code"
        label={t('enrol.codeLabel')}
        hint={t('enrol.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={refusal ?? (errors.code?.message ? tAll(errors.code.message) : null)}
        {...form.register('code', { onChange: () => setRefusal(null) })}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('enrol.submit')}
      </button>
    </form>
  );
}
