'use client';
// The 10 recovery codes, shown once right after enrolment or renewal: read them, print or copy them, then go on.
import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { CodeForm } from '@/components/forms/code-form';
import type { FormAction } from '@/components/forms/use-action-form';
import { useCodeForm } from '@/components/forms/use-code-form';
import { totpCodeSchema } from '@/lib/admin/account-schemas';

export type RecoveryCodesAction = FormAction<{ code: string }, { recoveryCodes: string[] }>;

/**
 * A code from the app, then the new recovery codes it gave, shown once: when enrolling (then the sign-in goes on to
 * `callbackUrl`), or when renewing them (then the form is back for the next time).
 */
export function RecoveryCodesForm(
  props: { action: RecoveryCodesAction } & ({ purpose: 'enrol'; callbackUrl: string } | { purpose: 'renew' }),
) {
  const t = useTranslations('totp');
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const code = useCodeForm(totpCodeSchema, props.action, (data) => setCodes(data.recoveryCodes));
  const enrol = props.purpose === 'enrol';
  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        continueLabel={enrol ? t('recovery.continue') : t('recovery.done')}
        onContinue={() => {
          if (props.purpose === 'enrol') return window.location.assign(props.callbackUrl);
          setCodes(null);
          router.refresh();
        }}
      />
    );
  }
  return (
    <CodeForm
      code={code}
      formLabel={enrol ? t('enrol.formLabel') : t('manage.renewHeading')}
      id={enrol ? 'enrol-code' : 'renew-code'}
      label={t('enrol.codeLabel')}
      hint={enrol ? t('enrol.codeHint') : undefined}
      submitLabel={enrol ? t('enrol.submit') : t('manage.renewSubmit')}
    />
  );
}

export function RecoveryCodes({
  codes,
  continueLabel,
  onContinue,
}: {
  codes: string[];
  continueLabel: string;
  onContinue: () => void;
}) {
  const t = useTranslations('totp');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-heading" className="border-4 border-action p-4" data-testid="recovery-codes">
      <h2 id="recovery-heading" ref={heading} tabIndex={-1} className="mb-2 text-2xl font-bold focus:outline-none">
        {t('recovery.heading')}
      </h2>
      <p className="mb-3">{t('recovery.body')}</p>
      <ul className="mb-4 grid list-none grid-cols-1 gap-1 p-0 font-mono text-lg sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ul>
      <p className="mb-4 font-semibold">{t('recovery.once')}</p>
      <button type="button" className="button" onClick={onContinue}>
        {continueLabel}
      </button>
    </section>
  );
}
