// A page's heading and the sentence under it, the same on every staff page.
import type { ReactNode } from 'react';

export function PageHeader({
  title,
  intro,
  children,
  introClassName = 'mb-6',
}: {
  title: ReactNode;
  intro?: ReactNode;
  /** Shown under the intro (scope line, actions). */
  children?: ReactNode;
  introClassName?: string;
}) {
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{title}</h1>
      {intro ? <p className={`${introClassName} text-muted`}>{intro}</p> : null}
      {children}
    </>
  );
}
