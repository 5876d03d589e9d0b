'use client';
// The 10 recovery codes, shown once right after enrolment or renewal: read them, print or copy them, then go on.
import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';

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
