// A titled part of a page: a <section> named by its <h2>, so screen readers list it among the page's landmarks.
import type { ReactNode } from 'react';

export function Section({
  id,
  heading,
  hint,
  className = 'mb-8',
  testId,
  children,
}: {
  /** The heading's id; the section is labelled by it. */
  id: string;
  heading: ReactNode;
  /** A sentence under the heading. */
  hint?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className} data-testid={testId}>
      <h2 id={id} className="mb-2 text-2xl font-bold">
        {heading}
      </h2>
      {hint ? <p className="mb-2 text-muted">{hint}</p> : null}
      {children}
    </section>
  );
}
