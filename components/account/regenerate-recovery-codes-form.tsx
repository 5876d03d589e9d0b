'use client';
// Renews the recovery codes after a current code from the app; the new codes are shown once and the old ones stop working.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { TextField } from '@/components/ui/text-field';
import { totpCodeSchema } from '@/lib/admin/account-schemas';
import { useCodeForm } from '@/components/forms/use-code-form';
import type { RecoveryCodesAction } from './confirm-enrolment-form';
import { RecoveryCodes } from './recovery-codes';

export function RegenerateRecoveryCodesForm({ action }: { action: RecoveryCodesAction }) {
  const t = useTranslations('totp');
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const { onSubmit, isSubmitting, error, codeField } = useCodeForm(totpCodeSchema, action, (data) =>
    setCodes(data.recoveryCodes),
  );

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

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('manage.renewHeading')}>
      <TextField
        id="renew-code"
        label={t('enrol.codeLabel')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={error}
        {...codeField}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('manage.renewSubmit')}
      </button>
    </form>
  );
}
