// The filters above a supervision list or report: a plain GET form (works without JavaScript, the filters stay in the
// address) under its heading, with the refusal of filters that do not parse announced at the top.
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

export function FilterPanel({
  headingId,
  heading,
  errorKey,
  children,
}: {
  headingId: string;
  heading: string;
  /** The message key of the first filter refused, or null. */
  errorKey: string | null;
  children: ReactNode;
}) {
  const t = useTranslations();
  return (
    <form method="get" className="mb-6 border-l-4 border-rule bg-panel p-4" aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-xl font-bold">
        {heading}
      </h2>
      {errorKey ? (
        <p role="alert" className="mb-2 font-semibold text-danger">
          {t.has(errorKey) ? t(errorKey) : t('supervise.errors.invalid')}
        </p>
      ) : null}
      {children}
    </form>
  );
}
