'use client';
// Renews the recovery codes after a current code from the app; the new codes are shown once and the old ones stop working.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { regenerateRecoveryCodesAction } from '@/app/account/actions';
import { TextField } from '@/components/ui/text-field';
import { totpCodeSchema, type TotpCodeInput } from '@/lib/admin/account-schemas';
import { RecoveryCodes } from './recovery-codes';

export function RegenerateRecoveryCodesForm() {
  const t = useTranslations('totp');
  const tAll = useTranslations();
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<TotpCodeInput>({ resolver: zodResolver(totpCodeSchema), defaultValues: { code: '' } });
  const { errors, isSubmitting } = form.formState;

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        continueLabel={t('recovery.done')}
        onContinue={() => {
          setCodes(null);
          router.refresh();
        }}
      />
    );
  }

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setRefusal(null);
    const result = await regenerateRecoveryCodesAction({ code });
    if (result.ok) {
      form.reset();
      setCodes(result.data.recoveryCodes);
      return;
    }
    setRefusal(tAll(result.messageKey, result.values));
    form.setValue('code', '');
    form.setFocus('code');
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('manage.renewHeading')}>
      <TextField
        id="renew-code"
        label={t('enrol.codeLabel')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={refusal ?? (errors.code?.message ? tAll(errors.code.message) : null)}
        {...form.register('code', { onChange: () => setRefusal(null) })}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('manage.renewSubmit')}
      </button>
    </form>
  );
}
