// A wide table's horizontal scroll area, reachable by keyboard (it takes focus) and named for screen readers.
import type { ReactNode } from 'react';

export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // Focusable so that keyboard users can scroll it (WCAG 2.1.1).
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`overflow-x-auto focus-visible:outline-offset-2 ${className ?? ''}`}
    >
      {children}
    </div>
  );
}
