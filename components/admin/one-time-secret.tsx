'use client';
// A temporary password shown to the administrator exactly once, with what to do with it.
import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';

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
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      aria-labelledby="one-time-heading"
      className="mb-6 border-4 border-action p-4"
      data-testid="temporary-password-panel"
    >
      <h2 id="one-time-heading" ref={ref} tabIndex={-1} className="mb-2 text-2xl font-bold focus:outline-none">
        {heading}
      </h2>
      <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t('usernameLabel')}</dt>
        <dd className="m-0 font-mono">{username}</dd>
        <dt className="font-semibold">{t('temporaryPassword')}</dt>
        <dd className="m-0 break-all font-mono text-lg" data-testid="temporary-password">
          {password}
        </dd>
      </dl>
      <p className="mb-0">{t('temporaryPasswordHint')}</p>
    </section>
  );
}
