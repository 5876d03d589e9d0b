'use client';
// Confirms the enrolment with the first code from the app; then shows the recovery codes once and continues the sign-in.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { TextField } from '@/components/ui/text-field';
import { totpCodeSchema } from '@/lib/admin/account-schemas';
import { useCodeForm } from '@/components/forms/use-code-form';
import type { FormAction } from '@/components/forms/use-action-form';
import { RecoveryCodes } from './recovery-codes';

export type RecoveryCodesAction = FormAction<{ code: string }, { recoveryCodes: string[] }>;

export function ConfirmEnrolmentForm({ callbackUrl, action }: { callbackUrl: string; action: RecoveryCodesAction }) {
  const t = useTranslations('totp');
  const [codes, setCodes] = useState<string[] | null>(null);
  const { onSubmit, isSubmitting, error, codeField } = useCodeForm(totpCodeSchema, action, (data) =>
    setCodes(data.recoveryCodes),
  );

  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        continueLabel={t('recovery.continue')}
        onContinue={() => window.location.assign(callbackUrl)}
      />
    );

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('enrol.formLabel')}>
      <TextField
        id="enrol-code"
        label={t('enrol.codeLabel')}
        hint={t('enrol.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={error}
        {...codeField}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('enrol.submit')}
      </button>
    </form>
  );
}
