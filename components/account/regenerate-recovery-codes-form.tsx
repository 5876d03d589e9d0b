'use client';
// Renews the recovery codes after a current code from the app; the new codes are shown once and the old ones stop working.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { CodeForm } from '@/components/forms/code-form';
import { totpCodeSchema } from '@/lib/admin/account-schemas';
import { useCodeForm } from '@/components/forms/use-code-form';
import type { RecoveryCodesAction } from './confirm-enrolment-form';
import { RecoveryCodes } from './recovery-codes';

export function RegenerateRecoveryCodesForm({ action }: { action: RecoveryCodesAction }) {
  const t = useTranslations('totp');
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const code = useCodeForm(totpCodeSchema, action, (data) => setCodes(data.recoveryCodes));

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
    <CodeForm
      code={code}
      formLabel={t('manage.renewHeading')}
      id="renew-code"
      label={t('enrol.codeLabel')}
      submitLabel={t('manage.renewSubmit')}
    />
  );
}
