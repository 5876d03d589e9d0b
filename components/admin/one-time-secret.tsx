'use client';
// A secret shown to the administrator exactly once (a temporary password, an API key or webhook secret), with what to
// do with it; focus moves to it so a screen reader announces it.
import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';

export interface SecretRow {
  label: string;
  value: string;
  /** data-testid of the value. */
  testId?: string;
  /** The secret itself (larger, breaks anywhere); other rows are identifiers. */
  secret?: boolean;
}

export function SecretPanel({
  heading,
  rows,
  hint,
  testId,
}: {
  heading: string;
  rows: SecretRow[];
  hint: string;
  testId: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const headingId = `${testId}-heading`;
  useEffect(() => ref.current?.focus(), []);
  return (
    <section aria-labelledby={headingId} className="mb-6 border-4 border-action p-4" data-testid={testId}>
      <h2 id={headingId} ref={ref} tabIndex={-1} className="mb-2 text-2xl font-bold focus:outline-none">
        {heading}
      </h2>
      <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="font-semibold">{row.label}</dt>
            <dd className={`m-0 break-all font-mono ${row.secret ? 'text-lg' : ''}`} data-testid={row.testId}>
              {row.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mb-0">{hint}</p>
    </section>
  );
}

/** A staff member's temporary password. */
export function OneTimeSecret({
  heading,
  username,
  password,
}: {
  heading: string;
  username: string;
  password: string;
}) {
  const t = useTranslations('admin.staffForm');
  return (
    <SecretPanel
      heading={heading}
      testId="temporary-password-panel"
      rows={[
        { label: t('usernameLabel'), value: username },
        { label: t('temporaryPassword'), value: password, testId: 'temporary-password', secret: true },
      ]}
      hint={t('temporaryPasswordHint')}
    />
  );
}
