// Headline numbers with their labels, for the role homes.
import type { ReactNode } from 'react';

export function Stat({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <div className="border-l-4 border-ink bg-panel px-4 py-3">
      <dt className="text-muted">{label}</dt>
      <dd className="m-0 text-3xl font-bold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function StatList({ children }: { children: ReactNode }) {
  return <dl className="my-6 grid grid-cols-1 gap-4 sm:grid-cols-3">{children}</dl>;
}
