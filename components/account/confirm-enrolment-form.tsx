'use client';
// Confirms the enrolment with the first code from the app; then shows the recovery codes once and continues the sign-in.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { CodeForm } from '@/components/forms/code-form';
import { totpCodeSchema } from '@/lib/admin/account-schemas';
import { useCodeForm } from '@/components/forms/use-code-form';
import type { FormAction } from '@/components/forms/use-action-form';
import { RecoveryCodes } from './recovery-codes';

export type RecoveryCodesAction = FormAction<{ code: string }, { recoveryCodes: string[] }>;

export function ConfirmEnrolmentForm({ callbackUrl, action }: { callbackUrl: string; action: RecoveryCodesAction }) {
  const t = useTranslations('totp');
  const [codes, setCodes] = useState<string[] | null>(null);
  const code = useCodeForm(totpCodeSchema, action, (data) => setCodes(data.recoveryCodes));

  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        continueLabel={t('recovery.continue')}
        onContinue={() => window.location.assign(callbackUrl)}
      />
    );

  return (
    <CodeForm
      code={code}
      formLabel={t('enrol.formLabel')}
      id="enrol-code"
      label={t('enrol.codeLabel')}
      hint={t('enrol.codeHint')}
      submitLabel={t('enrol.submit')}
    />
  );
}
